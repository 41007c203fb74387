"""Archiving: a record is taken out of use, not deleted, and says who did it and why."""

import pytest
from django.utils import timezone

from registers.errors import ApplicationError
from registers.models import Child
from registers.models.base import ARCHIVE_REASON_MISSING
from tests.factories import ChildFactory, staff_actor

pytestmark = pytest.mark.django_db


def test_archiving_records_who_when_and_why(officer, devon):
    child = ChildFactory(authority=devon)
    before = timezone.now()

    child.archive(actor=staff_actor(officer), reason="  Recorded twice: see the other record  ")

    child.refresh_from_db()
    assert child.archived_by == officer
    assert child.modified_by == officer
    assert before <= child.archived_at <= timezone.now()
    assert child.archive_reason == "Recorded twice: see the other record"


def test_an_archived_record_is_kept_but_not_live(officer, devon):
    kept = ChildFactory(authority=devon)
    archived = ChildFactory(authority=devon)

    archived.archive(actor=staff_actor(officer), reason="Recorded twice")

    assert Child.objects.filter(pk=archived.pk).exists()
    assert list(Child.objects.live().filter(authority=devon)) == [kept]


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_a_blank_reason_is_refused_and_nothing_is_archived(officer, devon, reason):
    child = ChildFactory(authority=devon)

    with pytest.raises(ApplicationError) as refusal:
        child.archive(actor=staff_actor(officer), reason=reason)

    assert refusal.value.errors == {"reason": [ARCHIVE_REASON_MISSING]}
    child.refresh_from_db()
    assert child.archived_at is None
    assert child.archived_by is None
    assert child.archive_reason == ""
