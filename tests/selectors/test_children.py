"""The child record selector: what a reader is given, and what the audit trail keeps of it."""

import uuid
from datetime import date, timedelta

import pytest
from django.utils import timezone

from registers.models import AuditEvent, ChildSafeguarding, InformationRequest
from registers.rules.codes import CaseStatus, ClosureReason
from registers.selectors.children import ChildNotFound, child_record_get
from tests.factories import (
    ChildAddressFactory,
    EducationArrangementFactory,
    RegisterEntryFactory,
    StaffUserFactory,
    child_with_record,
    staff_actor,
)

pytestmark = pytest.mark.django_db

ALWAYS = ["address", "education", "family", "identity", "special_educational_needs"]


def _request(child, *, kind, days_ago: int, **fields) -> InformationRequest:
    sent = timezone.now() - timedelta(days=days_ago)
    information_request = InformationRequest.objects.create(
        authority=child.authority,
        kind=kind,
        sent_at=sent,
        respond_by=sent.date() + timedelta(days=14),
        expires_at=sent + timedelta(days=28),
        token_digest=uuid.uuid4().hex,
        **fields,
    )
    if kind == InformationRequest.Kind.PROVIDER:
        information_request.children.add(child)
    return information_request


def _views_of(child):
    return AuditEvent.objects.filter(object_type="child", object_id=str(child.pk))


def test_each_read_leaves_one_allowed_row_naming_the_categories_shown(officer, devon):
    child = child_with_record(authority=devon)

    child_record_get(actor=staff_actor(officer), child_id=child.pk)
    child_record_get(actor=staff_actor(officer), child_id=str(child.pk))

    events = list(_views_of(child))
    assert len(events) == 2
    for event in events:
        assert (event.action, event.outcome) == (
            AuditEvent.Action.VIEW,
            AuditEvent.Outcome.ALLOWED,
        )
        assert (event.actor_id, event.authority_id) == (officer.pk, devon.pk)
        assert event.categories == ALWAYS
        assert event.request_id == "test-request-0001"


def test_the_record_holds_what_the_page_shows(officer, devon):
    child = child_with_record(authority=devon, first_name="Amelia")
    ChildAddressFactory(child=child, kind="previous")
    entry = child.entries.get()
    provider = child.arrangements.get().provider
    older = _request(child, kind=InformationRequest.Kind.PARENT_UPDATE, days_ago=90, entry=entry)
    newer = _request(child, kind=InformationRequest.Kind.PARENT_UPDATE, days_ago=1, entry=entry)
    asked = _request(child, kind=InformationRequest.Kind.PROVIDER, days_ago=5, provider=provider)
    _request(
        child_with_record(authority=devon),
        kind=InformationRequest.Kind.PROVIDER,
        days_ago=2,
        provider=provider,
    )

    record = child_record_get(actor=staff_actor(officer), child_id=child.pk)

    assert record.child == child
    assert [held.kind for held in record.addresses] == ["current", "previous"]
    assert len(record.relationships) == 1
    assert [a.provider for a in record.arrangements] == [provider]
    assert record.entries == [entry]
    assert record.entries[0].update_requests == [newer, older]
    assert record.provider_requests == [asked]
    assert record.safeguarding is None


def test_requests_go_to_the_entry_they_were_sent_for(officer, devon):
    child = child_with_record(authority=devon)
    first = child.entries.get()
    first.status, first.closed_on = CaseStatus.CLOSED, date.today()
    first.closure_reason = ClosureReason.RETURNED_TO_SCHOOL
    first.save()
    second = RegisterEntryFactory(child=child, notified_on=date.today() + timedelta(days=1))
    on_first = _request(child, kind=InformationRequest.Kind.PARENT_UPDATE, days_ago=3, entry=first)

    record = child_record_get(actor=staff_actor(officer), child_id=child.pk)

    assert record.entries == [second, first]
    assert [entry.update_requests for entry in record.entries] == [[], [on_first]]


def test_safeguarding_is_read_only_for_staff_cleared_for_it(officer, devon):
    child = child_with_record(authority=devon)
    ChildSafeguarding.objects.create(child=child, child_protection_plan="current")
    lead = StaffUserFactory(authority=devon, can_view_safeguarding=True)

    uncleared = child_record_get(actor=staff_actor(officer), child_id=child.pk)
    cleared = child_record_get(actor=staff_actor(lead), child_id=child.pk)

    assert uncleared.safeguarding is None
    assert "safeguarding" not in uncleared.categories
    assert cleared.safeguarding.child_protection_plan == "current"
    assert "safeguarding" in cleared.categories
    assert _views_of(child).get(actor=officer).categories == ALWAYS
    assert _views_of(child).get(actor=lead).categories == sorted([*ALWAYS, "safeguarding"])


def test_a_cleared_reader_of_a_child_without_safeguarding_concerns_gets_none(devon):
    child = child_with_record(authority=devon)
    lead = StaffUserFactory(authority=devon, can_view_safeguarding=True)

    record = child_record_get(actor=staff_actor(lead), child_id=child.pk)

    assert record.safeguarding is None


def test_an_archived_safeguarding_record_is_not_shown(officer, devon):
    child = child_with_record(authority=devon)
    lead = StaffUserFactory(authority=devon, can_view_safeguarding=True)
    safeguarding = ChildSafeguarding.objects.create(child=child, child_protection_plan="current")
    safeguarding.archive(actor=staff_actor(lead), reason="Entered for the wrong child")

    record = child_record_get(actor=staff_actor(lead), child_id=child.pk)

    assert record.safeguarding is None


def test_another_las_child_is_not_found_and_the_refusal_is_kept(officer, cornwall):
    theirs = child_with_record(authority=cornwall)

    with pytest.raises(ChildNotFound):
        child_record_get(actor=staff_actor(officer), child_id=theirs.pk)

    event = _views_of(theirs).get()
    assert (event.actor_id, event.action, event.outcome) == (
        officer.pk,
        AuditEvent.Action.VIEW,
        AuditEvent.Outcome.DENIED,
    )
    assert event.authority_id == officer.authority_id
    assert event.categories == []


@pytest.mark.parametrize("child_id", [uuid.uuid4(), "not-a-child-id"])
def test_an_unknown_child_is_not_found_and_the_refusal_is_kept(officer, child_id):
    with pytest.raises(ChildNotFound):
        child_record_get(actor=staff_actor(officer), child_id=child_id)

    event = AuditEvent.objects.get(object_type="child")
    assert (event.object_id, event.outcome) == (str(child_id), AuditEvent.Outcome.DENIED)


def test_archived_rows_are_left_out_of_the_record(officer, devon):
    child = child_with_record(authority=devon)
    actor = staff_actor(officer)
    ChildAddressFactory(child=child, kind="additional").archive(
        actor=actor, reason="Typed in error"
    )
    EducationArrangementFactory(child=child).archive(actor=actor, reason="Wrong child")
    child.relationships.get().archive(actor=actor, reason="Not a parent of this child")
    entry = child.entries.get()
    _request(child, kind=InformationRequest.Kind.PARENT_UPDATE, days_ago=1, entry=entry).archive(
        actor=actor, reason="Sent in error"
    )

    record = child_record_get(actor=actor, child_id=child.pk)

    assert [held.kind for held in record.addresses] == ["current"]
    assert len(record.arrangements) == 1
    assert record.relationships == []
    assert record.entries[0].update_requests == []


def test_an_archived_child_is_not_found(officer, devon):
    child = child_with_record(authority=devon)
    child.archive(actor=staff_actor(officer), reason="Recorded twice")

    with pytest.raises(ChildNotFound):
        child_record_get(actor=staff_actor(officer), child_id=child.pk)

    assert _views_of(child).get().outcome == AuditEvent.Outcome.DENIED


def test_the_read_takes_seven_statements_whatever_the_size_of_the_record(
    officer, devon, django_assert_num_queries
):
    child = child_with_record(authority=devon)
    provider = child.arrangements.get().provider
    for days_ago in range(5):
        ChildAddressFactory(child=child, kind="previous")
        _request(
            child,
            kind=InformationRequest.Kind.PARENT_UPDATE,
            days_ago=days_ago,
            entry=child.entries.get(),
        )
        _request(
            child, kind=InformationRequest.Kind.PROVIDER, days_ago=days_ago, provider=provider
        )

    # The child with its entries, addresses, parents, education, notifications, requests, and
    # the audit row.
    with django_assert_num_queries(7):
        record = child_record_get(actor=staff_actor(officer), child_id=child.pk)
        assert len(record.provider_requests) == 5
        assert [r.provider.name for r in record.provider_requests] == [provider.name] * 5
