"""Statutory periods and the timing of update requests under EA 1996 s.436D."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def days_beginning_with(start: date, days: int) -> date:
    """Return the last day of a period of `days` days beginning with `start`."""
    # "A period of N days beginning with" a day counts that day as day 1 (Zoan v Rouamba
    # [2000] 1 WLR 1509, CA), so the period ends N - 1 days later.
    if days < 1:
        raise ValueError("A period must be at least 1 day long.")
    return start + timedelta(days=days - 1)


def add_months(day: date, months: int) -> date:
    """Return the same day `months` calendar months later, clamped to the end of the month."""
    # Interpretation Act 1978 Sch.1: "month" means calendar month. Where the corresponding
    # day does not exist (30 Nov + 3 months) the period ends on the last day of that month.
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class UpdateRequestWindow:
    """The days on which the authority may next ask parents for an update (inclusive)."""

    earliest: date
    latest: date


def update_request_window(
    *,
    last_request_on: date | None,
    registered_on: date,
    min_months: int = 3,
    max_months: int = 12,
) -> UpdateRequestWindow:
    """Return when the next s.436D update request may, and must, be sent."""
    if min_months < 1 or max_months < 1:
        raise ValueError("The minimum and maximum intervals must each be at least 1 month.")
    if min_months > max_months:
        raise ValueError("The minimum interval cannot be longer than the maximum interval.")
    # s.436D: parents provide updates only when asked; the authority must ask at least every
    # 12 months and not more often than every 3 months. Until the first request the interval
    # runs from the date the child was entered on the register.
    anchor = registered_on if last_request_on is None else last_request_on
    return UpdateRequestWindow(
        earliest=add_months(anchor, min_months), latest=add_months(anchor, max_months)
    )


def may_send_update_request(*, window: UpdateRequestWindow, on: date) -> bool:
    """Return whether an update request sent on `on` respects the minimum interval."""
    return on >= window.earliest


UPDATE_REQUEST_NOT_OPEN = "An update request can only be sent while the child is on the register"
UPDATE_REQUEST_NO_EMAIL = (
    "There is no email address for the child's parents – add one to a parent before sending "
    "an update request"
)


def update_request_refusal(
    *,
    on_register: bool,
    last_request_on: date | None,
    registered_on: date,
    parent_email: bool,
    today: date,
    min_months: int = 3,
    max_months: int = 12,
    replacing_expired: bool = False,
) -> str | None:
    """Why an update request may not be sent `today`, or None if it may: the one answer the
    officer's button, the child record's offer and the service all give.

    `replacing_expired` lifts the minimum interval where the last request expired unanswered:
    the parent was never able to answer it, so a new link is not a new demand on them.
    """
    if not on_register:
        return UPDATE_REQUEST_NOT_OPEN
    window = update_request_window(
        last_request_on=last_request_on,
        registered_on=registered_on,
        min_months=min_months,
        max_months=max_months,
    )
    if not (replacing_expired or may_send_update_request(window=window, on=today)):
        if last_request_on is not None:
            return (
                f"An update request was sent on {long_date(last_request_on)}. The next one can "
                f"be sent from {long_date(window.earliest)}"
            )
        return (
            f"The child was entered on the register on {long_date(registered_on)}. The first "
            f"update request can be sent from {long_date(window.earliest)}"
        )
    if not parent_email:
        return UPDATE_REQUEST_NO_EMAIL
    return None


def update_request_overdue(*, window: UpdateRequestWindow, on: date) -> bool:
    """Return whether, on `on`, the maximum interval for an update request has passed."""
    return on > window.latest


def latest_start(*, ends_by: date, months: int) -> date:
    """The last day from which `months` calendar months end on or before `ends_by`; they end
    by then from every earlier day too, as a later start never ends sooner."""
    start = add_months(ends_by, -months)
    # Month ends are clamped, so a few later days can end on the same day (28, 29, 30 and 31
    # January all end a month later on 28 February 2026): step on while they do.
    while add_months(start + timedelta(days=1), months) <= ends_by:
        start += timedelta(days=1)
    return start


def update_request_due_anchor(
    *, on: date, lead_days: int, min_months: int = 3, max_months: int = 12
) -> date:
    """The latest anchor (the day the child was entered on the register, or of the last
    request) from which an update request is due `on`: the minimum interval has passed and
    the maximum ends within `lead_days`. It is due from every earlier anchor too, so a register
    finds the children due with one range of an index."""
    return min(
        latest_start(ends_by=on, months=min_months),
        latest_start(ends_by=on + timedelta(days=lead_days), months=max_months),
    )


def month_end(day: date) -> date:
    """The last day of the calendar month `day` is in."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def long_date(day: date) -> str:
    """A date as GOV.UK writes it in pages, letters and emails: '27 March 2026'."""
    return f"{day.day} {day:%B %Y}"


def lived_there_under_12_months(*, month: int, year: int, today: date) -> bool:
    """Whether a child who moved in that month may have lived there for under 12 months.

    Parents give only the month, so the move counts from its last day: a doubtful case is asked
    for the previous address rather than missed (s.436C(1)(a) as amended).
    """
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    return add_months(last_day, 12) > today


# No law sets how soon an officer answers what a family or provider sends (a notification's
# review, a request for support (s.436G), a consent decision (s.434A: "without undue delay")):
# the register aims at this many days, beginning with the day it arrived.
REVIEW_PERIOD_DAYS = 15
