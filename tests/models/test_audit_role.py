"""The application's database role (docs/deploying.md) cannot change or empty the audit trail.

The role that runs migrations owns the tables; the web, worker and beat connect as another
role, made by `manage.py app_database_role`, that owns nothing and may only add and read
audit rows. These tests make that role on the test database as a deployment would, connect as
it over a real connection, and try every way of changing the trail. They commit for real
(transaction=True): the role's own connection sees only what is committed.
"""

import secrets
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import timedelta

import psycopg2
import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from psycopg2 import errors, sql

from registers.models import AuditEvent, InformationRequest
from registers.services.outbox import outbox_sweep
from tests.conftest import sign_in_fully
from tests.factories import child_with_record

pytestmark = pytest.mark.django_db(transaction=True)

AUDIT_TABLE = AuditEvent._meta.db_table


@dataclass(frozen=True)
class Role:
    name: str
    password: str

    def url(self) -> str:
        database = connection.settings_dict
        return (
            f"postgres://{self.name}:{self.password}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        )


@pytest.fixture
def app_role(postgres_only, settings) -> Iterator[Role]:
    """The app role, made by the command the migrating role runs after `migrate`. It is named
    after this test database, so that test runs sharing one server never share a role."""
    role = Role(name=f"{connection.settings_dict['NAME']}_app", password=secrets.token_hex(16))
    settings.CNIS_APP_DATABASE_URL = role.url()
    call_command("app_database_role", verbosity=0)
    yield role
    with connection.cursor() as cursor:
        name = sql.Identifier(role.name)
        cursor.execute(sql.SQL("DROP OWNED BY {0}; DROP ROLE {0}").format(name))


def connect_as(role: Role):
    database = connection.settings_dict
    link = psycopg2.connect(
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        dbname=database["NAME"],
        user=role.name,
        password=role.password,
    )
    link.autocommit = True
    return closing(link)


@contextmanager
def app_connected_as(role: Role) -> Iterator[None]:
    """The app's own database connection made as this role, as web, worker and beat make it."""
    database = connection.settings_dict
    kept = database["USER"], database["PASSWORD"]
    connection.close()
    database["USER"], database["PASSWORD"] = role.name, role.password
    try:
        yield
    finally:
        connection.close()
        database["USER"], database["PASSWORD"] = kept


def an_audit_row() -> AuditEvent:
    return AuditEvent.objects.create(action=AuditEvent.Action.VIEW, outcome="allowed")


@pytest.mark.parametrize(
    "statement",
    [
        f"UPDATE {AUDIT_TABLE} SET outcome = 'denied'",
        f"DELETE FROM {AUDIT_TABLE}",
        f"TRUNCATE {AUDIT_TABLE}",
        f"ALTER TABLE {AUDIT_TABLE} DISABLE TRIGGER registers_auditevent_append_only",
        f"ALTER TABLE {AUDIT_TABLE} DISABLE TRIGGER ALL",
        f"DROP TRIGGER registers_auditevent_append_only ON {AUDIT_TABLE}",
        f"DROP TRIGGER registers_auditevent_no_truncate ON {AUDIT_TABLE}",
        "DROP FUNCTION registers_audit_event_append_only() CASCADE",
        f"DROP TABLE {AUDIT_TABLE}",
        f"ALTER TABLE {AUDIT_TABLE} RENAME TO registers_auditevent_old",
        # Replica mode turns every trigger off for the session.
        "SET session_replication_role = replica",
    ],
)
def test_the_app_role_cannot_change_or_empty_the_audit_trail(app_role, statement):
    event = an_audit_row()

    with connect_as(app_role) as link, link.cursor() as cursor:
        with pytest.raises(errors.InsufficientPrivilege):
            cursor.execute(statement)

    assert AuditEvent.objects.get(pk=event.pk).outcome == "allowed"
    assert AuditEvent.objects.count() == 1


def test_the_app_role_adds_and_reads_audit_rows(app_role):
    with connect_as(app_role) as link, link.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone() == (app_role.name,)
        cursor.execute(
            f"INSERT INTO {AUDIT_TABLE} (occurred_at, door, action, object_type, object_id, "
            "children, categories, outcome, request_id) VALUES (now(), 'staff', 'view', "
            "'child', '1', '[]', '[]', 'allowed', '') RETURNING id"
        )
        (event_id,) = cursor.fetchone()
        cursor.execute(f"SELECT action FROM {AUDIT_TABLE} WHERE id = %s", [event_id])
        assert cursor.fetchone() == ("view",)


def test_the_app_does_its_work_as_the_app_role(app_role, client, devon, officer, settings):
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    with app_connected_as(app_role):
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            assert cursor.fetchone() == (app_role.name,)
        child = child_with_record(authority=devon, first_name="Amelia")
        entry = child.entries.get()
        # On the register long enough for the first update request (s.436D).
        entry.notified_on = entry.registered_on = timezone.localdate() - timedelta(days=120)
        entry.save()
        signed_in = sign_in_fully(client, officer)

        record = signed_in.get(reverse("staff:child", kwargs={"child_id": child.pk}))
        sent = signed_in.post(reverse("staff:update-request-send", kwargs={"entry_id": entry.pk}))
        delivered = outbox_sweep()

    assert record.status_code == 200
    assert sent.status_code == 302
    assert InformationRequest.objects.filter(entry=entry).count() == 1
    assert delivered == 1
    assert mail.outbox[0].to == [child.relationships.get().person.email]
    assert AuditEvent.objects.filter(object_type="child", object_id=str(child.pk)).exists()
    assert AuditEvent.objects.filter(object_type="information_request").exists()


def test_making_the_role_again_changes_nothing_and_grants_tables_made_later(app_role):
    call_command("app_database_role", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE registers_made_later (id integer)")
    try:
        with connect_as(app_role) as link, link.cursor() as cursor:
            cursor.execute("INSERT INTO registers_made_later VALUES (1)")
            cursor.execute("DELETE FROM registers_made_later")
            cursor.execute(
                "SELECT count(*) FROM pg_class JOIN pg_roles ON relowner = pg_roles.oid "
                "WHERE rolname = current_user"
            )
            assert cursor.fetchone() == (0,)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE registers_made_later")


def test_the_app_role_cannot_be_the_role_that_owns_the_tables(postgres_only, settings):
    database = connection.settings_dict
    settings.CNIS_APP_DATABASE_URL = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )

    with pytest.raises(CommandError, match="must not be the role that runs migrations"):
        call_command("app_database_role", verbosity=0)
