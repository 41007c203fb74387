"""A parent answers an update request (s.436D) through the link in the LA's email.

The link is checked on every page. The answers are held server-side until the parent accepts
the declaration; then the service records them once and the link stops working.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import posted_data
from registers.intake.updates import UpdateAnswers
from registers.models import InformationRequest
from registers.public.answers import AnswersExpired, JourneyAnswers, answers_expired_page
from registers.public.authority import with_authority
from registers.public.forms import ChildIdentityForm, DeclarationForm
from registers.public.ratelimit import public_post_rate_limited
from registers.public.updates.forms import StillCorrectForm, UpdateChangesForm
from registers.rules.codes import Door
from registers.selectors.links import LinkNotUsable, link_digest
from registers.selectors.update_requests import update_request_for_link, update_request_held
from registers.services.update_requests import update_request_answer, update_request_send_again
from registers.validation import hours_text

DONE = "cnis_update_done"

REFUSALS = {
    "unknown": (
        "This link is not valid",
        404,
        "Check that you copied the whole link from the email we sent you.",
    ),
    "used": (
        "This link has already been used",
        410,
        "Each link can be used once. If you have already sent your update, you do not need "
        "to do anything else.",
    ),
    "expired": (
        "This link has expired",
        410,
        "Links stop working after a few weeks, to keep your information safe.",
    ),
}

CHANGE_FIELDS = [
    ("address_line_1", "New address line 1"),
    ("address_line_2", "New address line 2"),
    ("town", "Town or city"),
    ("postcode", "Postcode"),
    ("hours_by_parents", "Hours a week you teach your child"),
    ("providers", "Changes to providers"),
    ("anything_else", "Anything else"),
]


def _actor(request: HttpRequest) -> Actor:
    return Actor.from_request(request, door=Door.PUBLIC)


def _refused(request: HttpRequest, error: LinkNotUsable) -> HttpResponse:
    title, status, explanation = REFUSALS[error.reason]
    form = ChildIdentityForm(submit_label="Ask for a new link")
    form.helper.form_action = reverse("public:update-new-link")
    return render(
        request,
        "public/updates/link_refused.html",
        {
            "title": title,
            "explanation": explanation,
            "form": form,
        },
        status=status,
    )


def _answers_for(request: HttpRequest, information_request: InformationRequest):
    return JourneyAnswers(request.session, f"update-{information_request.pk}")


def _answered_so_far(answers: JourneyAnswers) -> dict | None:
    """The answers of a journey past its first page, or None where there are none: mid-journey
    with nothing held means the session idled out, and with it the answers."""
    try:
        saved = answers.load()
    except AnswersExpired:
        return None
    return saved if saved is not None and "still_correct" in saved else None


def _update_answers(saved: dict) -> UpdateAnswers:
    changes = saved.get("changes", {})
    hours = changes.get("hours_by_parents")
    return UpdateAnswers(
        still_correct=saved["still_correct"],
        **{name: changes.get(name, "") for name, _ in CHANGE_FIELDS if name != "hours_by_parents"},
        hours_by_parents=hours,
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
def update_request_start(request: HttpRequest, token: str) -> HttpResponse:
    """What the LA holds now, and whether it is still correct."""
    try:
        information_request = update_request_for_link(token=token, actor=_actor(request))
    except LinkNotUsable as error:
        return _refused(request, error)
    answers = _answers_for(request, information_request)
    try:
        saved = answers.load() or {}
    except AnswersExpired:
        saved = {}
    initial = {}
    if "still_correct" in saved:
        initial["still_correct"] = "yes" if saved["still_correct"] else "no"
    form = StillCorrectForm(posted_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        still_correct = form.cleaned_data["still_correct"] == "yes"
        answers.update(still_correct=still_correct)
        page = "public:update-request-check" if still_correct else "public:update-request-changes"
        return redirect(page, token=token)
    return render(
        request,
        "public/updates/start.html",
        {
            "form": form,
            "held": update_request_held(information_request=information_request),
            "information_request": information_request,
        },
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
def update_request_changes(request: HttpRequest, token: str) -> HttpResponse:
    try:
        information_request = update_request_for_link(token=token, actor=_actor(request))
    except LinkNotUsable as error:
        return _refused(request, error)
    answers = _answers_for(request, information_request)
    start_url = reverse("public:update-request", kwargs={"token": token})
    saved = _answered_so_far(answers)
    if saved is None:
        return answers_expired_page(request, start_url=start_url)
    form = UpdateChangesForm(posted_data(request), initial=saved.get("changes", {}))
    if request.method == "POST" and form.is_valid():
        checked = form.checked
        changes = {
            name: getattr(checked, name) for name, _ in CHANGE_FIELDS if name != "hours_by_parents"
        }
        if checked.hours_by_parents is not None:
            changes["hours_by_parents"] = hours_text(checked.hours_by_parents)
        answers.update(still_correct=False, changes=changes)
        return redirect("public:update-request-check", token=token)
    return render(
        request,
        "public/updates/form_page.html",
        {
            "form": form,
            "heading": "What has changed?",
            "caption": information_request.entry.child.full_name,
            "intro": "Tell us only what is different from what we hold. Leave the rest blank.",
            "back_url": start_url,
        },
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
def update_request_check(request: HttpRequest, token: str) -> HttpResponse:
    """Check your answers, then the declaration; accepting it sends the update."""
    try:
        information_request = update_request_for_link(token=token, actor=_actor(request))
    except LinkNotUsable as error:
        done = request.session.get(DONE)
        if error.reason == "used" and done and done["digest"] == link_digest(token):
            # The same browser sent this update a moment ago (double click, back button).
            return redirect("public:update-request-done")
        return _refused(request, error)
    answers = _answers_for(request, information_request)
    start_url = reverse("public:update-request", kwargs={"token": token})
    saved = _answered_so_far(answers)
    if saved is None:
        return answers_expired_page(request, start_url=start_url)
    form = DeclarationForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            update_request_answer(
                token=token,
                answers=_update_answers(saved),
                actor=_actor(request),
            )
        except LinkNotUsable as error:
            return _refused(request, error)
        except ApplicationError:
            return redirect("public:update-request-changes", token=token)
        answers.clear()
        request.session[DONE] = {
            "digest": link_digest(token),
            "reference": information_request.entry.reference,
        }
        return redirect("public:update-request-done")
    changes_url = reverse("public:update-request-changes", kwargs={"token": token})
    changes = saved.get("changes", {})
    rows = [
        {
            "key": label,
            "value": changes[name] if name != "hours_by_parents" else f"{changes[name]} hours",
            "href": f"{changes_url}#id_{name}",
        }
        for name, label in CHANGE_FIELDS
        if changes.get(name) and not saved["still_correct"]
    ]
    return render(
        request,
        "public/updates/check.html",
        {
            "form": form,
            "still_correct": saved["still_correct"],
            "rows": rows,
            "start_url": start_url,
            "back_url": start_url if saved["still_correct"] else changes_url,
            "child_name": information_request.entry.child.full_name,
        },
    )


@require_GET
def update_request_done(request: HttpRequest) -> HttpResponse:
    done = request.session.get(DONE)
    if not done:
        return redirect("public:start")
    return render(request, "public/updates/done.html", {"reference": done["reference"]})


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def update_new_link(request: HttpRequest, authority) -> HttpResponse:
    """Ask for a new link. The answer never says whether the details matched anything."""
    form = ChildIdentityForm(posted_data(request), submit_label="Ask for a new link")
    if request.method == "POST" and form.is_valid():
        update_request_send_again(
            authority=authority,
            reference=form.cleaned_data["reference"],
            date_of_birth=form.cleaned_data["date_of_birth"],
            actor=_actor(request),
        )
        return redirect("public:update-new-link-sent")
    return render(
        request,
        "public/updates/form_page.html",
        {
            "form": form,
            "heading": "Ask for a new link",
            "intro": (
                "Tell us your reference and your child's date of birth. If they match a child "
                "on our register, we will email a new link to the address we hold."
            ),
        },
    )


@require_GET
def update_new_link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "public/updates/new_link_sent.html")
