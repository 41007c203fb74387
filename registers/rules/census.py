"""Termly census dates and return deadlines for the national Children Not in School return.

The census dates follow the published pattern (school-census Thursdays); an LA may set its own
date for a term, which then replaces the pattern for that term (domain spec, section (g): dates
after 2022/23 are **UNCONFIRMED**, so the pattern is a default, not a fact).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from registers.rules.deadlines import long_date
from registers.rules.year_group import academic_year_start


class Term(StrEnum):
    """School term, valued with the exact `time_identifier` label of the national return."""

    AUTUMN = "Autumn term"
    SPRING = "Spring term"
    SUMMER = "Summer term"

    @property
    def slug(self) -> str:
        """The term as the return's address names it: "autumn", "spring" or "summer"."""
        return self.name.lower()


# An academic year as the return's address and documents name it: "2025-26".
_ACADEMIC_YEAR = re.compile(r"([0-9]{4})-([0-9]{2})")

ACADEMIC_YEAR_UNKNOWN = (
    "Enter the academic year as its first year and the next year's last 2 digits, like 2025-26"
)
TERM_UNKNOWN = "Choose the autumn, spring or summer term"
CENSUS_DATE_OUTSIDE_YEAR = (
    "The census date for the {term} of {year} must be between {first} and {last}"
)


def academic_year_label(academic_year_start: int) -> str:
    """Return the academic year starting in that year as "2025-26"."""
    return f"{academic_year_start}-{(academic_year_start + 1) % 100:02d}"


def academic_year_parse(label: str) -> int | None:
    """Return the first calendar year of an academic year written "2025-26", or None."""
    match = _ACADEMIC_YEAR.fullmatch(label)
    if match is None:
        return None
    start = int(match.group(1))
    return start if int(match.group(2)) == (start + 1) % 100 else None


def term_parse(slug: str) -> Term | None:
    """Return the term named "autumn", "spring" or "summer", or None."""
    return next((term for term in Term if term.slug == slug), None)


@dataclass(frozen=True)
class CensusPeriod:
    """One termly census: its date and the date the return is due."""

    academic_year_start: int
    term: Term
    census_date: date
    return_due: date

    @property
    def academic_year(self) -> str:
        """Return the academic year as "2025-26"."""
        return academic_year_label(self.academic_year_start)

    @property
    def order(self) -> tuple[int, int]:
        """A key that sorts periods into the order they happened."""
        return (self.academic_year_start, list(Term).index(self.term))

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


def census_date_refusal(academic_year_start: int, term: Term, census_on: date) -> str | None:
    """Why an LA may not set `census_on` as the term's census date; None if it may."""
    first = date(academic_year_start, 9, 1)
    last = date(academic_year_start + 1, 8, 31)
    if first <= census_on <= last:
        return None
    return CENSUS_DATE_OUTSIDE_YEAR.format(
        term=term.value.lower(),
        year=academic_year_label(academic_year_start),
        first=long_date(first),
        last=long_date(last),
    )


def census_period(
    academic_year_start: int, term: Term, *, census_on: date | None = None
) -> CensusPeriod:
    """Return the census period for `term` of the academic year starting in that year.

    `census_on` is the LA's own census date for the term, where it has set one; otherwise the
    published pattern gives the date. The return is due four weeks after either.
    """
    census = census_on or census_date(academic_year_start, term)
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
