"""The dashboard's figures, compared with counts made here from the rows the test made."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.utils import timezone

from registers.models import AttendanceOrderStep, ConsentRequest, Notification, Task
from registers.rules.codes import CaseStatus, NotificationKind, NotificationSource, SenProvision
from registers.rules.year_group import year_group_label
from registers.selectors.dashboard import OTHER_AGES_LABEL, dashboard_get
from tests.factories import (
    ChildFactory,
    RegisterEntryFactory,
    StaffUserFactory,
    child_with_record,
    staff_actor,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 6)

# (status, primary reason, SEN provision, date of birth, notified on)
CHILDREN = [
    ("registered", "mental_health", "none", date(2015, 4, 9), date(2026, 12, 1)),
    ("registered", "mental_health", "ehc_plan", date(2016, 10, 2), date(2026, 12, 5)),
    ("enquiry", "philosophical", "sen_support", date(2012, 1, 30), date(2026, 11, 20)),
    ("notified", "unknown", "unknown", date(2009, 6, 1), date(2026, 3, 14)),
    ("suitable_monitoring", "religious", "sen_support", date(2020, 12, 25), date(2025, 6, 1)),
    ("closed", "lifestyle", "none", date(2011, 9, 1), date(2024, 2, 2)),
]


def _register(authority) -> list:
    entries = []
    for status, reason, sen, born, notified in CHILDREN:
        child = ChildFactory(authority=authority, sen_provision=sen, date_of_birth=born)
        closed = {"closed_on": TODAY, "closure_reason": "returned_to_school"}
        entries.append(
            RegisterEntryFactory(
                child=child,
                status=status,
                primary_reason=reason,
                notified_on=notified,
                **(closed if status == CaseStatus.CLOSED else {}),
            )
        )
    return entries


def test_the_register_figures_are_the_las_live_entries_counted(devon, cornwall, officer):
    _register(devon)
    _register(cornwall)
    child_with_record(authority=devon).archive(actor=staff_actor(officer), reason="Twice")

    figures = dashboard_get(authority=devon, user=officer, today=TODAY)

    assert figures.on_register == len(CHILDREN)
    assert figures.new_this_month == sum(1 for row in CHILDREN if row[4] >= date(2026, 12, 1))
    statuses = Counter(CaseStatus(row[0]).label for row in CHILDREN)
    assert {tally.label: tally.count for tally in figures.by_status} == statuses
    reasons = Counter(row[1] for row in CHILDREN)
    assert {tally.code: tally.count for tally in figures.by_reason} == reasons
    sen = Counter(row[2] for row in CHILDREN)
    assert {tally.code: tally.count for tally in figures.by_sen} == {
        str(code): sen.get(str(code), 0) for code in SenProvision
    }
    years = Counter(year_group_label(row[3], TODAY) or OTHER_AGES_LABEL for row in CHILDREN)
    shown = {tally.label: tally.count for tally in figures.by_year_group if tally.count}
    assert shown == years
    assert [tally.label for tally in figures.by_year_group][:2] == ["Reception", "Year 1"]


def test_the_register_size_over_time_counts_entries_notified_by_each_months_end(devon, officer):
    _register(devon)

    figures = dashboard_get(authority=devon, user=officer, today=TODAY)

    months = [month.month for month in figures.size_over_time]
    assert months[0] == date(2026, 1, 1)
    assert months[-1] == date(2026, 12, 1)
    for month in figures.size_over_time:
        next_month = (month.month + timedelta(days=32)).replace(day=1)
        assert month.entries == sum(1 for row in CHILDREN if row[4] < next_month), month
    assert figures.size_over_time[-1].entries == figures.on_register


def test_the_work_waiting_is_the_officers_own_and_the_las(devon, cornwall, officer):
    colleague = StaffUserFactory(authority=devon)
    entry = child_with_record(authority=devon).entries.get()
    theirs = child_with_record(authority=cornwall).entries.get()

    def task(authority, **fields):
        return Task.objects.create(authority=authority, kind=Task.Kind.CHECK_ELIGIBILITY, **fields)

    yesterday, in_three_days, in_a_month = (
        TODAY - timedelta(days=1),
        TODAY + timedelta(days=3),
        TODAY + timedelta(days=30),
    )
    task(devon, due_on=yesterday, assigned_to=officer)
    task(devon, due_on=yesterday, assigned_to=officer)
    task(devon, due_on=yesterday, assigned_to=officer, status=Task.Status.DONE)
    task(devon, due_on=yesterday, assigned_to=colleague)
    task(devon, due_on=TODAY, assigned_to=officer)
    task(devon, due_on=in_three_days, assigned_to=officer)
    task(devon, due_on=in_a_month, assigned_to=officer)
    Task.objects.create(authority=devon, kind=Task.Kind.POSSIBLE_DUPLICATE, due_on=in_a_month)
    Task.objects.create(authority=cornwall, kind=Task.Kind.POSSIBLE_DUPLICATE, due_on=TODAY)

    for n, (authority, reviewed) in enumerate(
        [(devon, None), (devon, None), (devon, timezone.now()), (cornwall, None)]
    ):
        Notification.objects.create(
            authority=authority,
            kind=NotificationKind.CHANGE_OF_CIRCUMSTANCES,
            source=NotificationSource.PARENT,
            idempotency_key=f"key-{n}",
            reference="REF",
            payload={},
            received_at=timezone.now(),
            reviewed_at=reviewed,
        )

    for authority, status, decided in [
        (devon, "requested", None),
        (devon, "under_assessment", None),
        (devon, "granted", TODAY),
        (cornwall, "requested", None),
    ]:
        ConsentRequest.objects.create(
            authority=authority,
            child=(entry if authority == devon else theirs).child,
            condition=ConsentRequest.Condition.SPECIAL_SCHOOL,
            school_name="Oak Special School",
            status=status,
            requested_on=TODAY,
            decided_on=decided,
        )

    Stage = AttendanceOrderStep.Stage
    for on_entry, stage, respond_by in [
        (entry, Stage.NOTICE_TO_SATISFY, TODAY + timedelta(days=5)),
        (entry, Stage.SCHOOL_NOMINATION_NOTICE, TODAY),
        (entry, Stage.NOTICE_TO_SATISFY, in_a_month),
        (entry, Stage.NOTICE_TO_SATISFY, yesterday),
        (entry, Stage.ORDER_SERVED, TODAY + timedelta(days=2)),
        (theirs, Stage.NOTICE_TO_SATISFY, TODAY + timedelta(days=2)),
    ]:
        AttendanceOrderStep.objects.create(
            entry=on_entry,
            regime=on_entry.regime,
            stage=stage,
            served_on=TODAY - timedelta(days=10),
            respond_by=respond_by,
        )

    figures = dashboard_get(authority=devon, user=officer, today=TODAY)

    assert (figures.my_tasks_overdue, figures.my_tasks_due_soon) == (2, 2)
    assert figures.possible_duplicates == 1
    assert figures.review_queue == 2
    assert figures.consent_pending == 2
    assert figures.notices_running_out == 2
