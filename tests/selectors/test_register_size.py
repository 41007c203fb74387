"""The register's size is kept by PostgreSQL as rows change, so the register page reads one row:
whatever writes an entry or a child, the size shown is the number of live entries of live
children, and another LA's register is untouched."""

from datetime import date

import pytest
import time_machine
from django.db import connection

from registers.intake.notification import notification_details_validate
from registers.models import RegisterEntry, RegisterSize
from registers.rules.codes import CaseStatus, ClosureReason, NotificationSource
from registers.selectors.register import register_entry_list, register_size
from registers.services.notifications import notification_submit
from tests.factories import (
    RegisterEntryFactory,
    child_with_record,
    children_registered_in_bulk,
    public_actor,
    staff_actor,
)
from tests.intake import notification_data

pytestmark = pytest.mark.django_db


def counted(authority) -> int:
    """The register counted the slow way, row by row."""
    return register_entry_list(authority=authority).count()


def test_the_size_follows_every_kind_of_write(devon, cornwall, officer, postgres_only):
    children_registered_in_bulk(devon, 5)
    children_registered_in_bulk(cornwall, 3, start=100)
    first = child_with_record(authority=devon)
    assert register_size(authority=devon) == counted(devon) == 6

    with time_machine.travel(date(2026, 11, 28), tick=False):
        notification_submit(
            authority=devon,
            details=notification_details_validate(notification_data(), today=date(2026, 11, 28)),
            source=NotificationSource.PARENT,
            idempotency_key="size-test-0001",
            actor=public_actor(),
        )
    assert register_size(authority=devon) == counted(devon) == 7

    second_entry = RegisterEntryFactory(
        child=first,
        status=CaseStatus.CLOSED,
        closed_on=date(2026, 1, 5),
        closure_reason=ClosureReason.RETURNED_TO_SCHOOL,
    )
    assert register_size(authority=devon) == counted(devon) == 8

    second_entry.archive(actor=staff_actor(officer), reason="Recorded twice by mistake")
    assert register_size(authority=devon) == counted(devon) == 7

    first.archive(actor=staff_actor(officer), reason="A test child")
    assert register_size(authority=devon) == counted(devon) == 6

    first.archived_at = None
    first.save(update_fields=["archived_at"])
    assert register_size(authority=devon) == counted(devon) == 7

    RegisterEntry.objects.filter(child=first).update(authority=cornwall)
    assert register_size(authority=devon) == counted(devon) == 6
    assert register_size(authority=cornwall) == counted(cornwall) == 4


def test_an_la_with_no_register_has_a_size_of_nought(devon):
    assert register_size(authority=devon) == 0


def test_the_size_starts_from_the_rows_already_there(devon, postgres_only):
    """What the migration does when it is applied to a register that already holds rows."""
    children_registered_in_bulk(devon, 4)
    RegisterSize.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO registers_registersize (authority_id, entries) "
            "SELECT entry.authority_id, count(*) FROM registers_registerentry entry "
            "WHERE registers_register_entry_counted(entry) GROUP BY entry.authority_id"
        )

    assert register_size(authority=devon) == 4
