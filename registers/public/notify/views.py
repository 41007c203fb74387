"""Public pages for "Tell us your child is not in school": thin views over the forms, the pure
page routing, the answers in the session and the intake service."""

import calendar
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.models import LocalAuthority
from registers.public.authority import with_authority
from registers.public.notify import routing
from registers.public.notify.answers import (
    Journey,
    JourneyExpired,
    JourneyMissing,
    answers_without,
    journey_end,
    journey_get,
    journey_save,
    journey_start,
    sent_get,
    sent_remember,
)
from registers.public.notify.forms import PAGE_FORMS, RemoveForm
from registers.public.ratelimit import public_post_rate_limited
from registers.rules.codes import (
    CaseStatus,
    Door,
    PrimaryReason,
    ProviderType,
    Relationship,
    SenProvision,
    Sex,
)
from registers.services.notifications import notification_submit


def page_url(page: str, return_to: str = "") -> str:
    url = reverse("public:notify-page", kwargs={"page": page})
    return f"{url}?{urlencode({'return': return_to})}" if return_to else url


def _go(page: str, return_to: str = "") -> HttpResponse:
    if page == routing.CONFIRMATION:
        return redirect("public:notify-confirmation")
    return redirect(page_url(page, return_to))


def _return_to(request: HttpRequest) -> str:
    wanted = request.GET.get("return", "")
    return wanted if wanted in routing.RETURN_PAGES else ""


def _journey_or_response(
    request: HttpRequest, authority: LocalAuthority
) -> Journey | HttpResponse:
    """The answers in progress, or the page to show when there are none."""
    try:
        return journey_get(request.session, authority_id=authority.pk)
    except JourneyExpired:
        return _expired(request, authority)
    except JourneyMissing:
        if sent_get(request.session):
            # Sent already: the back button or a second click lands on the confirmation.
            return redirect("public:notify-confirmation")
        # Django drops an idle session at the same time as the answers would expire, so a
        # parent whose session has gone sees the same page and can start again.
        return _expired(request, authority)


def _expired(request: HttpRequest, authority: LocalAuthority) -> HttpResponse:
    return render(
        request,
        "public/notify/expired.html",
        {"header_authority": authority, "idle_minutes": _idle_minutes()},
    )


def _idle_minutes() -> int:
    return max(settings.CNIS_ANSWERS_IDLE_SECONDS // 60, 1)


@public_post_rate_limited
@require_GET
@with_authority
def notify_start(request: HttpRequest, *, authority: LocalAuthority) -> HttpResponse:
    """Start (or carry on with) a notification, then go to the first unanswered question."""
    try:
        journey = journey_get(request.session, authority_id=authority.pk)
    except JourneyMissing:
        journey = journey_start(request.session, authority_id=authority.pk)
    return _go(routing.first_unanswered(journey.answers))


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def notify_page(request: HttpRequest, page: str, *, authority: LocalAuthority) -> HttpResponse:
    if not routing.is_known_page(page):
        raise Http404("No such question")
    journey = _journey_or_response(request, authority)
    if isinstance(journey, HttpResponse):
        return journey
    answers = journey.answers
    if not routing.is_reachable(page, answers):
        return _go(routing.first_unanswered(answers), _return_to(request))
    if page == routing.CHECK_ANSWERS:
        return _check_answers(request, authority, answers)

    return_to = _return_to(request)
    base, number = routing.page_parts(page)
    form_class = PAGE_FORMS[base]
    context = {"answers": answers, "number": number, "today": timezone.localdate()}
    if request.method == "POST":
        form = form_class(request.POST, **context)
        if form.is_valid():
            answers[page] = form.answer()
            journey_save(request.session, journey, authority_id=authority.pk)
            if page == routing.DECLARATION:
                return _submit(request, authority, journey, form)
            if return_to:
                destination = routing.page_after_change(page, answers, return_to)
                # Still on the way back: keep saying where to; back there: nothing to carry.
                return _go(destination, "" if destination == return_to else return_to)
            return _go(routing.next_page(page, answers))
    else:
        saved = answers.get(page)
        form = form_class(initial=form_class.initial_from(saved) if saved else None, **context)

    previous = routing.previous_page(page, answers)
    if return_to:
        back_url = page_url(return_to)
    elif previous:
        back_url = page_url(previous)
    else:
        back_url = reverse("public:start")
    return render(
        request,
        form.page_template,
        {
            "form": form,
            "title": form.title,
            "caption": getattr(form, "caption", ""),
            "back_url": back_url,
            "header_authority": authority,
            "members": _members(answers, base, return_to=page) if base in _SUMMARIES else [],
            "group": _SUMMARIES.get(base, ""),
        },
    )


def _submit(
    request: HttpRequest, authority: LocalAuthority, journey: Journey, form
) -> HttpResponse:
    answers = routing.pruned(journey.answers)
    try:
        notification = notification_submit(
            authority=authority,
            answers=answers,
            idempotency_key=journey.idempotency_key,
            actor=Actor.from_request(request, door=Door.PUBLIC),
        )
    except ApplicationError as error:
        # Checked again on sending (a birthday may have passed): each problem links to the
        # page where it can be put right, which then comes back to check your answers.
        for page, messages in error.errors.items():
            fix_at = page if routing.is_known_page(page) else routing.CHECK_ANSWERS
            for message in messages:
                form.add_error(None, message)
                form.error_hrefs[message] = page_url(fix_at, routing.CHECK_ANSWERS)
        return render(
            request,
            form.page_template,
            {
                "form": form,
                "title": form.title,
                "back_url": page_url(routing.CHECK_ANSWERS),
                "header_authority": authority,
            },
        )
    journey_end(request.session)
    first_contact = answers.get(routing.numbered(routing.PARENT_CONTACT, 1), {})
    sent_remember(
        request.session,
        reference=notification.reference,
        email_given=bool(first_contact.get("email")),
        consent_needed=notification.entry.status == CaseStatus.CONSENT_PENDING,
    )
    return redirect("public:notify-confirmation")


@require_GET
@with_authority
def notify_confirmation(request: HttpRequest, *, authority: LocalAuthority) -> HttpResponse:
    sent = sent_get(request.session)
    if not sent:
        return redirect("public:notify-start")
    return render(
        request,
        "public/notify/confirmation.html",
        {
            "sent": sent,
            "panel_html": format_html("Your reference<br><strong>{}</strong>", sent["reference"]),
            "authority": authority,
            "header_authority": authority,
        },
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def notify_remove(
    request: HttpRequest, group: str, number: int, *, authority: LocalAuthority
) -> HttpResponse:
    """Are you sure? Then take one parent or provider off the list."""
    if group not in routing.GROUPS:
        raise Http404("No such list")
    journey = _journey_or_response(request, authority)
    if isinstance(journey, HttpResponse):
        return journey
    pages_each, summary, _ = routing.GROUPS[group]
    count = routing.group_count(journey.answers, group)
    if count < 2 or not 1 <= number <= count or not routing.is_reachable(summary, journey.answers):
        # The list always keeps one: the parent changes that one's answers instead.
        return _go(routing.first_unanswered(journey.answers))
    noun = "parent or carer" if group == "parent" else "provider"
    form = RemoveForm(
        request.POST or None,
        question=f"Are you sure you want to remove this {noun}?",
        message=f"Select yes if you want to remove this {noun}",
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["remove"] == "yes":
            journey.answers = answers_without(journey.answers, group, number)
            journey_save(request.session, journey, authority_id=authority.pk)
        return _go(summary)
    member = next(
        member
        for member in _members(journey.answers, summary, return_to=summary)
        if member.number == number
    )
    return render(
        request,
        form.page_template,
        {
            "form": form,
            "title": f"Are you sure you want to remove this {noun}?",
            "caption": member.name,
            "back_url": page_url(summary),
            "header_authority": authority,
        },
    )


# The lists of parents and providers, and check your answers ----------------------------------

_SUMMARIES = {routing.PARENTS_SUMMARY: "parent", routing.PROVIDERS_SUMMARY: "provider"}


@dataclass
class Row:
    key: str
    lines: list[str]
    page: str
    hidden: str
    change_url: str = ""


@dataclass
class Member:
    number: int
    name: str
    rows: list[Row] = field(default_factory=list)
    remove_url: str = ""


def _label(choices, value: object) -> str:
    return dict(choices).get(value, "")


def _address_lines(answer: dict) -> list[str]:
    return [
        answer.get(part, "")
        for part in ("line_1", "line_2", "town", "postcode")
        if answer.get(part)
    ]


def _yes_no(answer: dict, field_name: str) -> str:
    return "Yes" if answer.get(field_name) == "yes" else "No"


def _parent_rows(answers: dict, number: int) -> list[Row]:
    def page(base: str) -> str:
        return routing.numbered(base, number)

    def answer(base: str) -> dict:
        return answers.get(page(base), {})

    name = answer(routing.PARENT_NAME)
    where = answer(routing.PARENT_ADDRESS)
    contact = answer(routing.PARENT_CONTACT)
    return [
        Row(
            "Name",
            [f"{name.get('first_name', '')} {name.get('last_name', '')}"],
            page(routing.PARENT_NAME),
            f"name of parent or carer {number}",
        ),
        Row(
            "Relationship to the child",
            [
                _label(
                    Relationship.choices, answer(routing.PARENT_RELATIONSHIP).get("relationship")
                )
            ],
            page(routing.PARENT_RELATIONSHIP),
            f"relationship of parent or carer {number} to the child",
        ),
        Row(
            "Address",
            ["Same as the child's home address"]
            if where.get("same_as_child") == "yes"
            else _address_lines(where),
            page(routing.PARENT_ADDRESS),
            f"address of parent or carer {number}",
        ),
        Row(
            "Contact details",
            [value for value in (contact.get("email"), contact.get("phone")) if value]
            or ["None given"],
            page(routing.PARENT_CONTACT),
            f"contact details of parent or carer {number}",
        ),
        Row(
            "Educates the child",
            [_yes_no(answer(routing.PARENT_EDUCATES), "educates")],
            page(routing.PARENT_EDUCATES),
            f"whether parent or carer {number} educates the child",
        ),
    ]


def _provider_rows(answers: dict, number: int) -> list[Row]:
    def page(base: str) -> str:
        return routing.numbered(base, number)

    details = answers.get(page(routing.PROVIDER_DETAILS), {})
    location = answers.get(page(routing.PROVIDER_LOCATION), {})
    hours = answers.get(page(routing.PROVIDER_HOURS), {})
    where = (
        _address_lines(location)
        if location.get("where") == "address"
        else ["Online"]
        + [value for value in (location.get("website"), location.get("email")) if value]
    )
    return [
        Row(
            "Name",
            [details.get("name", "")],
            page(routing.PROVIDER_DETAILS),
            f"name of provider {number}",
        ),
        Row(
            "Type",
            [_label(ProviderType.choices, details.get("provider_type"))],
            page(routing.PROVIDER_DETAILS),
            f"type of provider {number}",
        ),
        Row("Where", where, page(routing.PROVIDER_LOCATION), f"where for provider {number}"),
        Row(
            "Hours a week",
            [
                f"About {hours.get('hours', '')} hours",
                f"{hours.get('hours_without_parent', '')} without a parent present",
            ],
            page(routing.PROVIDER_HOURS),
            f"hours a week with provider {number}",
        ),
    ]


def _members(answers: dict, summary: str, *, return_to: str) -> list[Member]:
    group = _SUMMARIES[summary]
    count = routing.group_count(answers, group)
    members = []
    for number in range(1, count + 1):
        rows = (_parent_rows if group == "parent" else _provider_rows)(answers, number)
        for row in rows:
            row.change_url = page_url(row.page, return_to)
        members.append(
            Member(
                number=number,
                name=rows[0].lines[0],
                rows=rows,
                remove_url=reverse(
                    "public:notify-remove", kwargs={"group": group, "number": number}
                )
                if count > 1
                else "",
            )
        )
    return members


def _check_answer_sections(answers: dict) -> list[tuple[str, list[Row]]]:
    path = routing.journey(answers)

    def on_path(page: str) -> bool:
        return page in path

    child_name = answers[routing.CHILD_NAME]
    moved_in = answers[routing.CHILD_MOVED_IN]
    child_rows = [
        Row(
            "Name",
            [
                " ".join(
                    part
                    for part in (
                        child_name.get("first_name"),
                        child_name.get("middle_names"),
                        child_name.get("last_name"),
                    )
                    if part
                )
            ],
            routing.CHILD_NAME,
            "your child's name",
        ),
        Row(
            "Date of birth",
            [_long_iso(answers[routing.CHILD_DATE_OF_BIRTH]["date_of_birth"])],
            routing.CHILD_DATE_OF_BIRTH,
            "your child's date of birth",
        ),
        Row(
            "Sex",
            [
                "Prefer not to say"
                if answers[routing.CHILD_SEX]["sex"] == Sex.UNKNOWN
                else _label(Sex.choices, answers[routing.CHILD_SEX]["sex"])
            ],
            routing.CHILD_SEX,
            "your child's sex",
        ),
        Row(
            "Home address",
            _address_lines(answers[routing.CHILD_ADDRESS]),
            routing.CHILD_ADDRESS,
            "your child's home address",
        ),
        Row(
            "Living there since",
            [f"{_month_name(moved_in['month'])} {moved_in['year']}"],
            routing.CHILD_MOVED_IN,
            "when your child started living at this address",
        ),
    ]
    if on_path(routing.CHILD_PREVIOUS_ADDRESS):
        child_rows.append(
            Row(
                "Previous address",
                _address_lines(answers[routing.CHILD_PREVIOUS_ADDRESS]),
                routing.CHILD_PREVIOUS_ADDRESS,
                "your child's previous address",
            )
        )
    additional = [
        "Yes"
        if answers[routing.CHILD_ADDITIONAL_ADDRESS_QUESTION]["has_additional_address"] == "yes"
        else "No"
    ]
    if on_path(routing.CHILD_ADDITIONAL_ADDRESS):
        child_rows.append(
            Row(
                "Other address",
                _address_lines(answers[routing.CHILD_ADDITIONAL_ADDRESS]),
                routing.CHILD_ADDITIONAL_ADDRESS_QUESTION,
                "your child's other address",
            )
        )
    else:
        child_rows.append(
            Row(
                "Lives at another address",
                additional,
                routing.CHILD_ADDITIONAL_ADDRESS_QUESTION,
                "whether your child lives at another address",
            )
        )

    sections: list[tuple[str, list[Row]]] = [("Your child", child_rows)]
    for number in range(1, routing.group_count(answers, "parent") + 1):
        sections.append((f"Parent or carer {number}", _parent_rows(answers, number)))
    sections.append(
        (
            "Parents and carers",
            [
                Row(
                    "Parents and carers",
                    [
                        member.name
                        for member in _members(answers, routing.PARENTS_SUMMARY, return_to="")
                    ],
                    routing.PARENTS_SUMMARY,
                    "the list of parents and carers",
                )
            ],
        )
    )

    education = []
    if on_path(routing.EDUCATION_HOURS):
        education.append(
            Row(
                "Hours a week educated by parents or carers",
                [f"About {answers[routing.EDUCATION_HOURS]['hours']} hours"],
                routing.EDUCATION_HOURS,
                "hours a week educated by parents or carers",
            )
        )
    education.append(
        Row(
            "Anyone else educates your child",
            [_yes_no(answers[routing.OTHER_PROVIDERS_QUESTION], "has_providers")],
            routing.OTHER_PROVIDERS_QUESTION,
            "whether anyone else educates your child",
        )
    )
    sections.append(("Education", education))
    if on_path(routing.PROVIDERS_SUMMARY):
        for number in range(1, routing.group_count(answers, "provider") + 1):
            sections.append((f"Provider {number}", _provider_rows(answers, number)))
        sections.append(
            (
                "Providers",
                [
                    Row(
                        "Providers",
                        [
                            member.name
                            for member in _members(
                                answers, routing.PROVIDERS_SUMMARY, return_to=""
                            )
                        ],
                        routing.PROVIDERS_SUMMARY,
                        "the list of providers",
                    )
                ],
            )
        )

    school = answers[routing.SCHOOL]
    if school.get("never_at_school"):
        school_rows = [Row("School", ["Has not been to school"], routing.SCHOOL, "school")]
    else:
        school_rows = [
            Row("School", [school.get("school_name", "")], routing.SCHOOL, "school"),
            Row(
                "Still on the school's roll",
                [_yes_no(school, "still_on_roll")],
                routing.SCHOOL,
                "whether your child is still on the school's roll",
            ),
            Row(
                "Special school",
                [{"yes": "Yes", "no": "No"}.get(school.get("special_school"), "Not sure")],
                routing.SCHOOL,
                "whether it is a special school",
            ),
        ]
    reason = answers[routing.REASON].get("reason")
    sen = answers[routing.SEN].get("sen")
    more_rows = [
        Row(
            "Main reason",
            [
                "Prefer not to say"
                if reason == PrimaryReason.NO_REASON_GIVEN
                else _label(PrimaryReason.choices, reason) or "Not answered"
            ],
            routing.REASON,
            "the main reason",
        ),
        Row(
            "Special educational needs",
            [
                {
                    SenProvision.SEN_SUPPORT: "SEN support",
                    SenProvision.EHC_PLAN: "Education, health and care (EHC) plan",
                    SenProvision.NONE: "No",
                    SenProvision.UNKNOWN: "Prefer not to say",
                }.get(sen, "Not answered")
            ],
            routing.SEN,
            "special educational needs",
        ),
        Row(
            "Would like support or advice",
            [_yes_no(answers[routing.SUPPORT], "wants_support")],
            routing.SUPPORT,
            "whether you would like support or advice",
        ),
    ]
    sections.append(("School", school_rows))
    sections.append(("More about your child", more_rows))
    for _, rows in sections:
        for row in rows:
            row.change_url = page_url(row.page, routing.CHECK_ANSWERS)
    return sections


def _long_iso(value: str) -> str:
    day = date.fromisoformat(value)
    return f"{day.day} {day:%B %Y}"


def _month_name(month: int) -> str:
    return calendar.month_name[month]


def _check_answers(request: HttpRequest, authority: LocalAuthority, answers: dict) -> HttpResponse:
    return render(
        request,
        "public/notify/check_answers.html",
        {
            "sections": _check_answer_sections(answers),
            "title": "Check your answers before sending your notification",
            "back_url": page_url(routing.previous_page(routing.CHECK_ANSWERS, answers)),
            "declaration_url": page_url(routing.DECLARATION),
            "header_authority": authority,
        },
    )
