"""How a parent names their child's entry: the reference we gave them and the date of birth.

The pair is one a stranger is unlikely to know; both are asked wherever a parent comes back
without a link (report a change, ask for a new link, ask for support).
"""

from datetime import date

from registers.models import RegisterEntry
from registers.validation import DateQuestion, Invalid, Text, max_length

REFERENCE = Text(
    "Your reference",
    max_length(RegisterEntry, "reference"),
    required="Enter your reference",
)
CHILD_DATE_OF_BIRTH = DateQuestion("Your child's date of birth")


def child_date_of_birth_clean(value: date | None, *, today: date) -> date:
    if value is None:
        raise Invalid(CHILD_DATE_OF_BIRTH.required)
    if value >= today:
        raise Invalid(CHILD_DATE_OF_BIRTH.not_past)
    return value
