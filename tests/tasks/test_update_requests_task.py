"""The scheduled job that keeps every child inside the update request window (s.436D)."""

from datetime import date, datetime, timedelta
from importlib import import_module
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps as django_apps
from django.db import connection

from registers.actors import SCHEDULER
from registers.models import Child, InformationRequest, OutboxMessage, Person, RegisterEntry
from registers.rules.codes import CaseStatus, ClosureReason, NotificationSource, Regime, Sex
from registers.services.update_requests import update_request_send, update_requests_send_due
from registers.tasks import update_requests as tasks
from tests.factories import LocalAuthorityFactory, child_with_record
from tests.statements import statements_run

pytestmark = pytest.mark.django_db

TODAY = date(2026, 10, 5)


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(
        datetime(2026, 10, 5, 7, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield


def registered(authority, on: date, **fields):
    child = child_with_record(authority=authority, **fields)
    entry = child.entries.get()
    entry.registered_on = on
    entry.save()
    return entry


def test_sends_for_a_child_near_twelve_months_and_not_for_one_at_two(devon):
    near_limit = registered(devon, date(2025, 10, 16))  # about 11.7 months ago
    recent = registered(devon, date(2026, 8, 5))  # 2 months ago

    # Through Celery (eager in tests), as beat runs it.
    assert tasks.update_requests_send_due.delay().get() == 1

    assert InformationRequest.objects.get().entry == near_limit
    assert not recent.information_requests.exists()
    assert OutboxMessage.objects.count() == 1


def test_skips_entries_without_a_parent_email_closed_or_already_asked(devon):
    no_email = registered(devon, date(2025, 10, 1))
    Person.objects.filter(relationships__child=no_email.child).update(email="")
    not_open = registered(devon, date(2025, 10, 1))
    not_open.status = CaseStatus.ELIGIBILITY_CHECK
    not_open.save()
    waiting = registered(devon, date(2025, 7, 1))
    with time_machine.travel(datetime(2026, 9, 20, 9, tzinfo=ZoneInfo("Europe/London"))):
        update_request_send(entry=waiting, actor=SCHEDULER)

    assert update_requests_send_due() == 0
    assert InformationRequest.objects.count() == 1


def test_overdue_entries_are_sent_and_not_sent_twice(devon):
    overdue = registered(devon, date(2024, 1, 10))

    assert update_requests_send_due() == 1
    assert update_requests_send_due() == 0
    assert overdue.information_requests.count() == 1


def test_only_hosted_authorities_are_asked(devon):
    elsewhere = LocalAuthorityFactory(hosted=False)
    registered(elsewhere, date(2025, 10, 1))

    assert update_requests_send_due() == 0


def test_the_anchor_is_the_last_request_not_registration(devon):
    entry = registered(devon, date(2024, 10, 1))
    with time_machine.travel(datetime(2026, 2, 1, 9, tzinfo=ZoneInfo("Europe/London"))):
        row = update_request_send(entry=entry, actor=SCHEDULER)
    InformationRequest.objects.filter(pk=row.pk).update(used_at=row.sent_at)

    # Asked on 1 February 2026: the 12 months run to 1 February 2027, not yet near.
    assert update_requests_send_due() == 0
    assert update_requests_send_due(today=date(2027, 1, 18)) == 1


def entries(authority, count: int, *, registered_on, closed_every: int = 0) -> None:
    """Many entries at once (no parents): registered on `registered_on` and the 359 days after
    it, every `closed_every`th closed."""
    children = Child.objects.bulk_create(
        Child(
            authority=authority,
            first_name="Child",
            last_name=str(number),
            date_of_birth=date(2015, 1, 1),
            sex=Sex.FEMALE,
        )
        for number in range(count)
    )

    def closed(number: int) -> bool:
        return bool(closed_every) and number % closed_every == 0

    RegisterEntry.objects.bulk_create(
        RegisterEntry(
            authority=authority,
            child=child,
            reference=f"{child.pk.hex[:12]}",
            status=CaseStatus.CLOSED if closed(number) else CaseStatus.REGISTERED,
            closed_on=date(2024, 1, 1) if closed(number) else None,
            closure_reason=ClosureReason.RETURNED_TO_SCHOOL if closed(number) else "",
            regime=Regime.EHE_2019,
            source=NotificationSource.PARENT,
            notified_on=registered_on + timedelta(days=number % 360),
            registered_on=registered_on + timedelta(days=number % 360),
        )
        for number, child in enumerate(children)
    )


def test_the_job_runs_the_same_statements_for_3_children_not_due_as_for_1500(devon):
    due = [registered(devon, date(2025, 10, 16))]
    entries(devon, 3, registered_on=date(2026, 8, 5))
    few = statements_run(update_requests_send_due)
    due.append(registered(devon, date(2025, 10, 16)))
    entries(devon, 1500, registered_on=date(2026, 8, 5))

    many = statements_run(update_requests_send_due)

    assert [entry.information_requests.count() for entry in due] == [1, 1]
    assert InformationRequest.objects.count() == 2
    assert len(few) == len(many)


def test_the_job_reads_only_the_children_due_through_an_index(devon, postgres_only):
    """5,000 entries, a year's registrations: the selection reads a range of an index (the
    children registered 50 weeks ago or more, under 3%), not the whole register."""
    entries(devon, 5000, registered_on=TODAY - timedelta(days=360), closed_every=4)
    # Due: registered on or before 19 October 2025, 12 months before 14 days from today.
    anchored = RegisterEntry.objects.filter(
        status=CaseStatus.REGISTERED, registered_on__lte=date(2025, 10, 19)
    ).count()
    with connection.cursor() as cursor:
        for table in ("registerentry", "informationrequest", "childperson"):
            cursor.execute(f"ANALYZE registers_{table}")

    selections = [
        sql[sql.index("SELECT") :]
        for sql in statements_run(update_requests_send_due)
        if 'FROM "registers_registerentry"' in sql
    ]

    assert 0 < anchored < 150
    assert selections
    for selection in selections:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {selection}")
            plan = cursor.fetchone()[0]
        scans = [
            node
            for node in plan_nodes(plan)
            if node.get("Relation Name") == "registers_registerentry"
        ]
        assert scans
        assert {node["Node Type"] for node in scans} <= {"Index Scan", "Bitmap Heap Scan"}
        read = sum(
            node["Actual Rows"]
            + node.get("Rows Removed by Filter", 0)
            + node.get("Rows Removed by Index Recheck", 0)
            for node in scans
        )
        assert read <= anchored


def plan_nodes(plan) -> list[dict]:
    nodes, waiting = [], [plan[0]["Plan"]]
    while waiting:
        node = waiting.pop()
        nodes.append(node)
        waiting.extend(node.get("Plans", []))
    return nodes


def test_requests_sent_before_the_upgrade_count_from_their_local_day(devon):
    """The migration that keeps the last request's day fills it in from the requests."""
    entry = registered(devon, date(2024, 10, 1))
    for sent_at in (datetime(2025, 3, 1, 9), datetime(2026, 6, 30, 23, 30)):  # UTC
        InformationRequest.objects.create(
            authority=devon,
            kind=InformationRequest.Kind.PARENT_UPDATE,
            entry=entry,
            sent_at=sent_at.replace(tzinfo=ZoneInfo("UTC")),
            respond_by=sent_at.date(),
            expires_at=sent_at.replace(tzinfo=ZoneInfo("UTC")),
            token_digest=sent_at.isoformat(),
        )
    never_asked = registered(devon, date(2025, 10, 1))
    RegisterEntry.objects.update(update_requested_on=None)

    migration = import_module("registers.migrations.0011_update_request_anchor")
    migration.last_requests_kept(django_apps, None)

    entry.refresh_from_db()
    never_asked.refresh_from_db()
    # 23:30 on 30 June in UTC is 00:30 on 1 July in London.
    assert entry.update_requested_on == date(2026, 7, 1)
    assert never_asked.update_requested_on is None
    assert update_requests_send_due() == 1
    assert not entry.information_requests.filter(sent_at__date=TODAY).exists()
