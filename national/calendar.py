"""When each term's returns are due, as the national team sets its collection (plain Python):
the census on the school-census Thursday (the first in October, the third in January and in
May), the return due on the Friday four weeks later."""

import calendar
from datetime import date, timedelta

# term: (years after the academic year's start, month, which Thursday)
CENSUS_THURSDAYS = {"autumn": (0, 10, 1), "spring": (1, 1, 3), "summer": (1, 5, 3)}
DUE_AFTER_CENSUS = timedelta(weeks=4, days=1)


def census_day(academic_year_start: int, term: str) -> date:
    offset, month, nth = CENSUS_THURSDAYS[term]
    first = date(academic_year_start + offset, month, 1)
    return first + timedelta(days=(calendar.THURSDAY - first.weekday()) % 7 + 7 * (nth - 1))


def academic_year_label(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def term_due(today: date) -> tuple[str, str] | None:
    """The (academic year, term) whose returns are due today, if any."""
    start = today.year if today.month >= 9 else today.year - 1
    for term in CENSUS_THURSDAYS:
        if census_day(start, term) + DUE_AFTER_CENSUS == today:
            return academic_year_label(start), term
    return None
