"""Compulsory school age in England (Education Act 1996 s.8)."""

import calendar
from datetime import date, timedelta

# The Education (Start of Compulsory School Age) Order 1998 (SI 1998/1607) prescribes these
# days, as (month, day), for EA 1996 s.8(2).
PRESCRIBED_DAYS: tuple[tuple[int, int], ...] = ((3, 31), (8, 31), (12, 31))


def birthday(date_of_birth: date, age: int) -> date:
    """Return the day on which a person born on `date_of_birth` attains `age`."""
    year = date_of_birth.year + age
    try:
        # Family Law Reform Act 1969 s.9: an age is attained at the start of the anniversary
        # of the date of birth.
        return date_of_birth.replace(year=year)
    except ValueError:
        # Only 29 February has no anniversary in a non-leap year; s.9 then makes the
        # anniversary 1 March, so the age is attained that day.
        return date(year, 3, 1)


def last_weekday_of_month(year: int, month: int, weekday: int) -> date:
    """Return the last `weekday` (calendar.MONDAY..calendar.SUNDAY) in the month."""
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    return last_day - timedelta(days=(last_day.weekday() - weekday) % 7)


def compulsory_school_age_starts(date_of_birth: date) -> date:
    """Return the first day on which the child is of compulsory school age."""
    fifth_birthday = birthday(date_of_birth, 5)
    # EA 1996 s.8(2): CSA begins on the prescribed day that coincides with, or next follows,
    # the fifth birthday. 31 December is prescribed, so the answer is always in the same year.
    return next(
        prescribed
        for prescribed in (date(fifth_birthday.year, m, d) for m, d in PRESCRIBED_DAYS)
        if prescribed >= fifth_birthday
    )


def compulsory_school_age_ends(date_of_birth: date) -> date:
    """Return the last day on which the child is of compulsory school age (the leaving date)."""
    sixteenth_birthday = birthday(date_of_birth, 16)
    # EA 1996 s.8(3): CSA ends at the end of the school leaving date of the school year in
    # which the child turns 16. The register takes the school year as 1 September to
    # 31 August (s.579(1) starts it with the first term after July), so it ends in the
    # birthday's calendar year unless the birthday is in September or later.
    leaving_year = sixteenth_birthday.year + (1 if sixteenth_birthday.month >= 9 else 0)
    # EA 1996 s.8(4) and the Education (School Leaving Date) Order 1997 (SI 1997/1970): the
    # school leaving date is the last Friday in June. A birthday between that Friday and
    # 1 September therefore falls after CSA has ended (s.8(3)(a)).
    return last_weekday_of_month(leaving_year, 6, calendar.FRIDAY)


def is_of_compulsory_school_age(date_of_birth: date, on: date) -> bool:
    """Return whether the child is of compulsory school age on the day `on`."""
    start = compulsory_school_age_starts(date_of_birth)
    return start <= on <= compulsory_school_age_ends(date_of_birth)
