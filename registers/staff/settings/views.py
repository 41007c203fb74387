"""The LA admin's settings pages, and a new member of staff's invitation page: thin views over
the staff accounts and authority settings services."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import service_errors_show
from registers.intake.staff_settings import authority_periods_now
from registers.models import StaffRole
from registers.rules.codes import Door
from registers.rules.letters import PLACEHOLDERS
from registers.selectors.information import INFORMATION_PAGES
from registers.selectors.letters import letter_template_get, letter_templates_list
from registers.selectors.links import LinkNotUsable, staff_invitation_for_link
from registers.selectors.staff_accounts import (
    authenticator_secret,
    staff_list,
    staff_member_get,
)
from registers.services.authority_settings import authority_pages_set, authority_periods_set
from registers.services.letters import letter_template_save
from registers.services.staff_accounts import (
    authenticator_pending,
    staff_authenticator_reset,
    staff_deactivate,
    staff_invitation_accept,
    staff_invitation_resend,
    staff_invite,
    staff_reactivate,
    staff_role_change,
    staff_safeguarding_set,
)
from registers.staff.access import LA_ADMINS_ONLY, la_admin_required, role_required
from registers.staff.settings.forms import (
    InvitationForm,
    InviteForm,
    LetterTemplateForm,
    PagesForm,
    PeriodsForm,
    RoleForm,
    SafeguardingForm,
)

SETTINGS_PAGES = (
    ("Staff accounts", "staff:settings-staff"),
    ("Periods and thresholds", "staff:settings-periods"),
    ("Footer pages and contact details", "staff:settings-pages"),
    ("Letters", "staff:settings-letters"),
)


def _render(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """A settings page, with the settings' sub navigation."""
    current = request.resolver_match.view_name
    tabs = [
        {
            "label": label,
            "href": reverse(name),
            "current": current == name or current.startswith(f"{name}-"),
        }
        for label, name in SETTINGS_PAGES
    ]
    return render(request, f"staff/settings/{template}", {"settings_tabs": tabs, **context})


def _actor(request: HttpRequest) -> Actor:
    return Actor.from_request(request, door=Door.STAFF)


@la_admin_required
def staff_accounts(request: HttpRequest) -> HttpResponse:
    return _render(
        request, "staff.html", {"members": staff_list(authority=request.user.authority)}
    )


@la_admin_required
@require_http_methods(["GET", "POST"])
def staff_invite_view(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invited = staff_invite(
                authority=request.user.authority, actor=_actor(request), **form.cleaned_data
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            member = invited.invitation.user
            messages.success(request, f"Invitation sent to {member.full_name} at {member.email}")
            return redirect("staff:settings-staff")
    return _render(
        request,
        "invite.html",
        {"form": form, "invitation_days": settings.CNIS_STAFF_INVITATION_DAYS},
    )


def _member_page(
    request: HttpRequest, user_id: int, *, form=None, safeguarding=None, problem: str = ""
):
    member = staff_member_get(authority=request.user.authority, user_id=user_id)
    form = form or RoleForm(initial={"role": member.user.role})
    form.helper.form_action = reverse("staff:settings-staff-member", args=[user_id])
    may_see = "yes" if member.user.can_view_safeguarding else "no"
    safeguarding = safeguarding or SafeguardingForm(initial={"can_view_safeguarding": may_see})
    safeguarding.helper.form_action = reverse("staff:settings-staff-safeguarding", args=[user_id])
    return _render(
        request,
        "member.html",
        {
            "member": member,
            "form": form,
            "safeguarding": safeguarding,
            "problem": problem,
            "is_self": member.user.pk == request.user.pk,
        },
    )


@la_admin_required
@require_http_methods(["GET", "POST"])
def staff_member(request: HttpRequest, user_id: int) -> HttpResponse:
    """One member of staff, and the form that changes their role."""
    form = RoleForm(request.POST) if request.method == "POST" else None
    if form is not None and form.is_valid():
        try:
            member = staff_role_change(
                authority=request.user.authority,
                user_id=user_id,
                role=form.cleaned_data["role"],
                actor=_actor(request),
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(
                request, f"{member.full_name} is now {member.get_role_display().lower()}"
            )
            return redirect("staff:settings-staff-member", user_id=user_id)
    return _member_page(request, user_id, form=form)


@la_admin_required
def staff_safeguarding(request: HttpRequest, user_id: int) -> HttpResponse:
    staff_member_get(authority=request.user.authority, user_id=user_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = SafeguardingForm(request.POST)
    if not form.is_valid():
        return _member_page(request, user_id, safeguarding=form)
    member = staff_safeguarding_set(
        authority=request.user.authority,
        user_id=user_id,
        may_see=form.cleaned_data["can_view_safeguarding"] == "yes",
        actor=_actor(request),
    )
    may = "may" if member.can_view_safeguarding else "may not"
    messages.success(request, f"{member.full_name} {may} see safeguarding information")
    return redirect("staff:settings-staff-member", user_id=user_id)


# Each action on a member's page: its service, and what the banner says once it is done.
ACTIONS = {
    "deactivate": (staff_deactivate, "{name} can no longer sign in"),
    "reactivate": (staff_reactivate, "{name} can sign in again"),
    "authenticator": (
        staff_authenticator_reset,
        "{name}'s authenticator app is reset: they set one up again when they next sign in",
    ),
    "invitation": (staff_invitation_resend, "A new invitation is on its way to {name}"),
}


@la_admin_required
def staff_action(request: HttpRequest, user_id: int, action: str) -> HttpResponse:
    # Another LA's member is not found, whatever the method; then only a POST acts.
    staff_member_get(authority=request.user.authority, user_id=user_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    service, done = ACTIONS[action]
    try:
        result = service(authority=request.user.authority, user_id=user_id, actor=_actor(request))
    except ApplicationError as error:
        return _member_page(request, user_id, problem=str(error))
    member = getattr(result, "invitation", result)
    member = getattr(member, "user", member)
    messages.success(request, done.format(name=member.full_name))
    return redirect("staff:settings-staff-member", user_id=user_id)


def _versioned_page(request, *, form_class, service, template, initial, **form_kwargs):
    authority = request.user.authority
    form = form_class(
        request.POST or None,
        initial={**initial, "version": authority.settings_version},
        **form_kwargs,
    )
    if request.method == "POST" and form.is_valid():
        try:
            service(
                authority=authority,
                answers=form.cleaned_data,
                expected_version=form.version_opened(),
                actor=_actor(request),
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(request, "Your changes are saved")
            return redirect(request.path)
    return _render(request, template, {"form": form})


@la_admin_required
@require_http_methods(["GET", "POST"])
def periods(request: HttpRequest) -> HttpResponse:
    return _versioned_page(
        request,
        form_class=PeriodsForm,
        service=authority_periods_set,
        template="periods.html",
        initial=authority_periods_now(request.user.authority),
    )


@la_admin_required
@require_http_methods(["GET", "POST"])
def pages(request: HttpRequest) -> HttpResponse:
    authority = request.user.authority
    fields = [page.field for page in INFORMATION_PAGES]
    fields += ["contact_email", "contact_phone", "contact_address"]
    return _versioned_page(
        request,
        form_class=PagesForm,
        service=authority_pages_set,
        template="pages.html",
        initial={field: getattr(authority, field) for field in fields},
        pages=INFORMATION_PAGES,
    )


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """A new member of staff sets their password and authenticator app, with no sign-in: the
    link is the key, and works once."""
    form = InvitationForm(request.POST or None)
    try:
        if request.method == "POST" and form.is_valid():
            try:
                staff_invitation_accept(token=token, actor=_actor(request), **form.cleaned_data)
            except LinkNotUsable:
                raise
            except ApplicationError as error:
                service_errors_show(form, error)
            else:
                messages.success(request, "Your account is set up: sign in with it now")
                return redirect("staff:sign-in")
        invited = staff_invitation_for_link(token=token, lock=False)
    except LinkNotUsable as error:
        return render(
            request,
            "staff/settings/invitation_unusable.html",
            {"reason": error.reason},
            status=410,
        )
    device = authenticator_pending(user=invited.user)
    return render(
        request,
        "staff/settings/invitation.html",
        {"form": form, "invited": invited, "secret": authenticator_secret(device)},
    )


# The letter templates' pages: their refusals are audited as about the LA's letters.
letters_admin_required = role_required(
    StaffRole.LA_ADMIN, refusal=LA_ADMINS_ONLY, object_type="letter_template"
)


@letters_admin_required
@require_GET
def letter_templates(request: HttpRequest) -> HttpResponse:
    return _render(
        request,
        "letters.html",
        {"templates": letter_templates_list(authority=request.user.authority)},
    )


@letters_admin_required
@require_http_methods(["GET", "POST"])
def letter_template_edit(request: HttpRequest, kind: str) -> HttpResponse:
    authority = request.user.authority
    current = letter_template_get(authority=authority, kind=kind)
    form = LetterTemplateForm(
        request.POST or None,
        initial={
            "title": current.text.title,
            "body": current.text.body,
            "version": current.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            letter_template_save(
                authority=authority,
                kind=kind,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                expected_version=form.cleaned_data["version"],
                actor=Actor.from_request(request, door=Door.STAFF),
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(request, f"{current.kind.label} saved")
            return redirect("staff:settings-letters")
    return _render(
        request,
        "letter.html",
        {"form": form, "current": current, "placeholders": PLACEHOLDERS},
    )
