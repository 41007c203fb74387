"""The case page of a child's record: where the case stands, its history and attendance order
steps, and only the moves its state allows; a move refused is refused on the page, changing
nothing; another LA's child is not found; only officers and managers move cases."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import AttendanceOrderStep, AuditEvent, CaseTransition, RegisterEntry
from registers.models.staff import StaffRole
from registers.rules.attendance_orders import StepDetails
from registers.rules.cases import (
    CLOSED_IS_FINAL,
    REASON_TOO_LONG,
    next_statuses,
    status_label,
    transition_allowed,
    transition_refusal,
)
from registers.rules.codes import (
    AttendanceOrderTrigger,
    CaseStatus,
    ClosureReason,
    ProsecutionOutcome,
    Regime,
)
from registers.services.cases import STALE, case_move
from tests.conftest import sign_in_fully
from tests.factories import (
    RegisterEntryFactory,
    StaffUserFactory,
    children_registered_in_bulk,
    staff_actor,
)
from tests.pages import error_summary, field_errors, summary_rows, text
from tests.statements import statements_run

pytestmark = pytest.mark.django_db

WHY = "The parent has sent no evidence of education since March"


@pytest.fixture(autouse=True)
def _quick_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def case_in(status, *, authority, regime=Regime.EHE_2019, **fields) -> RegisterEntry:
    closed = status == CaseStatus.CLOSED
    fields.setdefault("notified_on", timezone.localdate() - timedelta(days=60))
    return RegisterEntryFactory(
        child__authority=authority,
        child__first_name="Isla",
        child__last_name="Moorcroft",
        status=status,
        regime=regime,
        closed_on=date(2026, 10, 1) if closed else None,
        closure_reason=ClosureReason.NOT_ELIGIBLE if closed else "",
        **fields,
    )


def case_url(entry) -> str:
    return reverse("staff:case", kwargs={"child_id": entry.child_id})


def move_url(entry) -> str:
    return reverse("staff:case-move", kwargs={"child_id": entry.child_id})


def offered(response) -> list[str]:
    return re.findall(r'name="status"[^>]*value="([^"]+)"', response.content.decode())


def row(entry) -> dict:
    return RegisterEntry.objects.filter(pk=entry.pk).values().get()


def posted(entry, to_status, **answers) -> dict:
    data = {"entry": str(entry.pk), "version": str(entry.version), "status": to_status}
    data.setdefault("reason", WHY)
    data.update(answers)
    return data


def today_parts(prefix: str, day: date | None = None) -> dict:
    day = day or timezone.localdate()
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


@pytest.mark.parametrize("regime", list(Regime), ids=str)
def test_the_case_page_shows_where_it_stands_and_only_the_moves_it_allows(
    officer_client, devon, regime
):
    entry = case_in(CaseStatus.REGISTERED, authority=devon, regime=regime)

    response = officer_client.get(case_url(entry))

    assert response.status_code == 200
    rows = summary_rows(response)
    assert rows["Status"] == "Registered"
    assert rows["Law the case is worked under"] == Regime(regime).label
    assert offered(response) == list(next_statuses(regime=regime, status=CaseStatus.REGISTERED))
    content = text(response.content.decode())
    # Today's law asks for an enquiry before a notice; the Act does not.
    notice = status_label(regime=regime, status=CaseStatus.SAO_PRELIMINARY)
    assert (notice in content) == (regime == Regime.CNIS_2026)
    assert 'aria-current="page">Case</a>' in response.content.decode()


def test_a_move_is_made_recorded_and_shown_with_who_and_why(officer_client, officer, devon):
    entry = case_in(CaseStatus.REGISTERED, authority=devon)

    response = officer_client.post(move_url(entry), posted(entry, CaseStatus.ENQUIRY), follow=True)

    assert response.status_code == 200
    assert RegisterEntry.objects.get(pk=entry.pk).status == CaseStatus.ENQUIRY
    content = text(response.content.decode())
    assert "The case is now: Enquiry" in content
    assert f"Registered to Enquiry {officer} {WHY}" in content
    assert offered(response) == list(next_statuses(regime=entry.regime, status=CaseStatus.ENQUIRY))


def test_a_notice_to_satisfy_is_served_with_the_parents_period(officer_client, devon):
    devon.notice_to_satisfy_period_days = 20
    devon.save()
    entry = case_in(CaseStatus.ENQUIRY, authority=devon)
    served = timezone.localdate() - timedelta(days=2)

    response = officer_client.post(
        move_url(entry),
        posted(
            entry, CaseStatus.SAO_PRELIMINARY, **today_parts("sao_preliminary_served_on", served)
        ),
        follow=True,
    )

    step = AttendanceOrderStep.objects.get(entry=entry)
    assert (step.served_on, step.respond_by) == (served, served + timedelta(days=19))
    content = text(response.content.decode())
    assert (
        "Notice to satisfy the local authority that the child is receiving suitable education"
        in content
    )
    assert f"{step.respond_by.day} {step.respond_by:%B %Y}" in content


def test_a_notice_dated_before_the_la_was_told_is_an_error_on_the_page(officer_client, devon):
    entry = case_in(CaseStatus.ENQUIRY, authority=devon)
    before = row(entry)
    too_early = entry.notified_on - timedelta(days=1)

    response = officer_client.post(
        move_url(entry),
        posted(
            entry,
            CaseStatus.SAO_PRELIMINARY,
            **today_parts("sao_preliminary_served_on", too_early),
        ),
    )

    assert response.status_code == 200
    message = (
        "The date the notice was served must be on or after the day the local authority was "
        f"told about the child ({entry.notified_on.day} {entry.notified_on:%B %Y})"
    )
    assert error_summary(response) == [("id_sao_preliminary_served_on_0", message)]
    assert field_errors(response) == [message]
    assert row(entry) == before
    assert not AttendanceOrderStep.objects.filter(entry=entry).exists()


def test_an_order_without_its_school_or_reason_shows_every_problem(officer_client, devon):
    entry = case_in(CaseStatus.SAO_NOMINATION, authority=devon)

    response = officer_client.post(
        move_url(entry),
        posted(entry, CaseStatus.SAO_SERVED, reason="  ", **today_parts("sao_served_served_on")),
    )

    assert [message for _, message in error_summary(response)] == [
        "Enter the name of the school the local authority names",
        "Enter why the case is moving to Attendance order served",
    ]
    assert RegisterEntry.objects.get(pk=entry.pk).status == CaseStatus.SAO_NOMINATION


def test_an_over_long_reason_is_refused(officer_client, devon):
    entry = case_in(CaseStatus.REGISTERED, authority=devon)

    response = officer_client.post(
        move_url(entry), posted(entry, CaseStatus.ENQUIRY, reason="x" * 2001)
    )

    assert error_summary(response) == [("id_reason", REASON_TOO_LONG)]
    assert RegisterEntry.objects.get(pk=entry.pk).status == CaseStatus.REGISTERED


@pytest.mark.parametrize("regime", list(Regime), ids=str)
@pytest.mark.parametrize("from_status", list(CaseStatus), ids=str)
def test_a_move_the_state_does_not_allow_is_refused_on_the_page_in_the_rules_words(
    officer_client, devon, regime, from_status
):
    refused = [
        to
        for to in CaseStatus
        if not transition_allowed(regime=regime, from_status=from_status, to_status=to)
    ]
    to_status = refused[len(refused) // 2]
    entry = case_in(from_status, authority=devon, regime=regime)
    before = row(entry)

    response = officer_client.post(
        move_url(entry),
        posted(entry, to_status, closure_reason=ClosureReason.RETURNED_TO_SCHOOL),
    )

    assert response.status_code == 200
    refusal = transition_refusal(regime=regime, from_status=from_status, to_status=to_status)
    assert refusal in [message for _, message in error_summary(response)]
    assert row(entry) == before
    assert not CaseTransition.objects.filter(entry=entry).exists()


def test_a_stale_form_is_refused_and_the_page_shows_the_case_as_it_is_now(officer_client, devon):
    entry = case_in(CaseStatus.REGISTERED, authority=devon)
    page_version = posted(entry, CaseStatus.SUITABLE_MONITORING)
    officer_client.post(move_url(entry), posted(entry, CaseStatus.ENQUIRY))
    moved = row(entry)

    response = officer_client.post(move_url(entry), page_version)

    assert error_summary(response)[0][1] == STALE
    assert row(entry) == moved
    assert summary_rows(response)["Status"] == "Enquiry"


def test_a_closed_case_offers_no_moves_and_refuses_one(officer_client, devon):
    entry = case_in(CaseStatus.CLOSED, authority=devon)
    before = row(entry)

    page = officer_client.get(case_url(entry))
    response = officer_client.post(move_url(entry), posted(entry, CaseStatus.REGISTERED))

    assert offered(page) == []
    assert "This case is closed, so it cannot move" in text(page.content.decode())
    assert [message for _, message in error_summary(response)] == [CLOSED_IS_FINAL]
    assert row(entry) == before


def test_closing_asks_how_the_case_ended(officer_client, devon):
    entry = case_in(CaseStatus.REGISTERED, authority=devon)

    refused = officer_client.post(move_url(entry), posted(entry, CaseStatus.CLOSED))
    closed = officer_client.post(
        move_url(entry),
        posted(entry, CaseStatus.CLOSED, closure_reason=ClosureReason.LEFT_ENGLAND),
    )

    assert error_summary(refused) == [
        ("id_closure_reason_1", "Select why the case is being closed")
    ]
    assert closed.status_code == 302
    saved = RegisterEntry.objects.get(pk=entry.pk)
    assert (saved.status, saved.closure_reason) == (CaseStatus.CLOSED, ClosureReason.LEFT_ENGLAND)


def test_another_las_child_is_not_found_and_not_moved(officer_client, cornwall):
    entry = case_in(CaseStatus.REGISTERED, authority=cornwall)
    before = row(entry)

    assert officer_client.get(case_url(entry)).status_code == 404
    assert (
        officer_client.post(move_url(entry), posted(entry, CaseStatus.ENQUIRY)).status_code == 404
    )
    assert row(entry) == before


def test_an_la_administrator_sees_the_case_but_cannot_move_it(client, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)
    sign_in_fully(client, admin)
    entry = case_in(CaseStatus.REGISTERED, authority=devon)
    before = row(entry)

    page = client.get(case_url(entry))
    response = client.post(move_url(entry), posted(entry, CaseStatus.ENQUIRY))

    assert page.status_code == 200
    assert offered(page) == []
    assert "Only officers and managers can move a case" in text(page.content.decode())
    assert response.status_code == 403
    assert row(entry) == before
    assert AuditEvent.objects.filter(
        actor=admin, outcome=AuditEvent.Outcome.DENIED, action=AuditEvent.Action.UPDATE
    ).exists()


def test_a_manager_may_move_a_case(client, devon):
    manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
    sign_in_fully(client, manager)
    entry = case_in(CaseStatus.REGISTERED, authority=devon)

    response = client.post(move_url(entry), posted(entry, CaseStatus.ENQUIRY))

    assert response.status_code == 302
    assert RegisterEntry.objects.get(pk=entry.pk).status == CaseStatus.ENQUIRY


def test_every_view_of_the_case_is_audited_naming_the_child(officer_client, officer, devon):
    entry = case_in(CaseStatus.REGISTERED, authority=devon)

    officer_client.get(case_url(entry))

    event = AuditEvent.objects.get(actor=officer, action=AuditEvent.Action.VIEW)
    assert (event.object_type, event.object_id, event.outcome) == (
        "child",
        str(entry.child_id),
        AuditEvent.Outcome.ALLOWED,
    )


def test_the_timeline_shows_the_moves_and_the_steps(officer_client, devon):
    entry = case_in(CaseStatus.ENQUIRY, authority=devon)
    officer_client.post(
        move_url(entry),
        posted(entry, CaseStatus.SAO_PRELIMINARY, **today_parts("sao_preliminary_served_on")),
    )

    response = officer_client.get(
        reverse("staff:child-timeline", kwargs={"child_id": entry.child_id})
    )

    content = text(response.content.decode())
    assert "Status: Attendance order: notice to satisfy (s.437(1))" in content
    assert "Notice to satisfy the local authority that the child is receiving suitable" in content
    assert "the parent's period ends on" in content


def test_the_case_page_runs_the_same_statements_whatever_the_size_of_the_register_or_case(
    officer_client, officer, devon
):
    entry = case_in(CaseStatus.ENQUIRY, authority=devon)
    children_registered_in_bulk(devon, 100)

    def statements() -> int:
        return len(statements_run(lambda: officer_client.get(case_url(entry))))

    few = statements()
    children_registered_in_bulk(devon, 9_900, start=100)
    # A long case: round the notice and back, with a step each time.
    for _ in range(5):
        for to_status in (
            CaseStatus.SAO_PRELIMINARY,
            CaseStatus.SUITABLE_MONITORING,
            CaseStatus.ENQUIRY,
        ):
            entry.refresh_from_db()
            case_move(
                entry=entry,
                to_status=to_status,
                reason=WHY,
                actor=staff_actor(officer),
                expected_version=entry.version,
                step=StepDetails(served_on=timezone.localdate()),
            )

    assert AttendanceOrderStep.objects.filter(entry=entry).count() == 5
    assert statements() == few


def test_under_the_act_a_preliminary_notice_says_its_ground(officer_client, devon):
    entry = case_in(CaseStatus.INFO_OUTSTANDING, authority=devon, regime=Regime.CNIS_2026)
    served = today_parts("sao_preliminary_served_on")

    refused = officer_client.post(
        move_url(entry), posted(entry, CaseStatus.SAO_PRELIMINARY, **served)
    )
    response = officer_client.post(
        move_url(entry),
        posted(
            entry,
            CaseStatus.SAO_PRELIMINARY,
            sao_preliminary_trigger=AttendanceOrderTrigger.INFORMATION_NOT_GIVEN,
            **served,
        ),
        follow=True,
    )

    assert error_summary(refused) == [
        ("id_sao_preliminary_trigger_1", "Select why the attendance order process is beginning")
    ]
    content = text(response.content.decode())
    assert "The case is now: Attendance order: preliminary notice" in content
    assert "Ground: Register information not given" in content


def test_a_prosecution_is_begun_and_ends_with_its_outcome(officer_client, devon):
    entry = case_in(CaseStatus.SAO_SERVED, authority=devon, regime=Regime.CNIS_2026)
    officer_client.post(
        move_url(entry),
        posted(entry, CaseStatus.PROSECUTION, **today_parts("prosecution_served_on")),
    )
    entry.refresh_from_db()

    no_outcome = officer_client.post(
        move_url(entry),
        posted(entry, CaseStatus.SAO_REVOKED, **today_parts("sao_revoked_served_on")),
    )
    response = officer_client.post(
        move_url(entry),
        posted(
            entry,
            CaseStatus.SAO_REVOKED,
            sao_revoked_outcome=ProsecutionOutcome.ACQUITTED,
            **today_parts("sao_revoked_served_on"),
        ),
        follow=True,
    )

    assert [message for _, message in error_summary(no_outcome)] == [
        "Select how the prosecution ended"
    ]
    content = text(response.content.decode())
    assert "Prosecution for failing to comply with the order (s.443)" in content
    assert "Outcome of the prosecution (s.443)" in content
    assert "Outcome: Acquitted" in content
    assert "School attendance order revoked" in content
    assert RegisterEntry.objects.get(pk=entry.pk).status == CaseStatus.SAO_REVOKED
