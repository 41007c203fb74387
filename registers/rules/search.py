"""What an officer typed into the register's one search box: a date of birth, a postcode, a UPN,
a register reference or a name. Each is looked for on its own, so that every search is one
equality (or a name's prefix) an index answers, and an officer can predict what is found.
"""

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from registers.rules.identifiers import IdentifierError, normalise_postcode, reference_normalise

SEARCH_HINT = (
    "A name, a register reference, a postcode, a date of birth (for example 9/4/2015) or a UPN"
)
# Day, month and year as officers type them: 9/4/2015, 09-04-2015, 9.4.2015; or 2015-04-09.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# A UPN's shape (one letter, eleven digits, a digit or letter), whether or not its check letter
# is right: a mistyped UPN on a record is still found by what was typed.
_UPN_SHAPE = re.compile(r"[A-Z][0-9]{11}[0-9A-Z]")
# A register reference: eight letters and digits, printed in two fours (HXK4-7QWT).
_REFERENCE_SHAPE = re.compile(r"[A-Z0-9]{8}")


class SearchKind(StrEnum):
    DATE_OF_BIRTH = "date_of_birth"
    POSTCODE = "postcode"
    UPN = "upn"
    REFERENCE = "reference"
    NAME = "name"


@dataclass(frozen=True)
class SearchTerm:
    kind: SearchKind
    # The value to look for, in the form records keep it: a date, a postcode in normal form,
    # a UPN or reference in capitals, or the words of a name.
    value: date | str | tuple[str, ...]


def _date_typed(text: str) -> date | None:
    if found := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = (int(part) for part in found.groups())
    elif found := _YEAR_MONTH_DAY.fullmatch(text):
        year, month, day = (int(part) for part in found.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def search_term(text: str) -> SearchTerm | None:
    """What `text` is looked for as; None when nothing was typed.

    Text with no digit is a name. Otherwise, in order: a date, a postcode, a UPN, a register
    reference (eight letters and digits, like HXK4-7QWT), and anything else a name.
    """
    text = " ".join(text.split())
    if not text:
        return None
    name = SearchTerm(SearchKind.NAME, tuple(text.split(" ")))
    if not any(character.isdigit() for character in text):
        return name
    if (born := _date_typed(text)) is not None:
        return SearchTerm(SearchKind.DATE_OF_BIRTH, born)
    try:
        return SearchTerm(SearchKind.POSTCODE, normalise_postcode(text))
    except IdentifierError:
        pass
    compact = text.replace(" ", "").upper()
    if _UPN_SHAPE.fullmatch(compact):
        return SearchTerm(SearchKind.UPN, compact)
    if _REFERENCE_SHAPE.fullmatch(compact.replace("-", "")):
        return SearchTerm(SearchKind.REFERENCE, reference_normalise(text))
    return name
