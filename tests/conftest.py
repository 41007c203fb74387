"""Shared fixtures: two LAs, their officers, and a client signed in with both factors."""

import os
import shutil
import socket
import time

import pytest
from django.db import connection
from django.db.backends.postgresql.operations import DatabaseOperations
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cnis.middleware import SIGNED_IN_AT
from tests.factories import LocalAuthorityFactory, StaffUserFactory

# In CI nothing may be skipped for a missing service or browser: a skip there is a failure.
REQUIRE_ALL = os.environ.get("CNIS_REQUIRE_ALL_TESTS", "").lower() in {"1", "true", "yes"}


def skip_or_fail(reason: str) -> None:
    if REQUIRE_ALL:
        pytest.fail(f"{reason} (CNIS_REQUIRE_ALL_TESTS is set, so this may not be skipped)")
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def _flush_past_the_audit_guard():
    """Tests that commit for real (transaction=True) are followed by a flush, which empties every
    table with TRUNCATE; the audit trail's guard refuses that, as it must in a deployment. The
    test database's superuser empties the tables as a replica would, with triggers off:
    session_replication_role is a superuser's setting, so no deployment's roles can do the
    same."""
    sql_flush = DatabaseOperations.sql_flush

    def sql_flush_with_triggers_off(self, style, tables, **options):
        statements = sql_flush(self, style, tables, **options)
        if not statements:
            return statements
        # The flush runs its statements in one transaction, which SET LOCAL lasts for.
        return ["SET LOCAL session_replication_role = replica", *statements]

    DatabaseOperations.sql_flush = sql_flush_with_triggers_off
    yield
    DatabaseOperations.sql_flush = sql_flush


@pytest.fixture
def postgres_only() -> None:
    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://... to run it")


@pytest.fixture
def mail_server_down(settings):
    """Email goes by SMTP to a port on this machine where nothing listens: a real refusal,
    which a test ends by setting EMAIL_BACKEND back."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    return settings


@pytest.fixture
def chromium_path() -> str:
    path = os.environ.get("CNIS_CHROMIUM", "/usr/bin/chromium")
    if not shutil.which(path):
        skip_or_fail(f"needs Chromium at {path}: install Debian's chromium or set CNIS_CHROMIUM")
    return path


@pytest.fixture
def devon(db):
    return LocalAuthorityFactory(
        dfe_number="878", ons_code="E10000008", name="Devon", region_name="South West"
    )


@pytest.fixture
def cornwall(db):
    return LocalAuthorityFactory(
        dfe_number="908", ons_code="E06000052", name="Cornwall", region_name="South West"
    )


@pytest.fixture
def officer(devon):
    return StaffUserFactory(authority=devon, email="officer@devon.example")


@pytest.fixture
def cornwall_officer(cornwall):
    return StaffUserFactory(authority=cornwall, email="officer@cornwall.example")


def sign_in_fully(client: Client, user) -> Client:
    """A session that has passed both factors, as the sign-in pages would leave it."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session[SIGNED_IN_AT] = time.time()
    session.save()
    return client


@pytest.fixture
def officer_client(client, officer) -> Client:
    return sign_in_fully(client, officer)
