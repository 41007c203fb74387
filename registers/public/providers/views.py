"""Public pages where a provider answers an LA's information request (s.436E).

The link in the email is the provider's only key: each page opens it afresh, so a used or
expired link is refused on every page. Answers in progress are held server-side (in the
session) until sent, dropped once sent, and dropped after CNIS_ANSWERS_IDLE_SECONDS idle.
"""

from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.intake.providers import ChildAttendance, ProviderAnswers, SettingDetails
from registers.public.answers import AnswersExpired, JourneyAnswers
from registers.public.authority import chosen_authority
from registers.public.forms import DeclarationForm
from registers.public.providers.forms import (
    NO,
    YES,
    ChildrenAttendanceForm,
    SettingDetailsForm,
    field_name,
)
from registers.public.ratelimit import public_post_rate_limited
from registers.rules.codes import Door, ProviderType
from registers.selectors.links import LinkNotUsable, link_digest
from registers.selectors.providers import (
    ProviderRequestForLink,
    provider_request_authority,
    provider_request_for_link,
)
from registers.services.provider_requests import provider_response_submit

SENT = "cnis_provider_sent"

View = Callable[..., HttpResponse]


def _refused(request: HttpRequest, token: str, reason: str) -> HttpResponse:
    sent = request.session.get(SENT)
    if (
        reason == "used"
        and request.method == "POST"
        and sent is not None
        and sent["digest"] == link_digest(token)
    ):
        # The same browser sent the answers a moment ago (a double click or a retry).
        return redirect("public:provider-request-sent")
    authority = provider_request_authority(token=token) or chosen_authority(request)
    return render(
        request,
        "public/providers/link_not_usable.html",
        {
            "reason": reason,
            "authority": authority,
            "expiry_days": settings.CNIS_LINK_EXPIRY_DAYS,
        },
        status=404 if reason == "unknown" else 410,
    )


def _with_open_link(view: View) -> View:
    """Open the provider's link for the view (as `opened`), or say why it cannot be used."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str) -> HttpResponse:
        try:
            opened = provider_request_for_link(
                token=token, actor=Actor.from_request(request, door=Door.PUBLIC)
            )
        except LinkNotUsable as refusal:
            return _refused(request, token, refusal.reason)
        return view(request, token, opened)

    return wrapped


def _answers(opened: ProviderRequestForLink, request: HttpRequest) -> JourneyAnswers:
    return JourneyAnswers(request.session, f"provider-{opened.information_request.pk}")


def _held(request: HttpRequest, opened: ProviderRequestForLink) -> dict:
    try:
        return _answers(opened, request).load() or {}
    except AnswersExpired:
        minutes = settings.CNIS_ANSWERS_IDLE_SECONDS // 60
        messages.info(
            request,
            f"Your answers were deleted because you did not do anything for {minutes} "
            f"minute{'' if minutes == 1 else 's'}. Enter them again.",
        )
        return {}


def _hold(request: HttpRequest, opened: ProviderRequestForLink, **parts: dict) -> dict:
    held = _held(request, opened) | parts
    _answers(opened, request).save(held)
    return held


def _text(hours: Decimal | None) -> str | None:
    return None if hours is None else str(hours)


def _context(opened: ProviderRequestForLink, **extra) -> dict:
    return {
        "provider": opened.provider,
        "information_request": opened.information_request,
        "authority": opened.information_request.authority,
        **extra,
    }


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@_with_open_link
def provider_request(
    request: HttpRequest, token: str, opened: ProviderRequestForLink
) -> HttpResponse:
    """The children named in the request: does each attend, and for how many hours a week."""
    held = _held(request, opened)
    initial = {}
    for child in opened.children:
        answer = held.get("children", {}).get(child.pk.hex)
        if answer is not None:
            initial[field_name("attends", child)] = YES if answer["attends"] else NO
            for field in ("hours_per_week", "hours_without_parent"):
                initial[field_name(field, child)] = answer[field] or ""
    form = ChildrenAttendanceForm(
        request.POST if request.method == "POST" else None,
        children=opened.children,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        held = _hold(
            request,
            opened,
            children={
                attendance.child_id.hex: {
                    "attends": attendance.attends,
                    "hours_per_week": _text(attendance.hours_per_week),
                    "hours_without_parent": _text(attendance.hours_without_parent),
                }
                for attendance in form.attendances
            },
        )
        step = "check" if "setting" in held else "setting"
        return redirect(f"public:provider-request-{step}", token=token)
    return render(
        request,
        "public/providers/children.html",
        _context(opened, form=form, children=opened.children),
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@_with_open_link
def provider_request_setting(
    request: HttpRequest, token: str, opened: ProviderRequestForLink
) -> HttpResponse:
    """The setting's details as the LA holds them, to confirm or correct."""
    held = _held(request, opened)
    if "children" not in held:
        return redirect("public:provider-request", token=token)
    provider = opened.provider
    address = provider.address
    initial = held.get("setting") or {
        "name": provider.name,
        "provider_type": provider.provider_type,
        "address_line_1": address.line_1 if address else "",
        "address_line_2": address.line_2 if address else "",
        "town": address.town if address else "",
        "postcode": address.postcode if address else "",
        "website": provider.website,
        "email": provider.email,
        "phone": provider.phone,
    }
    form = SettingDetailsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        _hold(request, opened, setting=vars(form.details))
        return redirect("public:provider-request-check", token=token)
    return render(
        request,
        "public/providers/setting.html",
        _context(opened, form=form, back_url=reverse("public:provider-request", args=[token])),
    )


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@_with_open_link
def provider_request_check(
    request: HttpRequest, token: str, opened: ProviderRequestForLink
) -> HttpResponse:
    """Check the answers, read the declaration, and send."""
    held = _held(request, opened)
    if "children" not in held:
        return redirect("public:provider-request", token=token)
    if "setting" not in held:
        return redirect("public:provider-request-setting", token=token)
    errors: list[str] = []
    if request.method == "POST":
        answers = ProviderAnswers(
            children=tuple(
                ChildAttendance(
                    child_id=UUID(hex=key),
                    attends=answer["attends"],
                    hours_per_week=answer["hours_per_week"],
                    hours_without_parent=answer["hours_without_parent"],
                )
                for key, answer in held["children"].items()
            ),
            setting=SettingDetails(**held["setting"]),
        )
        try:
            notification = provider_response_submit(
                token=token, answers=answers, actor=Actor.from_request(request, door=Door.PUBLIC)
            )
        except LinkNotUsable as refusal:
            return _refused(request, token, refusal.reason)
        except ApplicationError as error:
            errors = [message for messages_ in error.errors.values() for message in messages_]
        else:
            _answers(opened, request).clear()
            request.session[SENT] = {
                "digest": link_digest(token),
                "reference": notification.reference,
                "authority": opened.information_request.authority.name,
            }
            return redirect("public:provider-request-sent")
    setting = held["setting"]
    children_url = reverse("public:provider-request", args=[token])
    rows = [
        {
            "child": child,
            "answer": held["children"].get(child.pk.hex),
            "change_attends": f"{children_url}#id_{field_name('attends', child)}_1",
            "change_hours": f"{children_url}#id_{field_name('hours_per_week', child)}",
            "change_without": f"{children_url}#id_{field_name('hours_without_parent', child)}",
        }
        for child in opened.children
    ]
    return render(
        request,
        "public/providers/check.html",
        _context(
            opened,
            rows=rows,
            setting=setting,
            setting_type=ProviderType(setting["provider_type"]).label,
            errors=errors,
            children_url=children_url,
            setting_url=reverse("public:provider-request-setting", args=[token]),
            form=DeclarationForm(),
        ),
    )


@require_GET
def provider_request_sent(request: HttpRequest) -> HttpResponse:
    """The confirmation panel, with the reference of the answer just sent."""
    sent = request.session.get(SENT)
    if sent is None:
        return redirect("public:start")
    return render(request, "public/providers/sent.html", {"sent": sent})
