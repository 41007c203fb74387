"""When contacts, visits and suitability decisions can have happened: plain dates in, the
problems with them out (one message per rule).

Nothing the LA did about a child can come before it was told about the child, and nothing that
has happened can be in the future. A visit can be arranged for a day to come, but one that took
place cannot.
"""

from datetime import date

BEFORE_NOTIFIED = (
    "{what} must be on or after the day the local authority was told about the child ({notified})"
)
IN_THE_FUTURE = "{what} must be today or in the past"
VISIT_BEFORE_OFFER = "The date of the visit must be on or after the day it was offered"
VISIT_DATE_NEEDED = "Enter the date the visit took place"


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def happened_on_problems(*, what: str, on: date, notified_on: date, today: date) -> list[str]:
    """Problems with the day something happened (a contact, an offer, a decision)."""
    if on > today:
        return [IN_THE_FUTURE.format(what=what)]
    if on < notified_on:
        return [BEFORE_NOTIFIED.format(what=what, notified=_long(notified_on))]
    return []


def visit_on_problems(
    *, visit_on: date | None, offered_on: date, took_place: bool, today: date
) -> list[str]:
    """Problems with the day of a visit: never before its offer; in the past if it took place
    (when it must be given); any day to come if it is arranged."""
    if visit_on is None:
        return [VISIT_DATE_NEEDED] if took_place else []
    if visit_on < offered_on:
        return [VISIT_BEFORE_OFFER]
    if took_place and visit_on > today:
        return [IN_THE_FUTURE.format(what="The date of the visit")]
    return []
