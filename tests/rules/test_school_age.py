import calendar
from datetime import date

import pytest

from registers.rules.school_age import (
    birthday,
    compulsory_school_age_ends,
    compulsory_school_age_starts,
    is_of_compulsory_school_age,
    last_weekday_of_month,
)


@pytest.mark.parametrize(
    ("date_of_birth", "age", "expected"),
    [
        pytest.param(date(2010, 6, 15), 16, date(2026, 6, 15), id="ordinary-anniversary"),
        pytest.param(date(2008, 2, 29), 16, date(2024, 2, 29), id="29-feb-leap-year"),
        pytest.param(date(2008, 2, 29), 17, date(2025, 3, 1), id="29-feb-non-leap-year"),
        pytest.param(date(2020, 2, 29), 5, date(2025, 3, 1), id="29-feb-fifth-birthday"),
    ],
)
def test_birthday(date_of_birth: date, age: int, expected: date) -> None:
    assert birthday(date_of_birth, age) == expected


@pytest.mark.parametrize(
    ("year", "month", "weekday", "expected"),
    [
        # June 2026 begins on a Monday; June 2027 on a Tuesday; June 2024 on a Saturday.
        pytest.param(2026, 6, calendar.FRIDAY, date(2026, 6, 26), id="friday-june-2026"),
        pytest.param(2027, 6, calendar.FRIDAY, date(2027, 6, 25), id="friday-june-2027"),
        pytest.param(2024, 6, calendar.FRIDAY, date(2024, 6, 28), id="friday-june-2024"),
        pytest.param(2026, 6, calendar.TUESDAY, date(2026, 6, 30), id="last-day-is-the-weekday"),
    ],
)
def test_last_weekday_of_month(year: int, month: int, weekday: int, expected: date) -> None:
    assert last_weekday_of_month(year, month, weekday) == expected


@pytest.mark.parametrize(
    ("date_of_birth", "expected"),
    [
        pytest.param(date(2019, 12, 30), date(2024, 12, 31), id="day-before-31-dec"),
        pytest.param(date(2019, 12, 31), date(2024, 12, 31), id="on-31-dec"),
        pytest.param(date(2020, 1, 1), date(2025, 3, 31), id="day-after-31-dec"),
        pytest.param(date(2020, 3, 30), date(2025, 3, 31), id="day-before-31-mar"),
        pytest.param(date(2020, 3, 31), date(2025, 3, 31), id="on-31-mar"),
        pytest.param(date(2020, 4, 1), date(2025, 8, 31), id="day-after-31-mar"),
        pytest.param(date(2020, 8, 30), date(2025, 8, 31), id="day-before-31-aug"),
        pytest.param(date(2020, 8, 31), date(2025, 8, 31), id="on-31-aug"),
        pytest.param(date(2020, 9, 1), date(2025, 12, 31), id="day-after-31-aug"),
        pytest.param(date(2020, 6, 15), date(2025, 8, 31), id="mid-summer-period"),
        pytest.param(date(2020, 10, 20), date(2025, 12, 31), id="mid-autumn-period"),
        # Fifth "birthday" is 1 March 2025 (Family Law Reform Act 1969 s.9).
        pytest.param(date(2020, 2, 29), date(2025, 3, 31), id="born-29-feb-2020"),
        pytest.param(date(2016, 2, 29), date(2021, 3, 31), id="born-29-feb-2016"),
    ],
)
def test_compulsory_school_age_starts(date_of_birth: date, expected: date) -> None:
    assert compulsory_school_age_starts(date_of_birth) == expected


@pytest.mark.parametrize(
    ("date_of_birth", "expected"),
    [
        # Last Fridays in June: 26 June 2026, 25 June 2027, 28 June 2024.
        pytest.param(date(2010, 8, 31), date(2026, 6, 26), id="16th-on-31-aug"),
        pytest.param(date(2010, 9, 1), date(2027, 6, 25), id="16th-on-1-sep"),
        pytest.param(date(2010, 6, 26), date(2026, 6, 26), id="16th-on-last-friday-june"),
        pytest.param(date(2010, 6, 25), date(2026, 6, 26), id="16th-day-before-last-friday"),
        pytest.param(date(2010, 6, 27), date(2026, 6, 26), id="16th-day-after-last-friday"),
        pytest.param(date(2010, 7, 15), date(2026, 6, 26), id="16th-in-summer-holiday"),
        pytest.param(date(2010, 1, 1), date(2026, 6, 26), id="16th-on-1-jan"),
        pytest.param(date(2009, 12, 31), date(2026, 6, 26), id="16th-on-31-dec"),
        pytest.param(date(2008, 2, 29), date(2024, 6, 28), id="born-29-feb-16th-in-leap-year"),
    ],
)
def test_compulsory_school_age_ends(date_of_birth: date, expected: date) -> None:
    assert compulsory_school_age_ends(date_of_birth) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # Born 15 July 2010: CSA runs from 31 August 2015 to 26 June 2026.
        pytest.param(date(2015, 8, 30), False, id="day-before-start"),
        pytest.param(date(2015, 8, 31), True, id="start-day"),
        pytest.param(date(2020, 1, 1), True, id="mid-period"),
        pytest.param(date(2026, 6, 26), True, id="end-day"),
        pytest.param(date(2026, 6, 27), False, id="day-after-end"),
        pytest.param(date(2026, 7, 15), False, id="16th-birthday-after-end"),
    ],
)
def test_is_of_compulsory_school_age(on: date, expected: bool) -> None:
    assert is_of_compulsory_school_age(date(2010, 7, 15), on) is expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # Born 29 February 2020: fifth birthday 1 March 2025, CSA starts 31 March 2025.
        pytest.param(date(2025, 3, 30), False, id="day-before-start"),
        pytest.param(date(2025, 3, 31), True, id="start-day"),
    ],
)
def test_is_of_compulsory_school_age_born_29_february(on: date, expected: bool) -> None:
    assert is_of_compulsory_school_age(date(2020, 2, 29), on) is expected
