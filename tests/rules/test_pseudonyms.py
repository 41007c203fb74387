"""A child's keyed pseudonym: the same child written differently has one; another child, or
another key, another."""

from datetime import date

from registers.rules.pseudonyms import child_pseudonym

BORN = date(2014, 2, 3)


def pseudonym(first: str, last: str, born: date = BORN, key: str = "shared") -> str:
    return child_pseudonym(key, first_name=first, last_name=last, date_of_birth=born)


def test_accents_case_spacing_and_punctuation_do_not_change_it():
    assert pseudonym("Zoë", "O'Neil") == pseudonym(" ZOE", "o neil") == pseudonym("zoe", "ONEIL")
    assert len(pseudonym("Zoë", "O'Neil")) == 64


def test_another_child_or_another_key_has_another():
    first = pseudonym("Zoe", "O'Neil")
    assert first != pseudonym("Zoe", "O'Neil-Smith")
    assert first != pseudonym("Zoe", "O'Neil", date(2014, 2, 4))
    assert first != pseudonym("Zoe", "O'Neil", key="another")
    assert "zoe" not in first and "2014" not in first
