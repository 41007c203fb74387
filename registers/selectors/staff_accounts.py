"""An LA's staff as its admin sees them: who, which role, and where each account stands."""

import base64
from dataclasses import dataclass

from django.contrib.auth.hashers import is_password_usable
from django.db.models import Exists, OuterRef
from django.http import Http404
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.models import LocalAuthority, StaffUser


class StaffMemberNotFound(Http404):
    """Not one of the admin's LA's staff (another LA's, or no one's)."""


class AccountStatus:
    ACTIVE = "Active"
    INVITED = "Invited"
    AUTHENTICATOR_RESET = "Sets up authenticator at next sign-in"
    DEACTIVATED = "Deactivated"


@dataclass(frozen=True)
class StaffMember:
    user: StaffUser
    status: str

    @property
    def invited(self) -> bool:
        return self.status == AccountStatus.INVITED


def _status(user: StaffUser) -> str:
    if not user.is_active:
        return AccountStatus.DEACTIVATED
    if not is_password_usable(user.password):
        return AccountStatus.INVITED
    if not user.has_authenticator:
        return AccountStatus.AUTHENTICATOR_RESET
    return AccountStatus.ACTIVE


def _staff(authority: LocalAuthority):
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return StaffUser.objects.filter(authority=authority).annotate(
        has_authenticator=Exists(confirmed)
    )


def staff_list(*, authority: LocalAuthority) -> list[StaffMember]:
    """The LA's staff, active first, then by name: one query."""
    users = _staff(authority).order_by("-is_active", "full_name", "email")
    return [StaffMember(user=user, status=_status(user)) for user in users]


def staff_member_get(*, authority: LocalAuthority, user_id: object) -> StaffMember:
    """One of the LA's staff; StaffMemberNotFound for anyone else."""
    try:
        user = _staff(authority).filter(pk=int(user_id)).first()
    except (TypeError, ValueError):
        user = None
    if user is None:
        raise StaffMemberNotFound("No such member of staff")
    return StaffMember(user=user, status=_status(user))


def authenticator_secret(device: TOTPDevice) -> str:
    """The key an authenticator app is set up with, as apps take it typed: base32, in groups
    of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[at : at + 4] for at in range(0, len(key), 4))
