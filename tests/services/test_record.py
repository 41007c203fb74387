"""Changing a child's record: every field changed is kept with who, when, the old and the new
value; a stale form, a closed case, another LA's child or a wrong value changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from registers.errors import ApplicationError
from registers.intake.record import (
    ArrangementDetails,
    ChildDetails,
    NewAddress,
    NewProviderArrangement,
    ParentDetails,
    PreviousSchool,
    SafeguardingDetails,
)
from registers.models import AuditEvent, Child, ChildAddress, ChildSafeguarding, RecordChange
from registers.rules.codes import AddressKind, CaseStatus, ClosureReason, SenProvision
from registers.services import record
from tests.factories import StaffUserFactory, child_with_record, staff_actor

pytestmark = pytest.mark.django_db


def details_of(child: Child, **changed) -> ChildDetails:
    held = {
        "first_name": child.first_name,
        "middle_names": child.middle_names,
        "last_name": child.last_name,
        "date_of_birth": child.date_of_birth,
        "sex": child.sex,
        "upn": child.upn,
        "nhs_number": child.nhs_number,
    }
    return ChildDetails(**(held | changed))


def history(child: Child) -> list[tuple[str, str, str]]:
    return [
        (change.field, change.old_value, change.new_value)
        for change in RecordChange.objects.filter(child=child)
    ]


def test_a_changed_name_is_kept_with_who_when_and_the_old_value(devon, officer):
    child = child_with_record(authority=devon, first_name="Amelia", last_name="Brightwater")

    record.child_details_change(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        details=details_of(child, first_name="Amelie", upn="b801200005001"),
    )

    child.refresh_from_db()
    assert (child.first_name, child.upn, child.version) == ("Amelie", "B801200005001", 2)
    assert history(child) == [
        ("First name", "Amelia", "Amelie"),
        ("Unique pupil number (UPN)", "", "B801200005001"),
    ]
    change = RecordChange.objects.filter(child=child).first()
    assert change.changed_by == officer
    assert timezone.now() - change.changed_at < timedelta(minutes=1)
    event = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE)
    assert (event.children, event.categories) == ([str(child.pk)], ["identity"])
    assert "Amelie" not in str(event.categories)


def test_nothing_changed_records_nothing(devon, officer):
    child = child_with_record(authority=devon)

    changes = record.child_details_change(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        details=details_of(child),
    )

    assert changes == []
    child.refresh_from_db()
    assert child.version == 1
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).exists()


def test_a_form_loaded_before_another_change_is_refused(devon, officer):
    child = child_with_record(authority=devon, first_name="Amelia")
    actor = staff_actor(officer)
    record.child_details_change(
        actor=actor,
        child_id=child.pk,
        expected_version=1,
        details=details_of(child, last_name="X"),
    )

    with pytest.raises(record.StaleRecord):
        record.child_details_change(
            actor=actor,
            child_id=child.pk,
            expected_version=1,
            details=details_of(child, first_name="Amelie"),
        )

    child.refresh_from_db()
    assert child.first_name == "Amelia"
    assert len(history(child)) == 1


@pytest.mark.parametrize(
    ("changed", "field", "message"),
    [
        ({"first_name": "A" * 101}, "first_name", "First name must be 100 characters or fewer"),
        (
            {"last_name": "Bright\nwater"},
            "last_name",
            "Last name must not include line breaks or other hidden characters",
        ),
        ({"first_name": ""}, "first_name", "Enter the child's first name"),
        (
            {"date_of_birth": date.today() + timedelta(days=1)},
            "date_of_birth",
            "Date of birth must be in the past",
        ),
    ],
)
def test_a_wrong_value_is_refused_and_nothing_changes(devon, officer, changed, field, message):
    child = child_with_record(authority=devon, first_name="Amelia", last_name="Brightwater")

    with pytest.raises(ApplicationError) as refused:
        record.child_details_change(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            details=details_of(child, **changed),
        )

    assert refused.value.errors == {field: [message]}
    child.refresh_from_db()
    assert (child.first_name, child.last_name, child.version) == ("Amelia", "Brightwater", 1)
    assert history(child) == []


def test_a_closed_case_cannot_be_changed(devon, officer):
    child = child_with_record(authority=devon, first_name="Amelia")
    child.entries.update(
        status=CaseStatus.CLOSED,
        closed_on=date.today(),
        closure_reason=ClosureReason.RETURNED_TO_SCHOOL,
    )

    with pytest.raises(ApplicationError, match="case is closed"):
        record.child_sen_change(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            sen_provision=SenProvision.EHC_PLAN,
        )

    child.refresh_from_db()
    assert child.sen_provision == SenProvision.UNKNOWN


def test_another_las_child_is_not_found(devon, cornwall, officer):
    theirs = child_with_record(authority=cornwall, first_name="Kerensa")

    with pytest.raises(record.RecordNotFound):
        record.child_details_change(
            actor=staff_actor(officer),
            child_id=theirs.pk,
            expected_version=1,
            details=details_of(theirs, first_name="Changed"),
        )

    theirs.refresh_from_db()
    assert theirs.first_name == "Kerensa"


def test_a_move_ends_the_old_address_and_starts_the_new(devon, officer):
    child = child_with_record(authority=devon)
    old = child.addresses.get()
    moved_on = date.today() - timedelta(days=3)

    record.child_address_move(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        address=NewAddress(
            line_1="7 Mill Street", town="Crediton", postcode="ex17 3ab", moved_on=moved_on
        ),
    )

    addresses = {held.kind: held for held in ChildAddress.objects.filter(child=child)}
    assert addresses[AddressKind.PREVIOUS].pk == old.pk
    assert addresses[AddressKind.PREVIOUS].lived_until == moved_on - timedelta(days=1)
    assert str(addresses[AddressKind.CURRENT].address) == "7 Mill Street, Crediton, EX17 3AB"
    assert addresses[AddressKind.CURRENT].lived_from == moved_on
    ((field, was, now),) = history(child)
    assert (field, was) == ("Home address", str(old.address))
    assert now.startswith("7 Mill Street, Crediton, EX17 3AB, from ")


def test_a_move_to_the_same_address_or_a_future_date_is_refused(devon, officer):
    child = child_with_record(authority=devon)
    held = child.addresses.get().address
    held.line_1 = "1 High Street"
    held.save()
    actor = staff_actor(officer)

    with pytest.raises(ApplicationError) as same:
        record.child_address_move(
            actor=actor,
            child_id=child.pk,
            expected_version=1,
            address=NewAddress(
                line_1=held.line_1, town=held.town, postcode=held.postcode, moved_on=date.today()
            ),
        )
    with pytest.raises(ApplicationError) as future:
        record.child_address_move(
            actor=actor,
            child_id=child.pk,
            expected_version=1,
            address=NewAddress(
                line_1="1 New Road",
                town="Exeter",
                postcode="EX1 1AA",
                moved_on=date.today() + timedelta(days=1),
            ),
        )

    assert same.value.errors == {"line_1": [record.SAME_ADDRESS]}
    assert list(future.value.errors) == ["moved_on"]
    assert ChildAddress.objects.filter(child=child).count() == 1


def test_a_parent_and_their_link_to_the_child_change_together(devon, officer):
    child = child_with_record(authority=devon)
    link = child.relationships.get()
    person = link.person

    record.parent_details_change(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        relationship_id=link.pk,
        details=ParentDetails(
            first_name=person.first_name,
            last_name=person.last_name,
            relationship=link.relationship,
            email="new@family.example",
            phone="",
            has_parental_responsibility=True,
            provides_education=False,
        ),
    )

    assert history(child) == [
        (f"{person}: Email", person.email, "new@family.example"),
        (f"{person}: Provides education", "Yes", "No"),
    ]


def test_hours_heard_from_a_provider_keep_their_source(devon, officer):
    child = child_with_record(authority=devon)
    arrangement = child.arrangements.get()

    record.arrangement_change(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        arrangement_id=arrangement.pk,
        details=ArrangementDetails(
            hours_per_week="12.5", hours_without_parent="10", source="provider_phone"
        ),
    )

    arrangement.refresh_from_db()
    assert arrangement.hours_per_week == Decimal("12.5")
    sources = set(RecordChange.objects.filter(child=child).values_list("source", flat=True))
    assert sources == {"The provider, by phone"}
    assert [change[1:] for change in history(child)] == [("6", "12.5"), ("4", "10")]


def test_hours_without_a_parent_above_the_total_are_refused(devon, officer):
    child = child_with_record(authority=devon)
    arrangement = child.arrangements.get()

    with pytest.raises(ApplicationError) as refused:
        record.arrangement_change(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            arrangement_id=arrangement.pk,
            details=ArrangementDetails(
                hours_per_week="5", hours_without_parent="6", source="parent"
            ),
        )

    assert list(refused.value.errors) == ["hours_without_parent"]
    arrangement.refresh_from_db()
    assert arrangement.hours_per_week == 6


def test_the_previous_school_and_reason_change_on_the_current_case(devon, officer):
    child = child_with_record(authority=devon)

    record.previous_school_change(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        details=PreviousSchool(
            previous_school_name="Crediton Primary",
            previous_school_urn="113456",
            previous_school_type="lamain",
            primary_reason="mental_health",
        ),
    )

    entry = child.entries.get()
    assert (entry.previous_school_name, entry.primary_reason) == (
        "Crediton Primary",
        "mental_health",
    )
    assert ("Primary reason", "Unknown", "Mental health") in history(child)


SAFEGUARDING = SafeguardingDetails(
    section_47_enquiry="current",
    child_protection_plan="none",
    child_in_need="previous",
    looked_after=False,
)


def test_only_cleared_staff_change_safeguarding(devon, officer):
    child = child_with_record(authority=devon)
    cleared = StaffUserFactory(authority=devon, can_view_safeguarding=True)

    with pytest.raises(ApplicationError, match="not cleared"):
        record.safeguarding_change(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            details=SAFEGUARDING,
        )
    assert not ChildSafeguarding.objects.filter(child=child).exists()
    refused = AuditEvent.objects.get(outcome=AuditEvent.Outcome.DENIED)
    assert refused.categories == ["safeguarding"]

    record.safeguarding_change(
        actor=staff_actor(cleared), child_id=child.pk, expected_version=1, details=SAFEGUARDING
    )

    held = ChildSafeguarding.objects.get(child=child)
    assert (held.section_47_enquiry, held.child_in_need) == ("current", "previous")
    assert set(RecordChange.objects.filter(child=child).values_list("category", flat=True)) == {
        "safeguarding"
    }


def test_a_provider_heard_of_by_email_is_added_with_its_hours_and_source(devon, officer):
    child = child_with_record(authority=devon)
    known = child.arrangements.get().provider
    actor = staff_actor(officer)

    record.provider_arrangement_add(
        actor=actor,
        child_id=child.pk,
        expected_version=1,
        details=NewProviderArrangement(
            name="Exeter Maths Tutors",
            provider_type="tutor",
            email="hello@tutors.example",
            hours_per_week="3",
            source="provider_email",
        ),
    )
    record.provider_arrangement_add(
        actor=actor,
        child_id=child.pk,
        expected_version=2,
        details=NewProviderArrangement(
            name=known.name.upper(),
            provider_type="tutor",
            hours_per_week="2",
            source="parent",
        ),
    )

    providers = [arrangement.provider for arrangement in child.arrangements.order_by("id")]
    assert [provider.name for provider in providers] == [
        known.name,
        "Exeter Maths Tutors",
        known.name,
    ]
    assert providers[1].email == "hello@tutors.example"
    assert history(child) == [
        ("Education provider", "", "Exeter Maths Tutors: 3 hours a week"),
        ("Education provider", "", f"{known.name}: 2 hours a week"),
    ]


def test_a_provider_without_a_name_or_hours_is_refused(devon, officer):
    child = child_with_record(authority=devon)

    with pytest.raises(ApplicationError) as refused:
        record.provider_arrangement_add(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            details=NewProviderArrangement(
                name=" ", provider_type="tutor", hours_per_week="", source="parent"
            ),
        )

    assert sorted(refused.value.errors) == ["hours_per_week", "name"]
    assert child.arrangements.count() == 1
