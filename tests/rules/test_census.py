from datetime import date

import pytest

from registers.rules.census import (
    CensusPeriod,
    Term,
    academic_year_label,
    academic_year_parse,
    census_date,
    census_date_refusal,
    census_period,
    census_periods,
    latest_census_period,
    return_due_date,
    term_parse,
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


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        pytest.param("2025-26", 2025, id="2025-26"),
        pytest.param("2022-23", 2022, id="2022-23"),
        pytest.param("1999-00", 1999, id="century"),
        pytest.param("2025-27", None, id="not-consecutive"),
        pytest.param("2025-25", None, id="same-year"),
        pytest.param("2025/26", None, id="slash"),
        pytest.param("202526", None, id="time-period-code"),
        pytest.param("2025-2026", None, id="long-second-year"),
        pytest.param("", None, id="blank"),
        pytest.param("2025-26\n", None, id="trailing-newline"),
        pytest.param("２０２５-２６", None, id="non-ascii-digits"),
    ],
)
def test_academic_year_parse(label: str, expected: int | None) -> None:
    assert academic_year_parse(label) == expected


@pytest.mark.parametrize("start", [1999, 2022, 2025])
def test_academic_year_label_reads_back(start: int) -> None:
    assert academic_year_parse(academic_year_label(start)) == start


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        pytest.param("autumn", Term.AUTUMN, id="autumn"),
        pytest.param("spring", Term.SPRING, id="spring"),
        pytest.param("summer", Term.SUMMER, id="summer"),
        pytest.param("Autumn", None, id="capital"),
        pytest.param("Autumn term", None, id="time-identifier"),
        pytest.param("winter", None, id="winter"),
    ],
)
def test_term_parse(slug: str, expected: Term | None) -> None:
    assert term_parse(slug) == expected


def test_an_las_own_census_date_replaces_the_pattern_and_moves_the_due_date() -> None:
    own = census_period(2022, Term.AUTUMN, census_on=date(2022, 10, 13))
    assert own == CensusPeriod(2022, Term.AUTUMN, date(2022, 10, 13), date(2022, 11, 11))
    assert census_period(2022, Term.AUTUMN, census_on=None) == AUTUMN_2022


@pytest.mark.parametrize(
    ("census_on", "refused"),
    [
        pytest.param(date(2025, 8, 31), True, id="day-before-the-year"),
        pytest.param(date(2025, 9, 1), False, id="first-day-of-the-year"),
        pytest.param(date(2026, 8, 31), False, id="last-day-of-the-year"),
        pytest.param(date(2026, 9, 1), True, id="day-after-the-year"),
    ],
)
def test_an_las_census_date_must_fall_in_the_academic_year(census_on: date, refused: bool) -> None:
    refusal = census_date_refusal(2025, Term.SPRING, census_on)
    assert (refusal is not None) is refused
    if refused:
        assert refusal == (
            "The census date for the spring term of 2025-26 must be between 1 September 2025 "
            "and 31 August 2026"
        )
