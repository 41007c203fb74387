"""A parent reports a change: who the child is, what changed, the details, check, send.

Whether the reference and date of birth match a child is decided only by the service, and no
page says: the confirmation is the same either way.
"""

import uuid
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import posted_data
from registers.intake.changes import ChangeKind, ChangeReport
from registers.public.answers import AnswersExpired, JourneyAnswers, answers_expired_page
from registers.public.authority import with_authority
from registers.public.changes.forms import DETAILS_FORMS, ChangeKindForm, ReceiptEmailForm
from registers.public.forms import ChildIdentityForm, DeclarationForm
from registers.public.ratelimit import public_post_rate_limited, submission_refused
from registers.rules.codes import Door
from registers.rules.deadlines import long_date
from registers.services.changes import change_report_submit

DONE = "cnis_change_done"
DATE_FIELDS = ("date_of_birth", "moving_on", "school_from")

DETAIL_LABELS = {
    "address_line_1": "New address line 1",
    "address_line_2": "New address line 2",
    "town": "Town or city",
    "postcode": "Postcode",
    "moving_on": "Date you move",
    "destination": "Where you are moving to",
    "school_name": "School",
    "school_from": "Date your child starts",
    "details": "What has changed",
}


def _answers(request: HttpRequest) -> JourneyAnswers:
    return JourneyAnswers(request.session, "change")


def _stored(values: dict) -> dict:
    """Form values as the session keeps them (JSON: dates as ISO strings)."""
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in values.items()
    }


def _loaded(values: dict) -> dict:
    return {
        key: date.fromisoformat(value) if key in DATE_FIELDS and isinstance(value, str) else value
        for key, value in values.items()
    }


def _report(saved: dict, details: dict) -> ChangeReport:
    return ChangeReport(
        reference=saved["reference"],
        date_of_birth=date.fromisoformat(saved["date_of_birth"]),
        kind=ChangeKind(saved["kind"]),
        email=saved.get("email", ""),
        **_loaded(details),
    )


def _saved_or_response(request: HttpRequest, *needed: str) -> tuple[dict | None, HttpResponse]:
    """The answers so far, or the page to show instead (expired, or start again)."""
    start_url = reverse("public:report-change")
    try:
        saved = _answers(request).load()
    except AnswersExpired:
        saved = None
    if saved is None:
        # Mid-journey with no answers: the session idled out (and with it the answers).
        return None, answers_expired_page(request, start_url=start_url)
    if any(key not in saved for key in needed):
        return None, redirect(start_url)
    return saved, None


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def report_change(request: HttpRequest, authority) -> HttpResponse:
    answers = _answers(request)
    try:
        saved = answers.load() or {}
    except AnswersExpired:
        saved = {}
    initial = _loaded({k: saved[k] for k in ("reference", "date_of_birth") if k in saved})
    form = ChildIdentityForm(posted_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        answers.save(
            saved
            | _stored(form.cleaned_data)
            | {"idempotency_key": saved.get("idempotency_key") or uuid.uuid4().hex}
        )
        return redirect("public:report-change-kind")
    return render(
        request,
        "public/updates/form_page.html",
        {
            "form": form,
            "heading": "Report a change",
            "intro": (
                "Tell us about a change for a child on our register: a move, going back to "
                "school, or something else. You need the reference from our emails."
            ),
            "back_url": reverse("public:start"),
        },
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def report_change_kind(request: HttpRequest, authority) -> HttpResponse:
    saved, instead = _saved_or_response(request, "reference")
    if instead:
        return instead
    form = ChangeKindForm(posted_data(request), initial={"kind": saved.get("kind")})
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["kind"] != saved.get("kind"):
            saved["details"] = {}
        _answers(request).save(saved | {"kind": form.cleaned_data["kind"]})
        return redirect("public:report-change-details")
    return render(
        request,
        "public/question.html",
        {"form": form, "title": "What has changed?", "back_url": reverse("public:report-change")},
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def report_change_details(request: HttpRequest, authority) -> HttpResponse:
    saved, instead = _saved_or_response(request, "reference", "kind")
    if instead:
        return instead
    form_class = DETAILS_FORMS[ChangeKind(saved["kind"])]
    form = form_class(posted_data(request), initial=_loaded(saved.get("details", {})))
    if request.method == "POST" and form.is_valid():
        _answers(request).save(saved | {"details": _stored(form.cleaned_data)})
        return redirect("public:report-change-email")
    return render(
        request,
        "public/updates/form_page.html",
        {
            "form": form,
            "heading": form_class.heading,
            "back_url": reverse("public:report-change-kind"),
        },
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def report_change_email(request: HttpRequest, authority) -> HttpResponse:
    saved, instead = _saved_or_response(request, "reference", "kind", "details")
    if instead:
        return instead
    form = ReceiptEmailForm(posted_data(request), initial={"email": saved.get("email", "")})
    if request.method == "POST" and form.is_valid():
        _answers(request).save(saved | {"email": form.cleaned_data["email"]})
        return redirect("public:report-change-check")
    return render(
        request,
        "public/question.html",
        {
            "form": form,
            "title": ReceiptEmailForm.title,
            "back_url": reverse("public:report-change-details"),
        },
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def report_change_check(request: HttpRequest, authority) -> HttpResponse:
    done = request.session.get(DONE)
    saved, instead = _saved_or_response(request, "reference", "kind", "details")
    if instead:
        if request.method == "POST" and done:
            # Sent a moment ago from this browser (double click, back button).
            return redirect("public:report-change-done")
        return instead
    form = DeclarationForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        if refused := submission_refused(request):
            return refused
        try:
            notification = change_report_submit(
                authority=authority,
                report=_report(saved, saved["details"]),
                idempotency_key=f"change-{saved['idempotency_key']}",
                actor=Actor.from_request(request, door=Door.PUBLIC),
            )
        except ApplicationError:
            return redirect("public:report-change-details")
        _answers(request).clear()
        request.session[DONE] = {
            "reference": notification.reference,
            "email_given": bool(saved.get("email")),
        }
        return redirect("public:report-change-done")
    details = _loaded(saved["details"])
    details_url = reverse("public:report-change-details")
    email_url = reverse("public:report-change-email")
    rows = [
        {
            "key": "Your reference",
            "value": saved["reference"],
            "href": reverse("public:report-change") + "#id_reference",
        },
        {
            "key": "Your child's date of birth",
            "value": long_date(date.fromisoformat(saved["date_of_birth"])),
            "href": reverse("public:report-change") + "#id_date_of_birth_0",
        },
        {
            "key": "What has changed",
            "value": ChangeKind(saved["kind"]).label,
            "href": reverse("public:report-change-kind") + "#id_kind",
        },
    ] + [
        {
            "key": label,
            "value": long_date(details[name]) if name in DATE_FIELDS else details[name],
            "href": f"{details_url}#id_{name}{'_0' if name in DATE_FIELDS else ''}",
        }
        for name, label in DETAIL_LABELS.items()
        if details.get(name)
    ]
    rows.append(
        {
            "key": "Your email address",
            "value": saved.get("email") or "Not given",
            "href": f"{email_url}#id_email",
        }
    )
    return render(
        request,
        "public/changes/check.html",
        {"form": form, "rows": rows, "back_url": email_url},
    )


@require_GET
def report_change_done(request: HttpRequest) -> HttpResponse:
    done = request.session.get(DONE)
    if not isinstance(done, dict):
        return redirect("public:start")
    return render(request, "public/changes/done.html", {"done": done})
