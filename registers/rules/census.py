"""Termly census dates and return deadlines for the national Children Not in School return."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from registers.rules.year_group import academic_year_start


class Term(StrEnum):
    """School term, valued with the exact `time_identifier` label of the national return."""

    AUTUMN = "Autumn term"
    SPRING = "Spring term"
    SUMMER = "Summer term"


@dataclass(frozen=True)
class CensusPeriod:
    """One termly census: its date and the date the return is due."""

    academic_year_start: int
    term: Term
    census_date: date
    return_due: date

    @property
    def time_period(self) -> str:
        """Return the national statistics `time_period` code, e.g. "202526" for 2025/26."""
        return f"{self.academic_year_start}{(self.academic_year_start + 1) % 100:02d}"


# (years after the academic year's start, month, which Thursday): the census days follow the
# DfE school census, the first Thursday in October and the third Thursdays in January and May.
_CENSUS_THURSDAYS: dict[Term, tuple[int, int, int]] = {
    Term.AUTUMN: (0, 10, 1),
    Term.SPRING: (1, 1, 3),
    Term.SUMMER: (1, 5, 3),
}


def _nth_weekday_of_month(year: int, month: int, weekday: int, n: int) -> date:
    """Return the `n`th `weekday` (calendar.MONDAY..calendar.SUNDAY) of the month."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def census_date(academic_year_start: int, term: Term) -> date:
    """Return the census Thursday for `term` of the academic year starting in that year."""
    year_offset, month, nth = _CENSUS_THURSDAYS[term]
    return _nth_weekday_of_month(academic_year_start + year_offset, month, calendar.THURSDAY, nth)


def return_due_date(census: date) -> date:
    """Return the day the return is due: the Friday four weeks after the census Thursday."""
    return census + timedelta(days=29)


def census_period(academic_year_start: int, term: Term) -> CensusPeriod:
    """Return the census period for `term` of the academic year starting in that year."""
    census = census_date(academic_year_start, term)
    return CensusPeriod(
        academic_year_start=academic_year_start,
        term=term,
        census_date=census,
        return_due=return_due_date(census),
    )


def census_periods(academic_year_start: int) -> tuple[CensusPeriod, ...]:
    """Return the autumn, spring and summer census periods of the academic year, in order."""
    return tuple(census_period(academic_year_start, term) for term in Term)


def latest_census_period(on: date) -> CensusPeriod:
    """Return the census period whose census date is the most recent on or before `on`."""
    year = academic_year_start(on).year
    # Before the autumn census the latest census is the previous year's summer one, which is
    # always in May of the current year's start, so two academic years always suffice.
    candidates = census_periods(year - 1) + census_periods(year)
    return max(
        (period for period in candidates if period.census_date <= on),
        key=lambda period: period.census_date,
    )
