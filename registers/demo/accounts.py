"""Demo staff accounts and their shared authenticator (DEBUG only: the password is published)."""

import random
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.demo.people import MEN, SURNAMES, WOMEN
from registers.errors import ApplicationError
from registers.models import LocalAuthority, StaffRole, StaffUser

# Published in the README: these accounts exist only where DEBUG is on.
DEMO_PASSWORD = "demo-password-for-cnis-register"
# RFC 6238's test secret ("12345678901234567890"; base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), so
# any authenticator app or TOTP tool gives the same codes as `manage.py demo_code`.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
DEMO_DEVICE_NAME = "Demo authenticator"
DEMO_OFFICER_EMAIL = "officer@devon.example.org"
DEMO_ANALYST_EMAIL = "analyst@national.example.org"

# (role, email prefix, cleared for safeguarding)
_LA_STAFF = (
    (StaffRole.OFFICER, "officer", False),
    (StaffRole.MANAGER, "manager", False),
    (StaffRole.LA_ADMIN, "admin", True),
)


@dataclass(frozen=True)
class DemoCode:
    email: str
    code: str
    seconds_left: int


def authority_slug(authority: LocalAuthority) -> str:
    """'Devon' -> 'devon', 'Bristol, City of' -> 'bristol-city-of'."""
    return re.sub(r"[^a-z]+", "-", authority.name.lower()).strip("-")


def demo_staff_email(*, authority: LocalAuthority, prefix: str) -> str:
    return f"{prefix}@{authority_slug(authority)}.example.org"


def _staff_user_ensure(
    *,
    email: str,
    role: StaffRole,
    authority: LocalAuthority | None,
    can_view_safeguarding: bool = False,
) -> StaffUser:
    names = random.Random(email)
    full_name = f"{names.choice(WOMEN + MEN)} {names.choice(SURNAMES)}"
    fields = {
        "full_name": full_name,
        "role": role,
        "authority": authority,
        "can_view_safeguarding": can_view_safeguarding,
    }
    user = StaffUser.objects.filter(email=email).first()
    if user is None:
        user = StaffUser.objects.create_user(email, DEMO_PASSWORD, **fields)
    else:
        for name, value in fields.items():
            setattr(user, name, value)
        user.is_active = True
        # Hashing is slow on purpose; skip it when the password is already the demo one.
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.full_clean(exclude=["password"])
        user.save()
    TOTPDevice.objects.update_or_create(
        user=user,
        name=DEMO_DEVICE_NAME,
        defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True},
    )
    return user


@transaction.atomic
def demo_staff_ensure(*, authorities: Iterable[LocalAuthority]) -> list[StaffUser]:
    """An officer, a manager and an LA admin per authority, and one national analyst.

    Each has the demo password and a confirmed authenticator with the demo secret.
    """
    staff = [
        _staff_user_ensure(
            email=demo_staff_email(authority=authority, prefix=prefix),
            role=role,
            authority=authority,
            can_view_safeguarding=cleared,
        )
        for authority in authorities
        for role, prefix, cleared in _LA_STAFF
    ]
    staff.append(
        _staff_user_ensure(
            email=DEMO_ANALYST_EMAIL, role=StaffRole.NATIONAL_ANALYST, authority=None
        )
    )
    return staff


def demo_code_get(*, email: str = "") -> DemoCode:
    """The current security code of a demo account's authenticator, and its seconds left.

    Without an email: officer@devon.example.org, or else the first demo officer.
    """
    devices = TOTPDevice.objects.filter(name=DEMO_DEVICE_NAME).select_related("user")
    wanted = (email or DEMO_OFFICER_EMAIL).strip().lower()
    device = devices.filter(user__email=wanted).first()
    if device is None and not email:
        device = devices.filter(user__role=StaffRole.OFFICER).order_by("user_id").first()
    if device is None:
        raise ApplicationError(
            f"No demo account {wanted} – run `make run` or `manage.py seed_demo` first"
        )
    now = time.time()
    totp = TOTP(
        key=bytes.fromhex(device.key),
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift,
    )
    totp.time = now
    return DemoCode(
        email=device.user.email,
        code=f"{totp.token():0{device.digits}d}",
        seconds_left=device.step - (int(now) - device.t0) % device.step,
    )
