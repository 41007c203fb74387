"""Reviewing what arrives: applied field by field in one transaction, or not and why; refused
when stale or already reviewed; and possible duplicates decided or merged."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from registers.errors import ApplicationError
from registers.intake.changes import ChangeKind
from registers.models import (
    AuditEvent,
    Child,
    ChildAddress,
    DuplicateDecision,
    EducationArrangement,
    Notification,
    NotificationReview,
    RegisterEntry,
    RegisterSize,
    Task,
)
from registers.rules.codes import AddressKind, CaseStatus, ClosureReason
from registers.selectors.review import (
    ADDRESS,
    PARENTS_HOURS,
    PROVIDER_HOURS,
    REGISTER,
    STATUS,
    duplicate_pair_read,
    duplicate_pairs_read,
    notification_for_review,
    review_item_read,
)
from registers.selectors.timeline import child_timeline_get
from registers.services import review
from registers.services.review import (
    children_merge,
    children_not_the_same,
    notification_review_record,
)
from tests.factories import (
    AddressFactory,
    ChildAddressFactory,
    ChildFactory,
    RegisterEntryFactory,
    staff_actor,
)
from tests.review import (
    change_reported,
    isla,
    notified,
    provider_answered,
    support_requested,
    update_answered,
)

pytestmark = pytest.mark.django_db


def register_size(authority) -> int:
    return RegisterSize.objects.get(authority=authority).entries


def item_of(notification: Notification):
    return review_item_read(
        notification_for_review(
            authority=notification.authority,
            slug=review_item_read(notification).slug,
            notification_id=notification.pk,
        )
    )


def record(officer, notification, *, outcome, fields=(), reason="", version=None):
    item = item_of(notification)
    return notification_review_record(
        authority=notification.authority,
        slug=item.slug,
        notification_id=notification.pk,
        outcome=outcome,
        fields=list(fields),
        reason=reason,
        version=item.version if version is None else version,
        actor=staff_actor(officer),
    )


def current_address(child) -> str:
    return str(ChildAddress.objects.get(child=child, kind=AddressKind.CURRENT).address)


def test_a_reported_move_ends_the_old_address_and_starts_the_new_one(devon, officer):
    entry = isla(devon)
    old = current_address(entry.child)
    report = change_reported(entry)
    item = item_of(report)
    assert [(row.label, row.changed, row.applicable) for row in item.differences] == [
        ("Home address", True, True)
    ]

    record(officer, report, outcome="applied", fields=[ADDRESS])

    assert current_address(entry.child) == "4 Harbour Row, Exmouth, EX8 1BB"
    previous = ChildAddress.objects.get(child=entry.child, kind=AddressKind.PREVIOUS)
    moved_on = timezone.localdate() - timedelta(days=3)
    assert (str(previous.address), previous.lived_until) == (old, moved_on)
    assert ChildAddress.objects.get(child=entry.child, kind=AddressKind.CURRENT).lived_from == (
        moved_on
    )
    report.refresh_from_db()
    assert report.reviewed_by == officer
    assert not Task.objects.filter(notification=report, status=Task.Status.OPEN).exists()
    assert AuditEvent.objects.filter(
        object_type="notification",
        object_id=str(report.pk),
        action=AuditEvent.Action.UPDATE,
        children=[str(entry.child_id)],
    ).exists()


def test_the_childs_timeline_shows_the_review(devon, officer):
    entry = isla(devon)
    record(officer, change_reported(entry), outcome="applied", fields=[ADDRESS])

    titles = {
        (item.title, item.description)
        for item in child_timeline_get(actor=staff_actor(officer), child_id=entry.child_id).items
    }

    assert ("Change of circumstances applied", "Applied: Home address") in titles


def test_a_reported_return_to_school_closes_the_case_through_the_case_service(devon, officer):
    entry = isla(devon)
    report = change_reported(entry, kind=ChangeKind.RETURNING_TO_SCHOOL)

    record(officer, report, outcome="applied", fields=[STATUS])

    entry.refresh_from_db()
    assert (entry.status, entry.closure_reason) == (
        CaseStatus.CLOSED,
        ClosureReason.RETURNED_TO_SCHOOL,
    )
    assert entry.transitions.last().reason.startswith("Reported by the parent")


def test_an_update_answer_moves_the_address_and_sets_the_parents_hours(devon, officer):
    entry = isla(devon)
    educator = EducationArrangement.objects.create(
        child=entry.child,
        educator=entry.child.relationships.get().person,
        hours_per_week=Decimal("18"),
    )
    answer = update_answered(entry, officer)
    assert {row.name for row in item_of(answer).to_apply} == {ADDRESS, PARENTS_HOURS}

    record(officer, answer, outcome="applied", fields=[PARENTS_HOURS])

    educator.refresh_from_db()
    assert educator.hours_per_week == Decimal("25")
    # Only the field chosen was applied: the address is as it was.
    assert current_address(entry.child) != "4 Harbour Row, Exmouth, EX8 1BB"


def test_a_providers_hours_update_the_arrangement_of_each_child_chosen(devon, officer):
    first, second = (isla(devon).child, ChildFactory(authority=devon, first_name="Noah"))
    answer = provider_answered(devon, [first, second], officer)

    record(officer, answer, outcome="applied", fields=[f"{PROVIDER_HOURS}{first.pk}"])

    hours = dict(
        EducationArrangement.objects.filter(provider__name="Oakwood Forest School").values_list(
            "child_id", "hours_per_week"
        )
    )
    assert hours == {first.pk: Decimal("15"), second.pk: Decimal("6")}

    def shown(child) -> set[tuple[str, str]]:
        timeline = child_timeline_get(actor=staff_actor(officer), child_id=child.pk)
        return {(item.title, item.description) for item in timeline.items}

    applied = "Provider's answer to an information request applied"
    assert (applied, "Applied: Time at Oakwood Forest School") in shown(first)
    # The other child's timeline shows the review, but nothing of the first child.
    assert (applied, "Nothing applied to this child's record") in shown(second)


def test_a_new_notification_is_accepted_onto_the_register(devon, officer):
    notification = notified(devon)

    record(officer, notification, outcome="applied", fields=[REGISTER])

    entry = RegisterEntry.objects.get(pk=notification.entry_id)
    assert entry.status == CaseStatus.REGISTERED
    assert list(entry.transitions.values_list("to_status", flat=True)) == [
        CaseStatus.NOTIFIED,
        CaseStatus.ELIGIBILITY_CHECK,
        CaseStatus.REGISTERED,
    ]


def test_not_applying_needs_a_reason_and_keeps_it(devon, officer):
    entry = isla(devon)
    report = change_reported(entry)

    with pytest.raises(ApplicationError) as refused:
        record(officer, report, outcome="not_applied", reason="  ")
    assert refused.value.errors == {"reason": [review.REASON.required]}
    report.refresh_from_db()
    assert report.reviewed_at is None

    done = record(officer, report, outcome="not_applied", reason="Moved back the next day")

    assert done.reason == "Moved back the next day"
    assert done.applied == []
    report.refresh_from_db()
    assert report.reviewed_at is not None


def test_a_support_request_is_marked_dealt_with(devon, officer):
    request = support_requested(devon)
    assert item_of(request).outcomes[0] == ("noted", "Mark as dealt with")

    record(officer, request, outcome="noted", reason="Phoned Jo about exam centres")

    assert Task.objects.get(notification=request).status == Task.Status.DONE


@pytest.mark.parametrize(
    ("outcome", "fields", "errors"),
    [
        ("", [], {"outcome": [review.OUTCOME_MISSING]}),
        ("applied", [], {"fields": [review.NOTHING_CHOSEN]}),
        ("applied", ["date_of_birth"], {"fields": [review.NOTHING_CHOSEN]}),
    ],
)
def test_a_decision_that_does_not_check_changes_nothing(devon, officer, outcome, fields, errors):
    entry = isla(devon)
    old = current_address(entry.child)
    report = change_reported(entry)

    with pytest.raises(ApplicationError) as refused:
        record(officer, report, outcome=outcome, fields=fields)

    assert refused.value.errors == errors
    assert current_address(entry.child) == old
    report.refresh_from_db()
    assert report.reviewed_at is None


def test_a_form_made_before_the_register_changed_is_refused(devon, officer):
    entry = isla(devon)
    report = change_reported(entry)
    version = item_of(report).version
    held = ChildAddress.objects.get(child=entry.child, kind=AddressKind.CURRENT)
    held.address = AddressFactory(line_1="7 Other Street")
    held.save()

    with pytest.raises(ApplicationError) as refused:
        record(officer, report, outcome="applied", fields=[ADDRESS], version=version)

    assert refused.value.errors == {"__all__": [review.STALE_ITEM]}
    assert current_address(entry.child).startswith("7 Other Street")


def test_an_item_already_reviewed_is_refused(devon, officer):
    entry = isla(devon)
    report = change_reported(entry)
    version = item_of(report).version
    record(officer, report, outcome="not_applied", reason="Duplicate report")

    with pytest.raises(ApplicationError) as refused:
        record(officer, report, outcome="applied", fields=[ADDRESS], version=version)

    assert refused.value.errors == {"__all__": [review.ALREADY_REVIEWED]}
    assert ChildAddress.objects.filter(child=entry.child).count() == 1


def test_a_case_moved_since_the_page_was_made_refuses_the_review(devon, officer):
    entry = isla(devon)
    report = change_reported(entry, kind=ChangeKind.LEAVING_AREA)
    version = item_of(report).version
    # Moved meanwhile by someone else through the case service: its version moves on.
    RegisterEntry.objects.filter(pk=entry.pk).update(version=entry.version + 1)

    with pytest.raises(ApplicationError) as refused:
        record(officer, report, outcome="applied", fields=[STATUS], version=version)

    assert refused.value.errors == {"__all__": [review.STALE_ITEM]}
    entry.refresh_from_db()
    assert entry.status == CaseStatus.REGISTERED
    report.refresh_from_db()
    assert report.reviewed_at is None


def test_a_move_the_case_workflow_refuses_leaves_the_item_waiting(devon, officer):
    entry = isla(devon)
    report = change_reported(entry, kind=ChangeKind.LEAVING_AREA)
    version = item_of(report).version
    # Archived meanwhile: the case service refuses to move it, after the review has begun.
    RegisterEntry.objects.filter(pk=entry.pk).update(archived_at=timezone.now())

    with pytest.raises(ApplicationError):
        record(officer, report, outcome="applied", fields=[STATUS], version=version)

    report.refresh_from_db()
    assert report.reviewed_at is None
    assert not NotificationReview.objects.exists()
    assert Task.objects.get(notification=report).status == Task.Status.OPEN


# Possible duplicates ----------------------------------------------------------------------------


def twins(authority, *, born: date | None = None, last_name: str = "Brightwater", **second):
    """Two records of Amelia Brightwater, born the same day at the same postcode, each with a
    case; in the order of their ids."""
    children = []
    for fields in ({}, second):
        child = ChildFactory(
            authority=authority,
            first_name=fields.get("first_name", "Amelia"),
            last_name=last_name,
            date_of_birth=born or timezone.localdate() - timedelta(days=3650),
        )
        ChildAddressFactory(child=child, address=AddressFactory(postcode="EX1 1AA"))
        RegisterEntryFactory(child=child, status=CaseStatus.NOTIFIED)
        children.append(child)
    return sorted(children, key=lambda child: child.pk)


def test_a_pair_found_not_the_same_is_never_offered_again(devon, officer):
    first, second = twins(devon)
    assert [(pair.first, pair.second) for pair in duplicate_pairs_read(authority=devon)] == [
        (first, second)
    ]

    children_not_the_same(
        authority=devon, first_id=first.pk, second_id=second.pk, actor=staff_actor(officer)
    )

    assert duplicate_pairs_read(authority=devon) == []
    with pytest.raises(ApplicationError):
        children_not_the_same(
            authority=devon, first_id=first.pk, second_id=second.pk, actor=staff_actor(officer)
        )
    assert DuplicateDecision.objects.count() == 1


def test_the_same_child_keeps_every_notification_and_entry_of_both(devon, officer):
    kept, other = twins(devon)
    Notification.objects.create(
        authority=devon,
        kind="new_registration",
        source="parent",
        idempotency_key="other",
        reference="OTHER-1",
        payload={},
        received_at=timezone.now(),
        child=other,
        entry=other.entries.get(),
    )
    kept_entry, other_entry = kept.entries.get(), other.entries.get()
    version = duplicate_pair_read(authority=devon, first_id=kept.pk, second_id=other.pk).version
    assert register_size(devon) == 2

    children_merge(
        authority=devon,
        kept_id=kept.pk,
        first_id=kept.pk,
        second_id=other.pk,
        version=version,
        actor=staff_actor(officer),
    )

    other.refresh_from_db()
    other_entry.refresh_from_db()
    assert other.archived_at is not None
    assert Notification.objects.get(reference="OTHER-1").child == kept
    assert set(RegisterEntry.objects.filter(child=kept)) == {kept_entry, other_entry}
    # One open case: the other's is kept, archived, with its history.
    assert other_entry.archived_at is not None
    # One child on the register, as the register page counts it.
    assert register_size(devon) == 1
    assert ChildAddress.objects.filter(child=kept).count() == 2
    assert AuditEvent.objects.filter(
        object_type="child", object_id=str(kept.pk), action=AuditEvent.Action.UPDATE
    ).exists()
    assert duplicate_pairs_read(authority=devon) == []


def test_a_merge_chosen_from_a_stale_page_changes_nothing(devon, officer):
    kept, other = twins(devon)
    version = duplicate_pair_read(authority=devon, first_id=kept.pk, second_id=other.pk).version
    Child.objects.filter(pk=other.pk).update(upn="A801200110001")

    with pytest.raises(ApplicationError) as refused:
        children_merge(
            authority=devon,
            kept_id=kept.pk,
            first_id=kept.pk,
            second_id=other.pk,
            version=version,
            actor=staff_actor(officer),
        )

    assert refused.value.errors == {"__all__": [review.STALE_PAIR]}
    assert Child.objects.live().filter(pk__in=[kept.pk, other.pk]).count() == 2
