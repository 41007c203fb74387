"""Shared fixtures: two LAs, their officers, and a client signed in with both factors."""

import os
import queue
import shutil
import socket
import time
from collections.abc import Iterator

import pytest
import redis
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


@pytest.fixture
def celery_worker(settings):
    """A real Celery worker, in a thread of this run, on the Redis broker CELERY_BROKER_URL
    names: tasks go through the broker as in production, and requests only write the outbox.
    Tests that use it commit for real (transaction=True), so the worker sees their rows."""
    from celery.contrib.testing.worker import start_worker

    from cnis.celery import app

    try:
        redis.Redis.from_url(app.conf.broker_url, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        skip_or_fail(f"needs Redis at {app.conf.broker_url}: set CELERY_BROKER_URL")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    previous = {
        name: app.conf[name] for name in ("task_always_eager", "worker_hijack_root_logger")
    }
    # Leave pytest's log capture alone when the worker starts.
    app.conf.update(task_always_eager=False, worker_hijack_root_logger=False)
    # Whatever an earlier, interrupted run left on this broker is not this test's work.
    app.control.purge()
    try:
        with start_worker(app, perform_ping_check=False, pool="solo"):
            yield app
    finally:
        app.conf.update(previous)


@pytest.fixture
def finished_tasks() -> Iterator[queue.Queue]:
    """(task name, state, return value) of each task the worker finishes, as it finishes it."""
    from celery.signals import task_postrun

    finished: queue.Queue = queue.Queue()

    def record(sender=None, state=None, retval=None, **kwargs) -> None:
        finished.put((sender.name, state, retval))

    task_postrun.connect(record, weak=False)
    yield finished
    task_postrun.disconnect(record)


@pytest.fixture
def session_renewal_held(settings):
    """A staff session's expiry renewed at most once a day, not once a minute: a test counting
    a page's statements before and after building thousands of children would otherwise count
    the renewal's write in whichever request falls due."""
    settings.CNIS_SESSION_RENEW_SECONDS = 24 * 60 * 60
