"""An LA's staff accounts, kept by its admin: invitations, roles, deactivation, authenticators;
and what a new member of staff does with an invitation.

Every change to an LA's staff locks the LA's row first, so two admins acting at once cannot
between them leave the LA without an active administrator. Each change is audited.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.staff_settings import (
    EMAIL_TAKEN,
    FULL_NAME,
    ROLE,
    staff_email_clean,
)
from registers.models import AuditEvent, LocalAuthority, StaffInvitation, StaffRole, StaffUser
from registers.selectors.links import staff_invitation_for_link
from registers.selectors.staff_accounts import StaffMemberNotFound
from registers.services.links import staff_invitation_link_issue
from registers.services.outbox import link_email_enqueue
from registers.validation import answers_clean

AUTHENTICATOR_NAME = "Authenticator app"
NOT_YOURSELF = "You cannot deactivate your own account"
LAST_ADMIN = (
    "{name} is {authority}'s only active administrator – make someone else an administrator first"
)
ALREADY_SET_UP = "{name} has already set up their account"
PASSWORDS_DIFFER = "Enter the same password twice"
PASSWORD_REQUIRED = "Enter a password"
CODE_REQUIRED = "Enter the security code from your authenticator app"
CODE_WRONG = "The security code is wrong – enter the code your authenticator app shows now"


@dataclass(frozen=True)
class Invited:
    invitation: StaffInvitation
    # The link, where it was made at once (manage.py admin_create); emailed links are made
    # only when the email goes, and never returned.
    link: str = ""


def _authority_locked(authority: LocalAuthority) -> LocalAuthority:
    return LocalAuthority.objects.select_for_update().get(pk=authority.pk)


def _member_locked(authority: LocalAuthority, user_id: object) -> StaffUser:
    """One of the LA's staff, locked; another LA's (or an unknown id) is not found."""
    try:
        member = (
            StaffUser.objects.select_for_update(of=("self",))
            .filter(authority=authority, pk=int(user_id))
            .first()
        )
    except (TypeError, ValueError):
        member = None
    if member is None:
        raise StaffMemberNotFound("No such member of staff")
    return member


def _recorded(
    *, actor: Actor, member: StaffUser, action: AuditEvent.Action, what: str = ""
) -> None:
    audit_record(
        actor=actor,
        action=action,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=member.authority,
        object_type=f"staff_user{what}",
        object_id=member.pk,
    )


def _other_active_admins(member: StaffUser) -> bool:
    return (
        StaffUser.objects.filter(
            authority_id=member.authority_id, role=StaffRole.LA_ADMIN, is_active=True
        )
        .exclude(pk=member.pk)
        .exists()
    )


def _refuse_if_last_admin(member: StaffUser) -> None:
    if member.role == StaffRole.LA_ADMIN and member.is_active and not _other_active_admins(member):
        raise ApplicationError(
            LAST_ADMIN.format(name=member.full_name, authority=member.authority.name)
        )


def _authenticator_new(user: StaffUser) -> TOTPDevice:
    """A new, unconfirmed authenticator: the user confirms it with its first code. Any other
    the user had stops working."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def _invitation_new(*, member: StaffUser, actor: Actor, send: bool) -> Invited:
    StaffInvitation.objects.filter(user=member, used_at__isnull=True).delete()
    invitation = StaffInvitation.objects.create(user=member, invited_by=actor.user)
    if not send:
        return Invited(
            invitation=invitation, link=staff_invitation_link_issue(invitation=invitation)
        )
    inviter = actor.user.full_name if actor.user else f"{member.authority.name} Council"
    link_email_enqueue(
        information_request=invitation,
        to=member.email,
        subject=f"You are invited to {member.authority.name}'s children not in school register",
        body=lambda link: (
            f"Dear {member.full_name},\n\n"
            f"{inviter} has given you an account on {member.authority.name}'s children not "
            f"in school register, as {member.get_role_display().lower()}.\n\n"
            "To set your password and your authenticator app, open this link:\n\n"
            f"{link}\n\n"
            "The link works once, and only for a few days. If it has stopped working, ask "
            "your administrator to send the invitation again.\n\n"
            "If you did not expect this email, tell your administrator and do not open "
            "the link.\n"
        ),
        dedupe_key=f"staff-invitation-{invitation.pk}",
    )
    return Invited(invitation=invitation)


@transaction.atomic
def staff_invite(
    *,
    authority: LocalAuthority,
    email: object,
    full_name: object,
    role: object,
    actor: Actor,
    send: bool = True,
) -> Invited:
    """A new account in the LA, with no password yet, and its invitation: emailed (after this
    transaction commits) or, with `send` False, returned as a link. ApplicationError names
    every problem by field, and then nothing is made."""
    given = SimpleNamespace(email=email, full_name=full_name, role=role)
    kept, errors = answers_clean(
        given, {"email": staff_email_clean, "full_name": FULL_NAME.clean, "role": ROLE.clean}
    )
    if "email" in kept and StaffUser.objects.filter(email__iexact=kept["email"]).exists():
        errors["email"] = [EMAIL_TAKEN]
    if errors:
        raise ApplicationError(errors)
    _authority_locked(authority)
    member = StaffUser(authority=authority, **kept)
    member.set_unusable_password()
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError:
        # Another admin added the same address a moment ago.
        raise ApplicationError({"email": [EMAIL_TAKEN]}) from None
    _authenticator_new(member)
    _recorded(actor=actor, member=member, action=AuditEvent.Action.CREATE)
    return _invitation_new(member=member, actor=actor, send=send)


@transaction.atomic
def staff_invitation_resend(
    *, authority: LocalAuthority, user_id: object, actor: Actor, send: bool = True
) -> Invited:
    """A new invitation for a member who has not yet set up their account; the old link
    stops working."""
    _authority_locked(authority)
    member = _member_locked(authority, user_id)
    if member.has_usable_password():
        raise ApplicationError(ALREADY_SET_UP.format(name=member.full_name))
    _authenticator_new(member)
    _recorded(actor=actor, member=member, action=AuditEvent.Action.UPDATE, what="_invitation")
    return _invitation_new(member=member, actor=actor, send=send)


@transaction.atomic
def staff_role_change(
    *, authority: LocalAuthority, user_id: object, role: object, actor: Actor
) -> StaffUser:
    _authority_locked(authority)
    member = _member_locked(authority, user_id)
    kept, errors = answers_clean(SimpleNamespace(role=role), {"role": ROLE.clean})
    if errors:
        raise ApplicationError(errors)
    if kept["role"] != StaffRole.LA_ADMIN:
        _refuse_if_last_admin(member)
    return _member_set(member, actor=actor, what="_role", role=kept["role"])


def _member_set(member: StaffUser, *, actor: Actor, what: str, **values) -> StaffUser:
    """Save `values` on the (locked) member, and record the change as `what`."""
    for field, value in values.items():
        setattr(member, field, value)
    member.save(update_fields=list(values))
    _recorded(actor=actor, member=member, action=AuditEvent.Action.UPDATE, what=what)
    return member


@transaction.atomic
def staff_safeguarding_set(
    *, authority: LocalAuthority, user_id: object, may_see: bool, actor: Actor
) -> StaffUser:
    """Whether the member may see children's safeguarding information."""
    _authority_locked(authority)
    member = _member_locked(authority, user_id)
    return _member_set(member, actor=actor, what="_safeguarding", can_view_safeguarding=may_see)


@transaction.atomic
def staff_deactivate(*, authority: LocalAuthority, user_id: object, actor: Actor) -> StaffUser:
    """The member can no longer sign in; a session they have open ends at their next page."""
    _authority_locked(authority)
    member = _member_locked(authority, user_id)
    if actor.user is not None and member.pk == actor.user.pk:
        raise ApplicationError(NOT_YOURSELF)
    _refuse_if_last_admin(member)
    return _member_set(member, actor=actor, what="_deactivated", is_active=False)


@transaction.atomic
def staff_reactivate(*, authority: LocalAuthority, user_id: object, actor: Actor) -> StaffUser:
    _authority_locked(authority)
    member = _member_locked(authority, user_id)
    return _member_set(member, actor=actor, what="_reactivated", is_active=True)


@transaction.atomic
def staff_authenticator_reset(
    *, authority: LocalAuthority, user_id: object, actor: Actor
) -> StaffUser:
    """The member's authenticator app stops working; they set one up again at their next
    sign-in, after their password."""
    _authority_locked(authority)
    member = _member_locked(authority, user_id)
    _authenticator_new(member)
    _recorded(actor=actor, member=member, action=AuditEvent.Action.UPDATE, what="_authenticator")
    return member


def authenticator_pending(*, user: StaffUser) -> TOTPDevice:
    """The authenticator `user` is setting up (made now if they have none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or _authenticator_new(user)


def _authenticator_confirmed(*, user: StaffUser, code: str) -> TOTPDevice | None:
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(code.strip()):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


@transaction.atomic
def authenticator_confirm(*, user: StaffUser, code: str, actor: Actor) -> TOTPDevice | None:
    """The pending authenticator confirmed by a right code, or None for a wrong one."""
    device = _authenticator_confirmed(user=user, code=code)
    if device is not None:
        _recorded(actor=actor, member=user, action=AuditEvent.Action.CREATE, what="_authenticator")
    return device


def _password_problems(password: str, again: str, user: StaffUser) -> dict[str, list[str]]:
    if not password:
        return {"password": [PASSWORD_REQUIRED]}
    try:
        validate_password(password, user)
    except ValidationError as error:
        return {"password": list(error.messages)}
    if password != again:
        return {"password_again": [PASSWORDS_DIFFER]}
    return {}


@transaction.atomic
def staff_invitation_accept(
    *, token: str, password: str, password_again: str, code: str, actor: Actor
) -> StaffUser:
    """The invited member's password and authenticator, set with the invitation's link, which
    then stops working. LinkNotUsable for a link that is unknown, used or expired;
    ApplicationError names every problem with what was typed, and then nothing changes."""
    invitation = staff_invitation_for_link(token=token)
    member = invitation.user
    errors = _password_problems(password, password_again, member)
    if not code.strip():
        errors["code"] = [CODE_REQUIRED]
    elif _authenticator_confirmed(user=member, code=code) is None:
        errors["code"] = [CODE_WRONG]
    if errors:
        raise ApplicationError(errors)
    member.set_password(password)
    member.save(update_fields=["password"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    _recorded(actor=actor, member=member, action=AuditEvent.Action.UPDATE, what="_set_up")
    return member


@transaction.atomic
def admin_create(
    *, authority: LocalAuthority, email: object, full_name: object, actor: Actor
) -> Invited:
    """An LA's administrator, made from the shell (the first one), with a link to set up the
    account; the deployment keeps the LA's register from now on (hosted). For an administrator
    who has not yet set up theirs, a new link."""
    if not authority.hosted:
        authority.hosted = True
        authority.save(update_fields=["hosted"])
    member = StaffUser.objects.filter(
        authority=authority,
        email__iexact=str(email).strip(),
        role=StaffRole.LA_ADMIN,
        is_active=True,
    ).first()
    if member is not None and not member.has_usable_password():
        return staff_invitation_resend(
            authority=authority, user_id=member.pk, actor=actor, send=False
        )
    return staff_invite(
        authority=authority,
        email=email,
        full_name=full_name,
        role=StaffRole.LA_ADMIN,
        actor=actor,
        send=False,
    )
