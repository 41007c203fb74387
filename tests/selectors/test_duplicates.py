"""Possible duplicates are found among live children at their live current address."""

from datetime import date

import pytest

from registers.selectors.duplicates import possible_duplicates
from tests.factories import ChildAddressFactory, ChildFactory, staff_actor

pytestmark = pytest.mark.django_db

BORN = date(2016, 3, 27)


def _child_at(authority, postcode: str):
    child = ChildFactory(authority=authority, last_name="Smith", date_of_birth=BORN)
    held = ChildAddressFactory(child=child, address__postcode=postcode)
    return child, held


def _duplicates(authority):
    return possible_duplicates(
        authority=authority,
        first_name="Amelia",
        last_name="smith",
        date_of_birth=BORN,
        postcode="EX1 1AA",
    )


def test_a_live_child_at_the_same_postcode_is_a_possible_duplicate(devon):
    child, _ = _child_at(devon, "EX1 1AA")

    assert _duplicates(devon) == [child]


def test_an_archived_child_is_not_a_possible_duplicate(officer, devon):
    child, _ = _child_at(devon, "EX1 1AA")
    child.archive(actor=staff_actor(officer), reason="Recorded twice")

    assert _duplicates(devon) == []


def test_an_archived_address_does_not_make_a_duplicate(officer, devon):
    _, held = _child_at(devon, "EX1 1AA")
    held.archive(actor=staff_actor(officer), reason="Typed in error")

    assert _duplicates(devon) == []
