"""What a new member of staff does with an invitation, as a person would: find the link in the
email, read the key the page shows, and type the code their authenticator app then makes."""

import base64
import re

from django.core import mail
from django_otp.oath import TOTP

from registers.services.outbox import outbox_sweep

INVITATION_LINK = re.compile(r"https?://\S+/staff/invitation/[^/\s]+/")
KEY_SHOWN = re.compile(r'<code id="authenticator-key">([A-Z2-7 ]+)</code>')
NEW_PASSWORD = "a-long-new-password-for-devon"


def invitation_link_sent(to: str) -> str:
    """The outbox delivers what is pending; the link in the last email to `to`."""
    outbox_sweep()
    sent = [message for message in mail.outbox if message.to == [to]]
    assert sent, f"no email went to {to}"
    return INVITATION_LINK.search(sent[-1].body)[0]


def key_shown(content: str) -> str:
    return KEY_SHOWN.search(content)[1]


def code_for(key: str, *, drift: int = 0) -> str:
    """The code an authenticator app set up with the typed `key` shows (`drift` steps on)."""
    typed = key.replace(" ", "")
    secret = base64.b32decode(typed + "=" * (-len(typed) % 8))
    return f"{TOTP(secret, drift=drift).token():06d}"
