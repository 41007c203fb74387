"""Consent to withdraw a relevant child from school (s.434A): a request moves the case to
Consent pending; the decision needs an assessment, reasons and a date on or after the request;
a refusal sets the date from which the parent may ask again; the parent and school are told."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from registers.errors import ApplicationError
from registers.models import ConsentRequest, Letter
from registers.rules.codes import CaseStatus, ClosureReason
from registers.rules.deadlines import add_months
from registers.services.consent import (
    consent_assessment_save,
    consent_decide,
    consent_request_record,
)
from registers.services.outbox import outbox_sweep
from tests.factories import StaffUserFactory, child_with_record, staff_actor
from tests.letters import pdf_text

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def child(devon):
    child = child_with_record(authority=devon, first_name="Noah", last_name="Penhale")
    entry = child.entries.get()
    entry.status = CaseStatus.NOTIFIED
    entry.save()
    return child


@pytest.fixture
def manager(devon):
    return StaffUserFactory(authority=devon, role="manager")


def record(officer, child, **fields):
    return consent_request_record(
        actor=staff_actor(officer),
        child_id=child.pk,
        **{
            "condition": ConsentRequest.Condition.SPECIAL_SCHOOL,
            "school_name": "Ellen Tinkham School",
            "school_urn": "113641",
            "school_email": "office@tinkham.example",
            "requested_on": TODAY - timedelta(days=10),
            **fields,
        },
    )


def decide(manager, child, request, **fields):
    return consent_decide(
        actor=staff_actor(manager),
        child_id=child.pk,
        consent_id=request.pk,
        **{
            "decision": "refused",
            "best_interests_analysis": "Social care advise that school is safer for now",
            "reasons": "Noah's needs are best met at school for now",
            "decided_on": TODAY,
            "expected_version": request.version,
            **fields,
        },
    )


def test_a_request_puts_the_case_in_consent_pending(officer, child):
    request = record(officer, child)

    entry = child.entries.get()
    assert entry.status == CaseStatus.CONSENT_PENDING
    assert request.entry == entry and request.status == ConsentRequest.Status.REQUESTED


def test_a_refusal_closes_the_case_sets_when_to_ask_again_and_tells_parent_and_school(
    officer, manager, child, devon
):
    devon.consent_re_request_months = 6
    devon.save()
    request = record(officer, child)

    decided = decide(manager, child, request)

    assert decided.status == ConsentRequest.Status.REFUSED
    assert decided.decided_by == manager
    assert decided.re_request_from == add_months(TODAY, 6)
    entry = child.entries.get()
    assert (entry.status, entry.closure_reason) == (CaseStatus.CLOSED, ClosureReason.NOT_ELIGIBLE)
    letter = Letter.objects.get(child=child)
    text = pdf_text(letter.pdf)
    assert "consent is refused" in text
    assert "Noah's needs are best met at school for now" in text
    outbox_sweep()
    to = sorted(address for sent in mail.outbox for address in sent.to)
    assert to == sorted(["office@tinkham.example", letter.emailed_to])
    school = next(sent for sent in mail.outbox if sent.to == ["office@tinkham.example"])
    assert "remains a registered pupil" in school.body


def test_consent_granted_moves_the_case_to_the_eligibility_check(officer, manager, child):
    request = record(officer, child)

    decided = decide(manager, child, request, decision="granted")

    assert decided.re_request_from is None
    assert child.entries.get().status == CaseStatus.ELIGIBILITY_CHECK


def test_a_decision_without_reasons_or_dated_before_the_request_changes_nothing(
    officer, manager, child
):
    request = record(officer, child)

    with pytest.raises(ApplicationError) as refused:
        decide(
            manager,
            child,
            request,
            reasons="  ",
            best_interests_analysis="",
            decided_on=request.requested_on - timedelta(days=1),
        )

    assert set(refused.value.errors) == {"reasons", "best_interests_analysis", "decided_on"}
    assert refused.value.errors["reasons"] == ["Enter the reasons for the decision"]
    assert refused.value.errors["decided_on"][0].startswith(
        "The date of the decision must be on or after the request"
    )
    request.refresh_from_db()
    assert request.status == ConsentRequest.Status.REQUESTED
    assert child.entries.get().status == CaseStatus.CONSENT_PENDING
    assert not Letter.objects.exists()


def test_a_stale_decision_and_a_second_decision_are_refused(officer, manager, child):
    request = record(officer, child)
    decide(manager, child, request, decision="granted")

    with pytest.raises(ApplicationError, match="Someone else has changed"):
        decide(manager, child, request)
    request.refresh_from_db()
    with pytest.raises(ApplicationError, match="already been decided"):
        decide(manager, child, request)
    assert request.status == ConsentRequest.Status.GRANTED


def test_a_parent_refused_may_not_ask_again_until_the_period_ends(officer, manager, child):
    decided = decide(manager, child, record(officer, child))
    child.entries.update(archived_at=timezone.now())

    with pytest.raises(ApplicationError) as refused:
        record(officer, child, requested_on=TODAY)

    assert refused.value.errors["requested_on"] == [
        f"Consent was refused on {TODAY.day} {TODAY:%B %Y}: the parent may ask again from "
        f"{decided.re_request_from.day} {decided.re_request_from:%B %Y}"
    ]


def test_only_one_request_waits_for_a_decision(officer, child):
    record(officer, child)

    with pytest.raises(ApplicationError, match="already waiting for a decision"):
        record(officer, child)
    assert ConsentRequest.objects.count() == 1


def test_an_assessment_saved_before_the_decision_puts_the_request_under_assessment(
    officer, manager, child
):
    request = record(officer, child)

    with pytest.raises(ApplicationError) as refused:
        consent_assessment_save(
            actor=staff_actor(manager),
            child_id=child.pk,
            consent_id=request.pk,
            best_interests_analysis=" ",
            expected_version=request.version,
        )
    assert list(refused.value.errors) == ["best_interests_analysis"]

    assessed = consent_assessment_save(
        actor=staff_actor(manager),
        child_id=child.pk,
        consent_id=request.pk,
        best_interests_analysis="Waiting for the school's view",
        expected_version=request.version,
    )

    assert assessed.status == ConsentRequest.Status.UNDER_ASSESSMENT
    assert decide(manager, child, assessed).status == ConsentRequest.Status.REFUSED
