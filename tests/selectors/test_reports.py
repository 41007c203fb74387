"""The LA's report for a period, compared with counts made here from the rows the test made."""

from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from registers.models import (
    AttendanceOrderStep,
    ChildSafeguarding,
    StaffUser,
    SuitabilityDecision,
    Task,
    Visit,
)
from registers.rules.year_group import national_curriculum_year
from registers.selectors.reports import report_get
from tests.factories import ChildFactory, RegisterEntryFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

STARTS, ENDS, TODAY = date(2026, 9, 1), date(2026, 11, 30), date(2026, 12, 6)

# status, reason, SEN, born, notified, closed on, CIN, CP plan
ENTRIES = [
    (
        "registered",
        "mental_health",
        "sen_support",
        date(2015, 4, 9),
        date(2026, 9, 3),
        None,
        "current",
        "none",
    ),
    (
        "enquiry",
        "philosophical",
        "ehc_plan",
        date(2019, 2, 1),
        date(2026, 2, 1),
        None,
        "none",
        "previous",
    ),
    (
        "registered",
        "mental_health",
        "ehc_plan",
        date(2011, 12, 25),
        date(2025, 5, 5),
        None,
        "previous",
        "current",
    ),
    # Closed in the period: counted.
    (
        "closed",
        "religious",
        "none",
        date(2013, 7, 7),
        date(2024, 1, 1),
        date(2026, 10, 1),
        "none",
        "none",
    ),
    # Closed before the period, told of after it: not counted.
    (
        "closed",
        "religious",
        "none",
        date(2013, 7, 7),
        date(2024, 1, 1),
        date(2026, 8, 31),
        "current",
        "current",
    ),
    (
        "registered",
        "lifestyle",
        "none",
        date(2016, 1, 1),
        date(2026, 12, 1),
        None,
        "current",
        "current",
    ),
]


def _counted(row) -> bool:
    return row[4] <= ENDS and (row[5] is None or row[5] >= STARTS)


def _made(authority) -> list:
    entries = []
    for status, reason, sen, born, notified, closed, cin, cp in ENTRIES:
        child = ChildFactory(authority=authority, sen_provision=sen, date_of_birth=born)
        ChildSafeguarding.objects.create(child=child, child_in_need=cin, child_protection_plan=cp)
        extra = {"closed_on": closed, "closure_reason": "returned_to_school"} if closed else {}
        entries.append(
            RegisterEntryFactory(
                child=child, status=status, primary_reason=reason, notified_on=notified, **extra
            )
        )
    return entries


def _table(report, code) -> dict[str, int]:
    (table,) = [table for table in report.tables if table.code == code]
    return {tally.code: tally.count for tally in table.rows}


def test_the_children_of_the_period_are_counted_by_status_reason_year_and_need(devon, cornwall):
    _made(devon)
    _made(cornwall)
    cleared = StaffUserFactory(authority=devon, can_view_safeguarding=True)

    report = report_get(authority=devon, user=cleared, starts=STARTS, ends=ENDS, today=TODAY)

    counted = [row for row in ENTRIES if _counted(row)]
    assert report.children == len(counted) == 4
    assert {k: v for k, v in _table(report, "status").items() if v} == Counter(
        row[0] for row in counted
    )
    assert {k: v for k, v in _table(report, "reason").items() if v} == Counter(
        row[1] for row in counted
    )
    assert {k: v for k, v in _table(report, "sen").items() if v} == Counter(
        row[2] for row in counted
    )
    years = Counter(national_curriculum_year(row[3], ENDS) for row in counted)
    by_year = _table(report, "year_group")
    for number, count in years.items():
        assert by_year["R" if number == 0 else str(number)] == count
    stages = _table(report, "key_stage")
    assert stages["ks2"] == sum(count for number, count in years.items() if 3 <= number <= 6)
    assert stages["ks3"] == sum(count for number, count in years.items() if 7 <= number <= 9)
    assert sum(stages.values()) == sum(count for number, count in years.items() if number <= 11)
    social = _table(report, "social_care")
    assert social["child_in_need_current"] == sum(1 for row in counted if row[6] == "current")
    assert social["child_in_need_previous"] == sum(1 for row in counted if row[6] == "previous")
    assert social["child_protection_plan_current"] == sum(
        1 for row in counted if row[7] == "current"
    )


def test_social_care_is_left_out_for_staff_not_cleared(devon, officer):
    _made(devon)

    report = report_get(authority=devon, user=officer, starts=STARTS, ends=ENDS, today=TODAY)

    assert "social_care" not in [table.code for table in report.tables]


def test_visits_outcomes_orders_and_caseload_of_the_period(devon, cornwall, officer):
    entry, *_ = _made(devon)
    (theirs, *_) = _made(cornwall)
    colleague = StaffUserFactory(authority=devon, full_name="Zara Colleague")
    in_period, before = date(2026, 10, 1), date(2026, 8, 1)
    done_in_period = timezone.make_aware(datetime(2026, 10, 1, 10))
    done_before = timezone.make_aware(datetime(2026, 8, 1, 10))

    def visit(on_entry, offered_on, **fields):
        Visit.objects.create(entry=on_entry, offered_on=offered_on, **fields)

    def decision(on_entry, outcome, decided_on):
        SuitabilityDecision.objects.create(
            entry=on_entry, outcome=outcome, decided_on=decided_on, evidence="Seen at a visit"
        )

    visit(entry, in_period)
    visit(entry, in_period, status="refused")
    visit(entry, in_period, status="completed", visit_on=date(2026, 10, 5))
    visit(entry, before, status="completed", visit_on=date(2026, 9, 2))
    visit(entry, before, status="completed", visit_on=date(2026, 8, 2))
    visit(theirs, in_period, status="completed", visit_on=date(2026, 10, 5))
    decision(entry, "suitable", date(2026, 10, 5))
    decision(entry, "not_suitable", date(2026, 9, 2))
    decision(entry, "suitable", date(2026, 8, 2))
    decision(theirs, "suitable", date(2026, 10, 5))
    for on_entry, stage, served in [
        (entry, "notice_to_satisfy", date(2026, 9, 10)),
        (entry, "order_served", date(2026, 11, 10)),
        (entry, "prosecution", date(2026, 11, 30)),
        (entry, "order_served", date(2026, 12, 1)),
        (theirs, "order_served", date(2026, 10, 10)),
    ]:
        AttendanceOrderStep.objects.create(
            entry=on_entry, regime=on_entry.regime, stage=stage, served_on=served
        )
    for who, status, due, done in [
        (officer, "open", TODAY - timedelta(days=1), None),
        (officer, "open", TODAY + timedelta(days=1), None),
        (officer, "done", TODAY, done_in_period),
        (colleague, "done", TODAY, done_before),
    ]:
        Task.objects.create(
            authority=devon,
            kind=Task.Kind.CHECK_ELIGIBILITY,
            due_on=due,
            status=status,
            assigned_to=who,
            completed_at=done,
        )

    report = report_get(authority=devon, user=officer, starts=STARTS, ends=ENDS, today=TODAY)

    assert _table(report, "visits") == {"offered": 3, "refused": 1, "made": 2}
    suitability = _table(report, "suitability")
    assert (suitability["suitable"], suitability["not_suitable"]) == (1, 1)
    stages = _table(report, "attendance_orders")
    assert (stages["notice_to_satisfy"], stages["order_served"], stages["prosecution"]) == (
        1,
        1,
        1,
    )
    caseload = {line.officer: line for line in report.caseload}
    assert set(caseload) == {str(member) for member in StaffUser.objects.filter(authority=devon)}
    mine = caseload[str(officer)]
    assert (mine.open_tasks, mine.overdue_tasks, mine.done_in_period) == (2, 1, 1)
    theirs_line = caseload["Zara Colleague"]
    assert (theirs_line.open_tasks, theirs_line.done_in_period) == (0, 0)
