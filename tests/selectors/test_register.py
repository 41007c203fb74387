"""The register list: the LA's live entries of live children, and nothing archived."""

import pytest

from registers.selectors.register import register_entry_list
from tests.factories import child_with_record, staff_actor

pytestmark = pytest.mark.django_db


def test_the_list_leaves_out_archived_children_and_entries(officer, devon, cornwall):
    kept = child_with_record(authority=devon).entries.get()
    child_with_record(authority=devon).archive(actor=staff_actor(officer), reason="Twice")
    child_with_record(authority=devon).entries.get().archive(
        actor=staff_actor(officer), reason="Opened in error"
    )
    child_with_record(authority=cornwall)

    assert list(register_entry_list(authority=devon)) == [kept]
