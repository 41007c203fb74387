"""Contacts, visits and suitability decisions are recorded on the child's case, each audited;
dates out of order, a decision without evidence, a stale form or a closed case change nothing.
A provider's email heard by phone is kept with its source, so a request can be sent."""

from datetime import date, timedelta

import pytest

from registers.errors import ApplicationError
from registers.intake.record import (
    ContactDetails,
    ProviderContactDetails,
    SuitabilityDetails,
    VisitDetails,
)
from registers.models import (
    AuditEvent,
    Contact,
    InformationRequest,
    RecordChange,
    SuitabilityDecision,
    Visit,
)
from registers.rules.codes import CaseStatus, ClosureReason
from registers.services import contacts
from registers.services.provider_requests import provider_request_send
from registers.services.record import RecordNotFound, StaleRecord
from tests.factories import child_with_record, staff_actor

pytestmark = pytest.mark.django_db

TODAY = date.today()


def notified_days_ago(devon, days: int):
    child = child_with_record(authority=devon)
    child.entries.update(notified_on=TODAY - timedelta(days=days))
    return child


def a_visit(**changed) -> VisitDetails:
    return VisitDetails(
        **{
            "status": Visit.Status.COMPLETED,
            "offered_on": TODAY - timedelta(days=5),
            "visit_on": TODAY - timedelta(days=1),
            "at_home": True,
            "visited_by": "Jo Officer",
            "notes": "Saw a range of work",
        }
        | changed
    )


def test_a_contact_is_recorded_on_the_case_and_audited(devon, officer):
    child = notified_days_ago(devon, 10)

    contact = contacts.contact_record(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        details=ContactDetails(
            kind=Contact.Kind.REPORT,
            direction=Contact.Direction.INBOUND,
            occurred_on=TODAY,
            summary="The parent's report on the year's learning",
        ),
    )

    assert contact.entry == child.entries.get()
    assert contact.created_by == officer
    event = AuditEvent.objects.get(object_type="contact")
    assert (event.action, event.children) == (AuditEvent.Action.CREATE, [str(child.pk)])
    child.refresh_from_db()
    assert child.version == 2


def test_the_same_form_sent_twice_records_one_contact(devon, officer):
    child = notified_days_ago(devon, 10)
    details = ContactDetails(kind="phone", direction="out", occurred_on=TODAY, summary="Called")
    contacts.contact_record(
        actor=staff_actor(officer), child_id=child.pk, expected_version=1, details=details
    )

    with pytest.raises(StaleRecord):
        contacts.contact_record(
            actor=staff_actor(officer), child_id=child.pk, expected_version=1, details=details
        )

    assert Contact.objects.count() == 1


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (TODAY + timedelta(days=1), "The date of the contact must be today or in the past"),
        (
            TODAY - timedelta(days=11),
            "The date of the contact must be on or after the day the local authority was told",
        ),
    ],
)
def test_a_contact_out_of_order_is_refused(devon, officer, on, message):
    child = notified_days_ago(devon, 10)

    with pytest.raises(ApplicationError) as refused:
        contacts.contact_record(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            details=ContactDetails(kind="phone", direction="out", occurred_on=on, summary="x"),
        )

    (said,) = refused.value.errors["occurred_on"]
    assert said.startswith(message)
    assert not Contact.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.CREATE).exists()


@pytest.mark.parametrize(
    ("changed", "field"),
    [
        ({"offered_on": TODAY - timedelta(days=20)}, "offered_on"),
        (
            {"status": "offered", "offered_on": TODAY + timedelta(days=1), "visit_on": None},
            "offered_on",
        ),
        ({"visit_on": TODAY - timedelta(days=6)}, "visit_on"),
        ({"visit_on": TODAY + timedelta(days=2)}, "visit_on"),
        ({"visit_on": None}, "visit_on"),
    ],
    ids=[
        "offered before the notification",
        "offered in the future",
        "visit before the offer",
        "took place in the future",
        "took place without a date",
    ],
)
def test_a_visit_out_of_order_is_refused(devon, officer, changed, field):
    child = notified_days_ago(devon, 10)

    with pytest.raises(ApplicationError) as refused:
        contacts.visit_record(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            details=a_visit(**changed),
        )

    assert list(refused.value.errors) == [field]
    assert not Visit.objects.exists()


def test_a_visit_arranged_for_a_day_to_come_is_recorded(devon, officer):
    child = notified_days_ago(devon, 10)

    visit = contacts.visit_record(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        details=a_visit(status=Visit.Status.ACCEPTED, visit_on=TODAY + timedelta(days=7)),
    )

    assert (visit.status, visit.visit_on, visit.visited_by) == (
        "accepted",
        TODAY + timedelta(days=7),
        "Jo Officer",
    )


def test_a_declined_visit_is_recorded(devon, officer):
    child = notified_days_ago(devon, 10)

    visit = contacts.visit_record(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        details=a_visit(status=Visit.Status.REFUSED, visit_on=None),
    )

    assert visit.get_status_display() == "Declined by the family"


def test_a_decision_needs_its_evidence(devon, officer):
    child = notified_days_ago(devon, 10)

    with pytest.raises(ApplicationError) as refused:
        contacts.suitability_decide(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            details=SuitabilityDetails(outcome="suitable", decided_on=TODAY, evidence="  "),
        )

    assert refused.value.errors == {
        "evidence": ["Enter the evidence and reasons for the decision"]
    }
    assert not SuitabilityDecision.objects.exists()


def test_a_decision_with_its_evidence_is_recorded(devon, officer):
    child = notified_days_ago(devon, 10)

    decision = contacts.suitability_decide(
        actor=staff_actor(officer),
        child_id=child.pk,
        expected_version=1,
        details=SuitabilityDetails(
            outcome="not_suitable", decided_on=TODAY, evidence="No work seen at the visit"
        ),
    )

    assert decision.get_outcome_display() == "Not suitable"


def test_an_over_long_summary_is_refused(devon, officer):
    child = notified_days_ago(devon, 10)

    with pytest.raises(ApplicationError) as refused:
        contacts.contact_record(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            details=ContactDetails(
                kind="email", direction="in", occurred_on=TODAY, summary="x" * 5001
            ),
        )

    assert refused.value.errors == {"summary": ["Summary must be 5000 characters or fewer"]}


def test_nothing_is_recorded_on_a_closed_case(devon, officer):
    child = notified_days_ago(devon, 10)
    child.entries.update(
        status=CaseStatus.CLOSED, closed_on=TODAY, closure_reason=ClosureReason.LEFT_ENGLAND
    )

    with pytest.raises(ApplicationError, match="closed"):
        contacts.visit_record(
            actor=staff_actor(officer), child_id=child.pk, expected_version=1, details=a_visit()
        )

    assert not Visit.objects.exists()


def test_nothing_is_recorded_on_another_las_child(devon, cornwall, officer):
    theirs = notified_days_ago(cornwall, 10)

    with pytest.raises(RecordNotFound):
        contacts.visit_record(
            actor=staff_actor(officer), child_id=theirs.pk, expected_version=1, details=a_visit()
        )

    assert not Visit.objects.exists()


def test_a_providers_email_heard_by_phone_lets_a_request_be_sent(devon, officer, settings):
    child = child_with_record(authority=devon)
    provider = child.arrangements.get().provider
    actor = staff_actor(officer)
    with pytest.raises(ApplicationError, match="no email address"):
        provider_request_send(provider=provider, actor=actor)

    contacts.provider_contact_change(
        actor=actor,
        provider_id=provider.pk,
        expected_version=0,
        details=ProviderContactDetails(
            email="office@forest.example", phone="", source="provider_phone"
        ),
    )

    change = RecordChange.objects.get(provider=provider)
    assert (change.new_value, change.source) == ("office@forest.example", "The provider, by phone")
    provider.refresh_from_db()
    provider_request_send(provider=provider, actor=actor)
    assert InformationRequest.objects.filter(provider=provider).count() == 1
    with pytest.raises(StaleRecord):
        contacts.provider_contact_change(
            actor=actor,
            provider_id=provider.pk,
            expected_version=0,
            details=ProviderContactDetails(email="", phone="", source="parent"),
        )


def test_an_offered_visit_is_later_recorded_as_made(devon, officer):
    child = notified_days_ago(devon, 10)
    actor = staff_actor(officer)
    offered = contacts.visit_record(
        actor=actor,
        child_id=child.pk,
        expected_version=1,
        details=a_visit(status=Visit.Status.OFFERED, visit_on=TODAY + timedelta(days=3)),
    )

    contacts.visit_change(
        actor=actor,
        child_id=child.pk,
        expected_version=2,
        visit_id=offered.pk,
        details=a_visit(status=Visit.Status.COMPLETED, visit_on=TODAY),
    )

    offered.refresh_from_db()
    assert (offered.status, offered.visit_on) == (Visit.Status.COMPLETED, TODAY)
    assert Visit.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="visit", action=AuditEvent.Action.UPDATE).exists()


def test_another_childs_visit_cannot_be_changed(devon, officer):
    child = notified_days_ago(devon, 10)
    other = notified_days_ago(devon, 10)
    theirs = contacts.visit_record(
        actor=staff_actor(officer), child_id=other.pk, expected_version=1, details=a_visit()
    )

    with pytest.raises(RecordNotFound):
        contacts.visit_change(
            actor=staff_actor(officer),
            child_id=child.pk,
            expected_version=1,
            visit_id=theirs.pk,
            details=a_visit(notes="Changed"),
        )

    theirs.refresh_from_db()
    assert theirs.notes == "Saw a range of work"
