"""Consent requests (s.434A) on a child's record: an officer records one, a manager decides it;
bad input gets the GOV.UK error and changes nothing; other LAs and other roles are refused; a
Condition B request's condition is shown only to staff cleared for safeguarding."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import AuditEvent, ConsentRequest, StaffRole
from registers.rules.codes import CaseStatus
from registers.services.consent import consent_request_record
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory, child_with_record, staff_actor
from tests.pages import assert_errors_shown, text

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def child(devon):
    child = child_with_record(authority=devon, first_name="Noah", last_name="Penhale")
    child.entries.update(status=CaseStatus.NOTIFIED)
    return child


def url(name, child, **kwargs):
    return reverse(f"staff:child-consent{name}", kwargs={"child_id": child.pk, **kwargs})


def date_fields(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def a_request(officer, child, *, requested_on):
    """A Condition A request recorded by the officer."""
    return consent_request_record(
        actor=staff_actor(officer),
        child_id=child.pk,
        condition="special_school",
        school_name="Ellen Tinkham School",
        requested_on=requested_on,
    )


def request_data(**fields):
    return {
        "condition": "section_47",
        "school_name": "Ellen Tinkham School",
        "school_urn": "",
        "school_email": "office@tinkham.example",
        **date_fields("requested_on", TODAY - timedelta(days=3)),
        **fields,
    }


def decision_data(request, **fields):
    return {
        "best_interests_analysis": "Social care support the plan",
        "decision": "granted",
        "reasons": "A full-time tutor and social care support are in place",
        **date_fields("decided_on", TODAY),
        "version": request.version,
        **fields,
    }


def test_an_officer_records_a_request_and_a_manager_decides_it(officer_client, child, client):
    recorded = officer_client.post(url("-new", child), request_data(), follow=True)
    assert "Consent request recorded" in text(recorded.content.decode())
    request = ConsentRequest.objects.get()
    assert child.entries.get().status == CaseStatus.CONSENT_PENDING
    record = officer_client.get(reverse("staff:child", kwargs={"child_id": child.pk}))
    assert "See the consent request" in text(record.content.decode())
    # The officer is not cleared for safeguarding: the condition is withheld.
    tab = text(officer_client.get(url("", child)).content.decode())
    assert "Withheld: safeguarding information" in tab
    assert "Condition B" not in tab
    assert "Decide" not in tab

    manager = StaffUserFactory(authority=child.authority, role=StaffRole.MANAGER)
    sign_in_fully(client, manager)
    decided = client.post(
        url("-decision", child, consent_id=request.pk), decision_data(request), follow=True
    )

    assert "Decision recorded: consent granted" in text(decided.content.decode())
    request.refresh_from_db()
    assert request.status == ConsentRequest.Status.GRANTED
    assert child.entries.get().status == CaseStatus.ELIGIBILITY_CHECK
    timeline = client.get(reverse("staff:child-timeline", kwargs={"child_id": child.pk}))
    shown = text(timeline.content.decode())
    assert "Consent granted" in shown and "Letter made: Consent decision" in shown


def test_a_request_recorded_wrongly_gets_the_gov_uk_errors(officer_client, child):
    response = officer_client.post(
        url("-new", child),
        request_data(
            condition="", school_name="", **date_fields("requested_on", TODAY + timedelta(days=1))
        ),
    )

    assert_errors_shown(
        response,
        [
            (
                "id_condition_1",
                "Select why the child's withdrawal needs the local authority's consent",
            ),
            ("id_school_name", "Enter the name of the child's school"),
            ("id_requested_on_0", "The date the parent asked must be today or in the past"),
        ],
    )
    assert not ConsentRequest.objects.exists()


def test_a_decision_without_reasons_or_before_the_request_changes_nothing(client, child, officer):
    request = a_request(officer, child, requested_on=TODAY - timedelta(days=3))
    sign_in_fully(client, StaffUserFactory(authority=child.authority, role=StaffRole.MANAGER))

    response = client.post(
        url("-decision", child, consent_id=request.pk),
        decision_data(request, reasons="", **date_fields("decided_on", TODAY - timedelta(days=4))),
    )

    requested = f"{request.requested_on.day} {request.requested_on:%B %Y}"
    assert_errors_shown(
        response,
        [
            ("id_reasons", "Enter the reasons for the decision"),
            (
                "id_decided_on_0",
                f"The date of the decision must be on or after the request, {requested}",
            ),
        ],
    )
    request.refresh_from_db()
    assert request.status == ConsentRequest.Status.REQUESTED


def test_an_officer_may_not_decide(officer_client, child, officer):
    request = a_request(officer, child, requested_on=TODAY)

    refused = officer_client.post(
        url("-decision", child, consent_id=request.pk), decision_data(request)
    )

    assert refused.status_code == 403
    request.refresh_from_db()
    assert request.status == ConsentRequest.Status.REQUESTED
    assert AuditEvent.objects.filter(
        outcome=AuditEvent.Outcome.DENIED,
        object_type="consent_request",
        object_id=str(request.pk),
    ).exists()


def test_another_las_staff_cannot_see_or_record_consent(client, cornwall, child):
    sign_in_fully(client, StaffUserFactory(authority=cornwall, role=StaffRole.MANAGER))

    assert client.get(url("", child)).status_code == 404
    assert client.post(url("-new", child), request_data()).status_code == 404
    assert not ConsentRequest.objects.exists()


def test_a_manager_saves_the_assessment_and_decides_later(client, child, officer):
    request = a_request(officer, child, requested_on=TODAY)
    sign_in_fully(client, StaffUserFactory(authority=child.authority, role=StaffRole.MANAGER))
    page = url("-decision", child, consent_id=request.pk)

    empty = client.post(page, {"best_interests_analysis": "", "version": 1, "assess": ""})
    assert_errors_shown(
        empty,
        [
            (
                "id_best_interests_analysis",
                "Enter the assessment of whether this is in the child's best interests",
            )
        ],
    )

    saved = client.post(
        page,
        {"best_interests_analysis": "Waiting for the school", "version": 1, "assess": ""},
        follow=True,
    )

    assert "Assessment saved: the request is under assessment" in text(saved.content.decode())
    request.refresh_from_db()
    assert request.status == ConsentRequest.Status.UNDER_ASSESSMENT
    assert "Waiting for the school" in client.get(page).content.decode()
