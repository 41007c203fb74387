"""manage.py demo_code: the demo account's current security code, DEBUG only."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.demo.accounts import DEMO_TOTP_KEY_HEX, demo_staff_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_settings(settings) -> None:
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_staff(devon):
    return demo_staff_ensure(authorities=[devon])


def demo_code(*args: str) -> str:
    out = StringIO()
    call_command("demo_code", *args, stdout=out)
    return out.getvalue()


def test_prints_the_rfc_6238_code_for_the_demo_secret(demo_staff) -> None:
    # RFC 6238 appendix B: at Unix time 59 the 8-digit SHA-1 code is 94287082.
    with time_machine.travel(59, tick=False):
        output = demo_code()

    assert output.split()[0] == "287082"
    assert "officer@devon.example.org" in output
    assert "valid for 1 more second" in output


def test_prints_the_code_the_authenticator_shows_now(demo_staff) -> None:
    with time_machine.travel(1_800_000_020.5, tick=False):
        output = demo_code()
        expected = TOTP(key=bytes.fromhex(DEMO_TOTP_KEY_HEX)).token()
        device = TOTPDevice.objects.get(user__email="officer@devon.example.org")
        accepted = device.verify_token(output.split()[0])

    assert output.split()[0] == f"{expected:06d}"
    assert accepted is True
    # 1_800_000_020 is 20 seconds into its 30-second step.
    assert "valid for 10 more seconds" in output


def test_prints_the_code_of_the_account_asked_for(demo_staff) -> None:
    output = demo_code("--email", "Admin@Devon.example.org")

    code = output.split()[0]
    assert len(code) == 6 and code.isdigit()
    assert "admin@devon.example.org" in output


def test_an_unknown_account_says_to_seed_first(demo_staff) -> None:
    with pytest.raises(CommandError) as error:
        demo_code("--email", "nobody@devon.example.org")

    assert str(error.value) == (
        "No demo account nobody@devon.example.org – run `make run` or `manage.py seed_demo` first"
    )


def test_without_demo_accounts_it_says_to_seed_first() -> None:
    with pytest.raises(CommandError, match="No demo account officer@devon.example.org"):
        demo_code()


def test_refuses_with_debug_off(settings, demo_staff) -> None:
    settings.DEBUG = False

    with pytest.raises(CommandError, match="it runs only with DJANGO_DEBUG on"):
        demo_code()
