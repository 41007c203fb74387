"""Staff sign-in: two factors, lockout without enumeration, session limits (S8, S9, S13)."""

import re
import time
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP

from registers.models import AuditEvent
from tests.factories import STAFF_PASSWORD, TOTP_KEY_HEX

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("staff:sign-in")
CODE = reverse("staff:sign-in-code")
REGISTER = reverse("staff:register")
# Where a member of staff lands after signing in.
DASHBOARD = reverse("staff:dashboard")


def current_code() -> str:
    return f"{TOTP(bytes.fromhex(TOTP_KEY_HEX)).token():06d}"


def password_step(client: Client, email: str, password: str = STAFF_PASSWORD):
    return client.post(SIGN_IN, {"email": email, "password": password})


def test_both_factors_sign_an_officer_in(client, officer):
    assert password_step(client, officer.email)["Location"] == CODE
    response = client.post(CODE, {"code": current_code()})

    assert response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200
    assert AuditEvent.objects.filter(actor=officer, action=AuditEvent.Action.SIGN_IN).exists()


def test_the_email_is_not_case_sensitive(client, officer):
    assert password_step(client, officer.email.upper())["Location"] == CODE


def test_the_session_key_changes_at_each_step(client, officer):
    client.get(SIGN_IN)
    password_step(client, officer.email)
    after_password = client.cookies["cnis-session"].value
    client.post(CODE, {"code": current_code()})

    assert client.cookies["cnis-session"].value != after_password


def test_a_wrong_password_and_an_unknown_account_read_the_same(client, officer):
    wrong = password_step(client, officer.email, "not-the-password")
    unknown = password_step(Client(), "nobody@devon.example", "not-the-password")

    for response in (wrong, unknown):
        assert response.status_code == 200
        assert "Enter a correct email address and password" in response.content.decode()
    assert wrong.content.count(b"correct email") == unknown.content.count(b"correct email")


def test_after_five_failures_even_the_right_password_is_refused(client, officer):
    for _ in range(5):
        password_step(client, officer.email, "guess")

    response = password_step(client, officer.email)

    assert response.status_code == 429
    assert "Sign-in is paused after too many attempts" in response.content.decode()
    assert client.get(CODE).status_code == 302


def test_an_unknown_account_is_locked_out_in_exactly_the_same_way(client, officer):
    for email in (officer.email, "nobody@devon.example"):
        for _ in range(5):
            password_step(Client(), email, "guess")
    known = password_step(Client(), officer.email, "guess")
    unknown = password_step(Client(), "nobody@devon.example", "guess")

    assert known.status_code == unknown.status_code == 429
    assert _comparable(known, officer.email) == _comparable(unknown, "nobody@devon.example")


def _comparable(response, email: str) -> bytes:
    """The page without what differs by design: the typed email, CSRF token and CSP nonce."""
    content = response.content.replace(email.encode(), b"")
    return re.sub(rb'(value|nonce)="[^"]*"', b"", content)


def test_a_wrong_code_is_refused_with_an_error_on_the_field(client, officer):
    password_step(client, officer.email)
    wrong = "000000" if current_code() != "000000" else "111111"

    response = client.post(CODE, {"code": wrong})

    assert response.status_code == 200
    assert "The security code is wrong" in response.content.decode()
    assert 'href="#id_code"' in response.content.decode()
    assert client.get(REGISTER)["Location"].startswith(SIGN_IN)


def test_a_code_cannot_be_used_twice(officer):
    first, second = Client(), Client()
    code = current_code()
    password_step(first, officer.email)
    password_step(second, officer.email)

    assert first.post(CODE, {"code": code})["Location"] == DASHBOARD
    replay = second.post(CODE, {"code": code})

    assert replay.status_code == 200
    assert "The security code is wrong" in replay.content.decode()


def test_the_password_step_expires(client, officer, settings):
    password_step(client, officer.email)
    with time_machine.travel(time.time() + settings.CNIS_SIGN_IN_CODE_SECONDS + 1):
        response = client.post(CODE, {"code": current_code()})
    assert response["Location"] == SIGN_IN


def test_signing_out_ends_the_session_and_a_replayed_cookie_is_refused(client, officer):
    password_step(client, officer.email)
    client.post(CODE, {"code": current_code()})
    stolen = client.cookies["cnis-session"].value

    client.post(reverse("staff:sign-out"))

    replay = Client()
    replay.cookies["cnis-session"] = stolen
    assert replay.get(REGISTER)["Location"].startswith(SIGN_IN)


def test_an_idle_session_ends(client, officer, settings):
    password_step(client, officer.email)
    client.post(CODE, {"code": current_code()})
    idle = timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)

    with time_machine.travel(timezone.now() + idle):
        assert client.get(REGISTER)["Location"].startswith(SIGN_IN)


def test_a_busy_session_still_ends_at_the_absolute_limit(client, officer, settings):
    password_step(client, officer.email)
    client.post(CODE, {"code": current_code()})
    start = timezone.now()
    step = timedelta(seconds=settings.SESSION_COOKIE_AGE // 2)
    absolute = timedelta(seconds=settings.CNIS_SESSION_ABSOLUTE_SECONDS)

    moment = start
    while moment + step < start + absolute:
        moment += step
        with time_machine.travel(moment):
            assert client.get(REGISTER).status_code == 200
    with time_machine.travel(start + absolute + timedelta(seconds=1)):
        assert client.get(REGISTER)["Location"].startswith(SIGN_IN)


def _signed_in(client: Client, officer) -> None:
    password_step(client, officer.email)
    client.post(CODE, {"code": current_code()})


def test_pages_within_the_renewal_interval_do_not_write_the_session(client, officer):
    _signed_in(client, officer)

    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert client.get(REGISTER).status_code == 200

    assert not [query for query in queries if 'UPDATE "django_session"' in query["sql"]]


def test_a_request_after_the_renewal_interval_renews_the_idle_limit(client, officer, settings):
    _signed_in(client, officer)
    start = timezone.now()

    with time_machine.travel(start + timedelta(seconds=settings.CNIS_SESSION_RENEW_SECONDS + 1)):
        assert client.get(REGISTER).status_code == 200
    # Past the idle limit counted from sign-in, not from the renewal.
    with time_machine.travel(start + timedelta(seconds=settings.SESSION_COOKIE_AGE + 5)):
        assert client.get(REGISTER).status_code == 200


def test_requests_within_the_renewal_interval_do_not_extend_the_idle_limit(
    client, officer, settings
):
    _signed_in(client, officer)
    start = timezone.now()

    with time_machine.travel(start + timedelta(seconds=settings.CNIS_SESSION_RENEW_SECONDS - 5)):
        assert client.get(REGISTER).status_code == 200
    # The limit runs from the last renewal, at sign-in: it may end a session a little early,
    # never late.
    with time_machine.travel(start + timedelta(seconds=settings.SESSION_COOKIE_AGE + 1)):
        assert client.get(REGISTER)["Location"].startswith(SIGN_IN)


def test_after_renewals_the_idle_limit_still_ends_a_session(client, officer, settings):
    _signed_in(client, officer)
    start = timezone.now()
    step = timedelta(seconds=settings.SESSION_COOKIE_AGE // 3)
    assert step.total_seconds() > settings.CNIS_SESSION_RENEW_SECONDS

    moment = start
    while moment < start + timedelta(seconds=settings.SESSION_COOKIE_AGE * 2):
        moment += step
        with time_machine.travel(moment):
            assert client.get(REGISTER).status_code == 200
    with time_machine.travel(moment + timedelta(seconds=settings.SESSION_COOKIE_AGE + 1)):
        assert client.get(REGISTER)["Location"].startswith(SIGN_IN)


def test_sign_out_needs_a_post_with_a_csrf_token(officer):
    client = Client(enforce_csrf_checks=True)
    password_step_response = client.get(SIGN_IN)
    assert password_step_response.status_code == 200
    assert client.get(reverse("staff:sign-out")).status_code == 405
    assert client.post(reverse("staff:sign-out")).status_code == 403


def test_a_full_sign_in_clears_earlier_failures(officer):
    for _ in range(4):
        password_step(Client(), officer.email, "guess")
    signed_in = Client()
    password_step(signed_in, officer.email)
    assert signed_in.post(CODE, {"code": current_code()})["Location"] == DASHBOARD

    # One more typo is the first of a new count, not the fifth of the old one.
    assert password_step(Client(), officer.email, "guess").status_code == 200
    assert password_step(Client(), officer.email)["Location"] == CODE


def test_failed_sign_ins_are_recorded_against_the_client_behind_the_proxy(officer, settings):
    settings.CNIS_TRUSTED_PROXY_COUNT = 1

    Client().post(
        SIGN_IN,
        {"email": officer.email, "password": "guess"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7",
    )

    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"
