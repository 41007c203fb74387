"""Validators for identifiers recorded on the register.

Each returns the normalised value or raises IdentifierError with a GOV.UK-style message that
a form can show to the user unchanged.
"""

import re


class IdentifierError(ValueError):
    """An identifier is not in a valid format; the message is written for the user."""


POSTCODE_ERROR = "Enter a real postcode, like AA1 1AA"
NHS_NUMBER_LENGTH_ERROR = "NHS number must be 10 digits"
NHS_NUMBER_ERROR = "Enter a real NHS number – check you have typed it correctly"
UPN_LENGTH_ERROR = "UPN must be 13 characters"
UPN_ERROR = "Enter a real UPN – check you have typed it correctly"

# Outward code then inward code, without the separating space. GIR 0AA (Girobank) is the one
# live postcode outside the standard pattern.
_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA")

# DfE UPN guidance: the check letter alphabet omits I, O and S to avoid confusion with 1, 0
# and 5; a letter's index in it is its value in the check calculation.
_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
_UPN = re.compile(rf"[{_UPN_LETTERS}][0-9]{{11}}[0-9{_UPN_LETTERS}]")


def normalise_postcode(value: str) -> str:
    """Return a UK postcode in upper case with one space before the inward code."""
    compact = "".join(value.split()).upper()
    if not _POSTCODE.fullmatch(compact):
        raise IdentifierError(POSTCODE_ERROR)
    # The inward code is always the last three characters.
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_nhs_number(value: str) -> str:
    """Return a valid NHS number as 10 digits with no spaces or hyphens."""
    compact = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"[0-9]{10}", compact):
        raise IdentifierError(NHS_NUMBER_LENGTH_ERROR)
    # NHS Data Dictionary, "NHS number": modulus 11 with weights 10 down to 2 over the first
    # nine digits. A result of 11 means a check digit of 0; a result of 10 is never issued.
    total = sum(
        int(digit) * weight for digit, weight in zip(compact[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 10 or check % 11 != int(compact[9]):
        raise IdentifierError(NHS_NUMBER_ERROR)
    return compact


def _upn_value(character: str) -> int:
    """Return a UPN character's value in the check letter calculation."""
    return int(character) if character.isdigit() else _UPN_LETTERS.index(character)


def normalise_upn(value: str) -> str:
    """Return a valid DfE Unique Pupil Number in upper case with no spaces."""
    compact = "".join(value.split()).upper()
    if len(compact) != 13:
        raise IdentifierError(UPN_LENGTH_ERROR)
    if not _UPN.fullmatch(compact):
        raise IdentifierError(UPN_ERROR)
    # DfE "Unique pupil numbers (UPNs)" guidance: weight characters 2 to 13 by their position,
    # and the sum modulo 23 picks the check letter (character 1).
    total = sum(
        _upn_value(character) * position for position, character in enumerate(compact[1:], 2)
    )
    if _UPN_LETTERS[total % 23] != compact[0]:
        raise IdentifierError(UPN_ERROR)
    return compact


def upn_la_number(upn: str) -> str:
    """Return the 3-digit local authority number (characters 2 to 4) of a valid UPN."""
    return normalise_upn(upn)[1:4]


def reference_normalise(reference: str) -> str:
    """A register reference as printed ('HXK4-7QWT'), however it was typed (' hxk47qwt ')."""
    compact = "".join(reference.split()).replace("-", "").upper()
    return f"{compact[:4]}-{compact[4:]}" if len(compact) == 8 else compact
