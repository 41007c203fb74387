from datetime import date

import pytest

from registers.rules.census import (
    CensusPeriod,
    Term,
    census_date,
    census_period,
    census_periods,
    latest_census_period,
    return_due_date,
)

AUTUMN_2022 = CensusPeriod(2022, Term.AUTUMN, date(2022, 10, 6), date(2022, 11, 4))
SPRING_2022 = CensusPeriod(2022, Term.SPRING, date(2023, 1, 19), date(2023, 2, 17))
SUMMER_2022 = CensusPeriod(2022, Term.SUMMER, date(2023, 5, 18), date(2023, 6, 16))
# 2021/22 summer census: third Thursday in May 2022 (Thursdays 5, 12, 19); due 17 June 2022.
SUMMER_2021 = CensusPeriod(2021, Term.SUMMER, date(2022, 5, 19), date(2022, 6, 17))


def test_term_labels() -> None:
    assert [term.value for term in Term] == ["Autumn term", "Spring term", "Summer term"]


@pytest.mark.parametrize(
    ("academic_year_start", "term", "expected"),
    [
        pytest.param(2022, Term.AUTUMN, date(2022, 10, 6), id="autumn-2022"),
        pytest.param(2022, Term.SPRING, date(2023, 1, 19), id="spring-2023"),
        pytest.param(2022, Term.SUMMER, date(2023, 5, 18), id="summer-2023"),
        # October 2025 starts on a Wednesday, January 2026 on a Thursday, May 2026 on a Friday.
        pytest.param(2025, Term.AUTUMN, date(2025, 10, 2), id="autumn-2025"),
        pytest.param(2025, Term.SPRING, date(2026, 1, 15), id="spring-2026-starts-thursday"),
        pytest.param(2025, Term.SUMMER, date(2026, 5, 21), id="summer-2026"),
    ],
)
def test_census_date(academic_year_start: int, term: Term, expected: date) -> None:
    assert census_date(academic_year_start, term) == expected


@pytest.mark.parametrize(
    ("census", "expected"),
    [
        pytest.param(date(2022, 10, 6), date(2022, 11, 4), id="autumn-2022"),
        pytest.param(date(2023, 1, 19), date(2023, 2, 17), id="spring-2023"),
        pytest.param(date(2023, 5, 18), date(2023, 6, 16), id="summer-2023"),
    ],
)
def test_return_due_date(census: date, expected: date) -> None:
    assert return_due_date(census) == expected


@pytest.mark.parametrize(
    ("academic_year_start", "expected"),
    [
        pytest.param(2025, "202526", id="2025-26"),
        pytest.param(2022, "202223", id="2022-23"),
        pytest.param(2009, "200910", id="2009-10"),
        pytest.param(1999, "199900", id="century-boundary"),
    ],
)
def test_time_period(academic_year_start: int, expected: str) -> None:
    period = CensusPeriod(academic_year_start, Term.AUTUMN, date(2000, 1, 1), date(2000, 1, 1))
    assert period.time_period == expected


def test_census_period() -> None:
    assert census_period(2022, Term.SPRING) == SPRING_2022


def test_census_periods_in_term_order() -> None:
    assert census_periods(2022) == (AUTUMN_2022, SPRING_2022, SUMMER_2022)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2022, 9, 1), SUMMER_2021, id="start-of-year-before-autumn-census"),
        pytest.param(date(2022, 10, 5), SUMMER_2021, id="day-before-autumn-census"),
        pytest.param(date(2022, 10, 6), AUTUMN_2022, id="autumn-census-day"),
        pytest.param(date(2023, 1, 18), AUTUMN_2022, id="day-before-spring-census"),
        pytest.param(date(2023, 1, 19), SPRING_2022, id="spring-census-day"),
        pytest.param(date(2023, 5, 17), SPRING_2022, id="day-before-summer-census"),
        pytest.param(date(2023, 5, 18), SUMMER_2022, id="summer-census-day"),
        pytest.param(date(2023, 8, 31), SUMMER_2022, id="end-of-academic-year"),
        pytest.param(date(2023, 9, 1), SUMMER_2022, id="start-of-next-academic-year"),
    ],
)
def test_latest_census_period(on: date, expected: CensusPeriod) -> None:
    assert latest_census_period(on) == expected
