"""A child's keyed pseudonym for the national return (plain Python): an HMAC-SHA256, under a
key the LAs share and the national team does not hold, of the child's names and date of birth
written one way whatever their accents, case, spacing or punctuation. The same child on two
LAs' registers has the same pseudonym in both returns, so the national count can count them
once; no one without the key can turn it back into the child, or test a guess."""

import hashlib
import hmac
import unicodedata
from datetime import date


def _name(value: str) -> str:
    """The letters of a name, without accents, in one case: "Zoë O'Neil" → "zoeoneil"."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(character for character in decomposed.casefold() if character.isalpha())


def child_pseudonym(key: str, *, first_name: str, last_name: str, date_of_birth: date) -> str:
    details = "|".join((_name(first_name), _name(last_name), date_of_birth.isoformat()))
    return hmac.new(key.encode(), details.encode(), hashlib.sha256).hexdigest()
