from datetime import date, timedelta

import pytest

from registers.rules.deadlines import (
    UPDATE_REQUEST_NO_EMAIL,
    UPDATE_REQUEST_NOT_OPEN,
    UpdateRequestWindow,
    add_months,
    days_beginning_with,
    latest_start,
    may_send_update_request,
    update_request_due_anchor,
    update_request_overdue,
    update_request_refusal,
    update_request_window,
)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        pytest.param(date(2026, 1, 1), 15, date(2026, 1, 15), id="15-days-from-1-jan"),
        # 20-31 January is 12 days; days 13-15 are 1-3 February.
        pytest.param(date(2026, 1, 20), 15, date(2026, 2, 3), id="across-month-end"),
        # 20-28 February 2026 is 9 days; day 10 is 1 March.
        pytest.param(date(2026, 2, 20), 10, date(2026, 3, 1), id="across-28-feb"),
        # 20-28 February 2028 is 9 days; day 10 is 29 February (leap year).
        pytest.param(date(2028, 2, 20), 10, date(2028, 2, 29), id="onto-29-feb"),
        pytest.param(date(2028, 2, 20), 11, date(2028, 3, 1), id="across-29-feb"),
        pytest.param(date(2025, 12, 20), 20, date(2026, 1, 8), id="across-year-end"),
        pytest.param(date(2026, 5, 7), 1, date(2026, 5, 7), id="one-day"),
    ],
)
def test_days_beginning_with(start: date, days: int, expected: date) -> None:
    assert days_beginning_with(start, days) == expected


@pytest.mark.parametrize("days", [pytest.param(0, id="zero"), pytest.param(-1, id="negative")])
def test_days_beginning_with_rejects_periods_under_one_day(days: int) -> None:
    with pytest.raises(ValueError, match="at least 1 day"):
        days_beginning_with(date(2026, 1, 1), days)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param(date(2026, 11, 30), 3, date(2027, 2, 28), id="30-nov-plus-3-non-leap"),
        pytest.param(date(2027, 11, 30), 3, date(2028, 2, 29), id="30-nov-plus-3-leap"),
        pytest.param(date(2026, 1, 31), 1, date(2026, 2, 28), id="31-jan-plus-1-non-leap"),
        pytest.param(date(2028, 1, 31), 1, date(2028, 2, 29), id="31-jan-plus-1-leap"),
        pytest.param(date(2025, 8, 31), 12, date(2026, 8, 31), id="31-aug-plus-12"),
        pytest.param(date(2028, 2, 29), 12, date(2029, 2, 28), id="29-feb-plus-12"),
        pytest.param(date(2026, 10, 15), 3, date(2027, 1, 15), id="across-year-end"),
        pytest.param(date(2026, 3, 15), 0, date(2026, 3, 15), id="zero-months"),
        pytest.param(date(2026, 3, 31), -1, date(2026, 2, 28), id="backwards-clamped"),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("last_request_on", "registered_on", "expected"),
    [
        pytest.param(
            None,
            date(2026, 1, 10),
            UpdateRequestWindow(earliest=date(2026, 4, 10), latest=date(2027, 1, 10)),
            id="no-previous-request",
        ),
        pytest.param(
            date(2026, 5, 31),
            date(2026, 1, 10),
            UpdateRequestWindow(earliest=date(2026, 8, 31), latest=date(2027, 5, 31)),
            id="previous-request",
        ),
        pytest.param(
            date(2026, 11, 30),
            date(2026, 1, 10),
            UpdateRequestWindow(earliest=date(2027, 2, 28), latest=date(2027, 11, 30)),
            id="earliest-clamped-to-month-end",
        ),
    ],
)
def test_update_request_window(
    last_request_on: date | None, registered_on: date, expected: UpdateRequestWindow
) -> None:
    window = update_request_window(last_request_on=last_request_on, registered_on=registered_on)
    assert window == expected


def test_update_request_window_custom_interval() -> None:
    window = update_request_window(
        last_request_on=None, registered_on=date(2026, 1, 10), min_months=6, max_months=6
    )
    assert window == UpdateRequestWindow(earliest=date(2026, 7, 10), latest=date(2026, 7, 10))


@pytest.mark.parametrize(
    ("min_months", "max_months", "message"),
    [
        pytest.param(0, 12, "at least 1 month", id="min-zero"),
        pytest.param(3, 0, "at least 1 month", id="max-zero"),
        pytest.param(6, 3, "cannot be longer", id="min-above-max"),
    ],
)
def test_update_request_window_rejects_bad_intervals(
    min_months: int, max_months: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        update_request_window(
            last_request_on=None,
            registered_on=date(2026, 1, 10),
            min_months=min_months,
            max_months=max_months,
        )


WINDOW = UpdateRequestWindow(earliest=date(2026, 4, 10), latest=date(2027, 1, 10))


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2026, 4, 9), False, id="day-before-earliest"),
        pytest.param(date(2026, 4, 10), True, id="on-earliest"),
        pytest.param(date(2026, 4, 11), True, id="day-after-earliest"),
        pytest.param(date(2027, 1, 10), True, id="on-latest"),
        pytest.param(date(2027, 1, 11), True, id="day-after-latest"),
    ],
)
def test_may_send_update_request(on: date, expected: bool) -> None:
    assert may_send_update_request(window=WINDOW, on=on) is expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2026, 4, 10), False, id="on-earliest"),
        pytest.param(date(2027, 1, 9), False, id="day-before-latest"),
        pytest.param(date(2027, 1, 10), False, id="on-latest"),
        pytest.param(date(2027, 1, 11), True, id="day-after-latest"),
    ],
)
def test_update_request_overdue(on: date, expected: bool) -> None:
    assert update_request_overdue(window=WINDOW, on=on) is expected


@pytest.mark.parametrize(
    ("ends_by", "months", "expected"),
    [
        pytest.param(date(2026, 6, 15), 3, date(2026, 3, 15), id="mid-month"),
        # 28 to 31 January all end a month later on 28 February 2026.
        pytest.param(date(2026, 2, 28), 1, date(2026, 1, 31), id="end-of-february"),
        pytest.param(date(2026, 2, 27), 1, date(2026, 1, 27), id="before-the-clamp"),
        # No day ends a month later on 29-31 March from February 2026: the last is 28 February.
        pytest.param(date(2026, 3, 31), 1, date(2026, 2, 28), id="after-a-short-month"),
        pytest.param(date(2029, 2, 28), 12, date(2028, 2, 29), id="leap-day-plus-a-year"),
        pytest.param(date(2026, 11, 30), 12, date(2025, 11, 30), id="twelve-months"),
    ],
)
def test_latest_start(ends_by: date, months: int, expected: date) -> None:
    assert latest_start(ends_by=ends_by, months=months) == expected


def test_latest_start_is_where_add_months_stops_ending_in_time() -> None:
    ends = [date(2026, 1, 1) + timedelta(days=offset) for offset in range(0, 800, 13)]
    for ends_by in ends:
        for months in (1, 3, 6, 12, 18):
            start = latest_start(ends_by=ends_by, months=months)
            assert add_months(start, months) <= ends_by
            assert add_months(start + timedelta(days=1), months) > ends_by


@pytest.mark.parametrize(("min_months", "max_months"), [(3, 12), (1, 1), (6, 9)])
def test_the_due_anchor_agrees_with_the_update_request_window(min_months, max_months) -> None:
    """Due: one may be sent (the minimum interval has passed) and the latest day is within
    the lead days; exactly the anchors on or before the due anchor."""
    for on in (date(2026, 3, 1), date(2026, 2, 28), date(2027, 12, 31), date(2028, 2, 29)):
        due_anchor = update_request_due_anchor(
            on=on, lead_days=14, min_months=min_months, max_months=max_months
        )
        for offset in range(-800, 1):
            anchor = on + timedelta(days=offset)
            window = update_request_window(
                last_request_on=anchor,
                registered_on=anchor,
                min_months=min_months,
                max_months=max_months,
            )
            due = may_send_update_request(
                window=window, on=on
            ) and window.latest <= on + timedelta(days=14)
            assert due is (anchor <= due_anchor), (on, anchor)


@pytest.mark.parametrize(
    ("on_register", "last", "email", "today", "replacing", "refusal"),
    [
        (True, None, True, date(2026, 4, 10), False, None),
        (
            True,
            None,
            True,
            date(2026, 4, 9),
            False,
            "The child was entered on the register on 10 January 2026. The first update "
            "request can be sent from 10 April 2026",
        ),
        (
            True,
            date(2026, 5, 31),
            True,
            date(2026, 8, 30),
            False,
            "An update request was sent on 31 May 2026. The next one can be sent from "
            "31 August 2026",
        ),
        (True, date(2026, 5, 31), True, date(2026, 8, 30), True, None),
        (True, None, False, date(2026, 4, 10), False, UPDATE_REQUEST_NO_EMAIL),
        # Too soon is said before a missing email: it is the one that cannot be put right now.
        (True, None, False, date(2026, 2, 1), False, "The child was entered on the register"),
        (False, None, True, date(2027, 1, 1), False, UPDATE_REQUEST_NOT_OPEN),
    ],
)
def test_update_request_refusal(on_register, last, email, today, replacing, refusal):
    said = update_request_refusal(
        on_register=on_register,
        last_request_on=last,
        registered_on=date(2026, 1, 10),
        parent_email=email,
        today=today,
        replacing_expired=replacing,
    )

    if refusal is None:
        assert said is None
    else:
        assert said.startswith(refusal)
