"""Public pages for "Tell us your child is not in school": thin views over the forms, the pure
page routing, the answers in the session and the intake service."""

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
from registers.forms import RemoveForm, service_errors_show
from registers.intake.notification import notification_details_validate
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
from registers.public.notify.details import notification_data, page_for
from registers.public.notify.forms import PAGE_FORMS
from registers.public.notify.summary import NOUNS, check_answer_sections, members
from registers.public.ratelimit import public_post_rate_limited, submission_refused
from registers.rules.codes import CaseStatus, Door, NotificationSource
from registers.services.notifications import notification_submit


def page_url(page: str, return_to: str = "") -> str:
    url = reverse("public:notify-page", kwargs={"page": page})
    return f"{url}?{urlencode({'return': return_to})}" if return_to else url


def _go(page: str, return_to: str = "") -> HttpResponse:
    if page == routing.CONFIRMATION:
        return redirect("public:notify-confirmation")
    return redirect(page_url(page, return_to))


_SUMMARIES = {routing.PARENTS_SUMMARY: "parent", routing.PROVIDERS_SUMMARY: "provider"}


def _remove_url(group: str, number: int) -> str:
    return reverse("public:notify-remove", kwargs={"group": group, "number": number})


def _members(answers: dict, summary: str, *, return_to: str) -> list:
    return members(
        answers,
        _SUMMARIES[summary],
        change_url=lambda page: page_url(page, return_to),
        remove_url=_remove_url,
    )


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
                return submission_refused(request) or _submit(request, authority, journey, form)
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
            details=notification_details_validate(
                notification_data(answers), today=timezone.localdate()
            ),
            source=NotificationSource.PARENT,
            idempotency_key=journey.idempotency_key,
            actor=Actor.from_request(request, door=Door.PUBLIC),
        )
    except ApplicationError as error:
        # Checked again on sending (a birthday may have passed): each problem links to the
        # page where it can be put right, which then comes back to check your answers.
        service_errors_show(
            form, error, href_for=lambda path: page_url(page_for(path), routing.CHECK_ANSWERS)
        )
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
    noun = NOUNS[group]
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


def _check_answers(request: HttpRequest, authority: LocalAuthority, answers: dict) -> HttpResponse:
    return render(
        request,
        "public/notify/check_answers.html",
        {
            "sections": check_answer_sections(
                answers, change_url=lambda page: page_url(page, routing.CHECK_ANSWERS)
            ),
            "title": "Check your answers before sending your notification",
            "back_url": page_url(routing.previous_page(routing.CHECK_ANSWERS, answers)),
            "declaration_url": page_url(routing.DECLARATION),
            "header_authority": authority,
        },
    )
