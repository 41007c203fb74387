from datetime import date, timedelta

import pytest

from registers.rules.year_group import (
    YEAR_GROUP_LABELS,
    academic_year_start,
    age_on,
    national_curriculum_year,
    year_group_birth_dates,
    year_group_label,
)


def test_year_group_labels() -> None:
    assert YEAR_GROUP_LABELS == (
        "Reception",
        "Year 1",
        "Year 2",
        "Year 3",
        "Year 4",
        "Year 5",
        "Year 6",
        "Year 7",
        "Year 8",
        "Year 9",
        "Year 10",
        "Year 11",
    )


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2025, 8, 31), date(2024, 9, 1), id="31-aug"),
        pytest.param(date(2025, 9, 1), date(2025, 9, 1), id="1-sep"),
        pytest.param(date(2026, 1, 1), date(2025, 9, 1), id="1-jan"),
        pytest.param(date(2025, 12, 31), date(2025, 9, 1), id="31-dec"),
    ],
)
def test_academic_year_start(on: date, expected: date) -> None:
    assert academic_year_start(on) == expected


@pytest.mark.parametrize(
    ("date_of_birth", "on", "expected"),
    [
        pytest.param(date(2010, 6, 15), date(2026, 6, 14), 15, id="day-before-birthday"),
        pytest.param(date(2010, 6, 15), date(2026, 6, 15), 16, id="on-birthday"),
        pytest.param(date(2008, 2, 29), date(2024, 2, 28), 15, id="29-feb-day-before-leap"),
        pytest.param(date(2008, 2, 29), date(2024, 2, 29), 16, id="29-feb-on-leap-day"),
        pytest.param(date(2008, 2, 29), date(2025, 2, 28), 16, id="29-feb-28-feb-non-leap"),
        pytest.param(date(2008, 2, 29), date(2025, 3, 1), 17, id="29-feb-1-mar-non-leap"),
        pytest.param(date(2020, 9, 1), date(2020, 8, 31), -1, id="before-birth"),
    ],
)
def test_age_on(date_of_birth: date, on: date, expected: int) -> None:
    assert age_on(date_of_birth, on) == expected


@pytest.mark.parametrize(
    ("date_of_birth", "on", "expected"),
    [
        pytest.param(date(2019, 8, 31), date(2023, 9, 1), 0, id="born-31-aug-start-2023-24"),
        pytest.param(date(2019, 8, 31), date(2024, 8, 31), 0, id="born-31-aug-on-31-aug-2024"),
        pytest.param(date(2019, 8, 31), date(2024, 9, 1), 1, id="born-31-aug-on-1-sep-2024"),
        pytest.param(date(2019, 9, 1), date(2024, 8, 31), -1, id="born-1-sep-on-31-aug-2024"),
        pytest.param(date(2019, 9, 1), date(2024, 9, 1), 0, id="born-1-sep-on-1-sep-2024"),
        pytest.param(date(2019, 9, 1), date(2025, 8, 31), 0, id="born-1-sep-on-31-aug-2025"),
        pytest.param(date(2020, 2, 29), date(2024, 9, 1), 0, id="born-29-feb-reception"),
        pytest.param(date(2009, 9, 1), date(2025, 9, 1), 11, id="year-11-oldest"),
        pytest.param(date(2010, 8, 31), date(2025, 9, 1), 11, id="year-11-youngest"),
        pytest.param(date(2009, 8, 31), date(2025, 9, 1), 12, id="beyond-year-11"),
        pytest.param(date(2022, 3, 1), date(2025, 9, 1), -1, id="nursery"),
    ],
)
def test_national_curriculum_year(date_of_birth: date, on: date, expected: int) -> None:
    assert national_curriculum_year(date_of_birth, on) == expected


@pytest.mark.parametrize(
    ("date_of_birth", "on", "expected"),
    [
        pytest.param(date(2019, 8, 31), date(2024, 8, 31), "Reception", id="reception"),
        pytest.param(date(2019, 8, 31), date(2024, 9, 1), "Year 1", id="year-1"),
        pytest.param(date(2010, 8, 31), date(2025, 9, 1), "Year 11", id="year-11"),
        pytest.param(date(2019, 9, 1), date(2024, 8, 31), None, id="below-reception"),
        pytest.param(date(2009, 8, 31), date(2025, 9, 1), None, id="above-year-11"),
    ],
)
def test_year_group_label(date_of_birth: date, on: date, expected: str | None) -> None:
    assert year_group_label(date_of_birth, on) == expected


@pytest.mark.parametrize(
    "on",
    [
        pytest.param(date(2024, 10, 3), id="autumn-census-2024"),
        pytest.param(date(2025, 1, 16), id="spring-census-2025"),
        pytest.param(date(2025, 8, 31), id="last-day-of-a-year"),
        pytest.param(date(2025, 9, 1), id="first-day-of-a-year"),
    ],
)
@pytest.mark.parametrize("year", range(12))
def test_year_group_birth_dates_are_exactly_the_cohort(on: date, year: int) -> None:
    first, last = year_group_birth_dates(year, on)
    assert national_curriculum_year(first, on) == year
    assert national_curriculum_year(last, on) == year
    assert national_curriculum_year(first - timedelta(days=1), on) == year + 1
    assert national_curriculum_year(last + timedelta(days=1), on) == year - 1
    assert (last - first).days in (364, 365)


def test_a_child_born_on_29_february_is_in_the_cohort_of_that_school_year() -> None:
    first, last = year_group_birth_dates(4, date(2024, 10, 3))
    assert first <= date(2016, 2, 29) <= last
    assert national_curriculum_year(date(2016, 2, 29), date(2024, 10, 3)) == 4
