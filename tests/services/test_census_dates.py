"""An LA's own census date for a term: set, changed, taken back to the pattern, each audited;
a date outside the term's academic year refused with nothing saved."""

from datetime import date

import pytest

from registers.errors import ApplicationError
from registers.models import AuditEvent, CensusDate
from registers.rules.census import Term
from registers.services.returns import census_date_set
from tests.factories import staff_actor

pytestmark = pytest.mark.django_db


def _set(authority, officer, on: date | None, term: Term = Term.SPRING):
    return census_date_set(
        authority=authority,
        academic_year_start=2025,
        term=term,
        census_date=on,
        actor=staff_actor(officer),
    )


def _in_force(authority) -> list[tuple]:
    return list(
        CensusDate.objects.live()
        .filter(authority=authority)
        .values_list("academic_year_start", "term", "census_date")
    )


def test_an_la_sets_changes_and_drops_its_own_census_date(devon, cornwall, officer):
    _set(devon, officer, date(2026, 1, 22))
    _set(devon, officer, date(2026, 1, 29))
    assert _in_force(devon) == [(2025, "Spring term", date(2026, 1, 29))]
    assert _in_force(cornwall) == []

    assert _set(devon, officer, None) is None
    assert _in_force(devon) == []
    assert CensusDate.objects.get(authority=devon).archive_reason == (
        "Back to the published census date pattern"
    )
    events = AuditEvent.objects.filter(object_type="census_date", authority=devon)
    assert events.count() == 3
    assert set(events.values_list("actor", flat=True)) == {officer.pk}


def test_going_back_to_the_pattern_when_already_there_changes_nothing(devon, officer):
    assert _set(devon, officer, None) is None
    assert not AuditEvent.objects.filter(object_type="census_date").exists()


def test_a_census_date_outside_the_academic_year_is_refused(devon, officer):
    with pytest.raises(ApplicationError) as refused:
        _set(devon, officer, date(2026, 9, 3), term=Term.AUTUMN)
    assert refused.value.errors == {
        "census_date": [
            "The census date for the autumn term of 2025-26 must be between 1 September 2025 "
            "and 31 August 2026"
        ]
    }
    assert _in_force(devon) == []
    assert not AuditEvent.objects.filter(object_type="census_date").exists()
