"""When the beat schedule starts a term's collection: on the day its returns are due, the
Friday four weeks after the census Thursday, as the published dates of 2022-23 have it."""

from datetime import date

import pytest
import time_machine

from national.calendar import term_due
from national.models import CollectionRun
from national.tasks import national_collect_due


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2022, 11, 4), ("2022-23", "autumn")),
        (date(2023, 2, 17), ("2022-23", "spring")),
        (date(2023, 6, 16), ("2022-23", "summer")),
        (date(2022, 11, 3), None),
        (date(2023, 6, 17), None),
    ],
)
def test_the_term_due_is_the_friday_four_weeks_after_its_census(today, due):
    assert term_due(today) == due


@pytest.mark.django_db
def test_the_daily_task_starts_the_terms_collection_once():
    with time_machine.travel(date(2025, 10, 31), tick=False):  # autumn 2025: census 2 October
        assert national_collect_due() == "started autumn 2025-26"
        assert national_collect_due() == "already started"
    assert CollectionRun.objects.get().term == "autumn"
    with time_machine.travel(date(2025, 11, 1), tick=False):
        assert national_collect_due() == "none due"
