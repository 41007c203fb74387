"""An officer's move of a case from its page: the move and the attendance order step it makes are
recorded together, in the law's words and with the LA's periods, or refused changing nothing."""

from datetime import date, timedelta

import pytest

from registers.errors import ApplicationError
from registers.models import AttendanceOrderStep, AuditEvent, CaseTransition, RegisterEntry
from registers.rules.attendance_orders import (
    OUTCOME_MISSING,
    SCHOOL_MISSING,
    TRIGGER_MISSING,
    StepDetails,
    step_kinds,
)
from registers.rules.cases import (
    CLOSED_IS_FINAL,
    REASON_TOO_LONG,
    transition_allowed,
    transition_refusal,
)
from registers.rules.codes import (
    AttendanceOrderStage,
    AttendanceOrderTrigger,
    CaseStatus,
    ClosureReason,
    CmeReason,
    ProsecutionOutcome,
    Regime,
)
from registers.services.cases import STALE, StaleEntry, case_move
from tests.factories import staff_actor
from tests.services.test_cases import (  # noqa: F401 (the fixtures are used)
    TODAY,
    _now,
    _quick_passwords,
    row,
)
from tests.services.test_cases import entry_in as case_in

pytestmark = pytest.mark.django_db

WHY = "The parent sent no evidence of education"
EVERY_DETAIL = StepDetails(
    served_on=TODAY,
    named_school="Exeter Road Primary School",
    trigger=AttendanceOrderTrigger.NOT_SUITABLE,
    outcome=ProsecutionOutcome.CONVICTED,
)


def entry_in(status, *, authority, **fields) -> RegisterEntry:
    """An entry in `status` whose LA was told about the child two months ago."""
    fields.setdefault("notified_on", TODAY - timedelta(days=60))
    return case_in(status, authority=authority, **fields)


def move(entry, to_status, *, actor, step=EVERY_DETAIL, **overrides):
    arguments = dict(
        entry=entry,
        to_status=to_status,
        reason=WHY,
        actor=actor,
        expected_version=entry.version,
        closure_reason=ClosureReason.RETURNED_TO_SCHOOL if to_status == CaseStatus.CLOSED else "",
        cme_reason=CmeReason.UNSUITABLE_HOME_EDUCATION if to_status == CaseStatus.CME else "",
        step=step,
    )
    arguments.update(overrides)
    return case_move(**arguments)


@pytest.mark.parametrize("regime", list(Regime), ids=str)
@pytest.mark.parametrize("from_status", list(CaseStatus), ids=str)
def test_every_pair_of_the_table_is_moved_with_its_steps_or_refused_changing_nothing(
    devon, officer, regime, from_status
):
    for to_status in CaseStatus:
        entry = entry_in(from_status, authority=devon, regime=regime)
        before = row(entry)
        name = f"{regime}: {from_status} to {to_status}"

        if transition_allowed(regime=regime, from_status=from_status, to_status=to_status):
            move(entry, to_status, actor=staff_actor(officer))

            saved = RegisterEntry.objects.get(pk=entry.pk)
            assert (saved.status, saved.version) == (to_status, 2), name
            transition = CaseTransition.objects.get(entry=entry)
            assert (transition.from_status, transition.actor, transition.reason) == (
                from_status,
                officer,
                WHY,
            ), name
            expected = [
                kind.stage
                for kind in step_kinds(regime=regime, from_status=from_status, to_status=to_status)
            ]
            steps = AttendanceOrderStep.objects.filter(entry=entry).order_by("created_at", "id")
            assert [step.stage for step in steps] == expected, name
            assert all(
                (step.transition, step.served_on, step.regime, step.created_by)
                == (transition, TODAY, regime, officer)
                for step in steps
            ), name
        else:
            with pytest.raises(ApplicationError) as raised:
                move(entry, to_status, actor=staff_actor(officer))
            refusal = transition_refusal(
                regime=regime, from_status=from_status, to_status=to_status
            )
            assert raised.value.errors == {"status": [refusal]}, name
            assert row(entry) == before, name
            assert not CaseTransition.objects.filter(entry=entry).exists(), name
            assert not AttendanceOrderStep.objects.filter(entry=entry).exists(), name
            assert not AuditEvent.objects.filter(object_id=str(entry.pk)).exists(), name


@pytest.mark.parametrize(
    ("regime", "to_status", "stage", "period_days", "respond_by"),
    [
        # 15 days beginning with the day of service: 1 December is day 1.
        (
            Regime.EHE_2019,
            CaseStatus.SAO_PRELIMINARY,
            AttendanceOrderStage.NOTICE_TO_SATISFY,
            15,
            date(2026, 11, 29),
        ),
        (
            Regime.CNIS_2026,
            CaseStatus.SAO_PRELIMINARY,
            AttendanceOrderStage.PRELIMINARY_NOTICE,
            20,
            date(2026, 12, 4),
        ),
    ],
)
def test_a_notice_gives_the_parent_the_las_period_from_service(
    devon, officer, regime, to_status, stage, period_days, respond_by
):
    devon.notice_to_satisfy_period_days = period_days
    devon.save()
    entry = entry_in(CaseStatus.ENQUIRY, authority=devon, regime=regime)

    move(
        entry,
        to_status,
        actor=staff_actor(officer),
        step=StepDetails(
            served_on=date(2026, 11, 15), trigger=AttendanceOrderTrigger.NOT_SUITABLE
        ),
    )

    step = AttendanceOrderStep.objects.get(entry=entry)
    assert (step.stage, step.served_on, step.respond_by) == (stage, date(2026, 11, 15), respond_by)
    assert step.trigger == AttendanceOrderTrigger.NOT_SUITABLE


@pytest.mark.parametrize(
    ("regime", "stage"),
    [
        (Regime.EHE_2019, AttendanceOrderStage.SCHOOL_NAMING_NOTICE),
        (Regime.CNIS_2026, AttendanceOrderStage.SCHOOL_NOMINATION_NOTICE),
    ],
)
def test_a_school_nomination_notice_names_the_school_and_gives_15_days(
    devon, officer, regime, stage
):
    entry = entry_in(CaseStatus.SAO_PRELIMINARY, authority=devon, regime=regime)

    move(
        entry,
        CaseStatus.SAO_NOMINATION,
        actor=staff_actor(officer),
        step=StepDetails(
            served_on=date(2026, 11, 20), named_school="  Exeter Road Primary School "
        ),
    )

    step = AttendanceOrderStep.objects.get(entry=entry)
    assert (step.stage, step.named_school, step.respond_by) == (
        stage,
        "Exeter Road Primary School",
        date(2026, 12, 4),
    )


def test_under_todays_law_the_notice_is_for_education_not_appearing_suitable(devon, officer):
    entry = entry_in(CaseStatus.ENQUIRY, authority=devon, regime=Regime.EHE_2019)

    move(
        entry,
        CaseStatus.SAO_PRELIMINARY,
        actor=staff_actor(officer),
        step=StepDetails(served_on=TODAY),
    )

    assert AttendanceOrderStep.objects.get(entry=entry).trigger == (
        AttendanceOrderTrigger.NOT_SUITABLE
    )


def test_under_the_act_the_notice_says_which_ground_it_is_served_on(devon, officer):
    entry = entry_in(CaseStatus.INFO_OUTSTANDING, authority=devon, regime=Regime.CNIS_2026)
    before = row(entry)

    with pytest.raises(ApplicationError) as raised:
        move(
            entry,
            CaseStatus.SAO_PRELIMINARY,
            actor=staff_actor(officer),
            step=StepDetails(served_on=TODAY),
        )
    assert raised.value.errors == {"trigger": [TRIGGER_MISSING]}
    assert row(entry) == before

    move(
        entry,
        CaseStatus.SAO_PRELIMINARY,
        actor=staff_actor(officer),
        step=StepDetails(served_on=TODAY, trigger=AttendanceOrderTrigger.INFORMATION_NOT_GIVEN),
    )
    assert AttendanceOrderStep.objects.get(entry=entry).trigger == (
        AttendanceOrderTrigger.INFORMATION_NOT_GIVEN
    )


def test_a_notice_served_before_the_la_was_told_about_the_child_is_refused(devon, officer):
    entry = entry_in(CaseStatus.ENQUIRY, authority=devon, notified_on=date(2026, 11, 1))
    before = row(entry)

    with pytest.raises(ApplicationError) as raised:
        move(
            entry,
            CaseStatus.SAO_PRELIMINARY,
            actor=staff_actor(officer),
            step=StepDetails(served_on=date(2026, 10, 31)),
        )

    assert raised.value.errors == {
        "served_on": [
            "The date the notice was served must be on or after the day the local authority "
            "was told about the child (1 November 2026)"
        ]
    }
    assert row(entry) == before
    assert not CaseTransition.objects.filter(entry=entry).exists()


def test_an_order_served_before_its_notice_is_refused(devon, officer):
    entry = entry_in(CaseStatus.ENQUIRY, authority=devon)
    actor = staff_actor(officer)
    move(
        entry,
        CaseStatus.SAO_PRELIMINARY,
        actor=actor,
        step=StepDetails(served_on=date(2026, 11, 10)),
    )
    entry.refresh_from_db()
    before = row(entry)

    with pytest.raises(ApplicationError) as raised:
        move(
            entry,
            CaseStatus.SAO_SERVED,
            actor=actor,
            step=StepDetails(
                served_on=date(2026, 11, 9), named_school="Exeter Road Primary School"
            ),
        )

    assert raised.value.errors == {
        "served_on": [
            "The date the order was served must be on or after the date of the last step, "
            "Notice to satisfy the local authority that the child is receiving suitable "
            "education (s.437(1)) (10 November 2026)"
        ]
    }
    assert row(entry) == before
    assert AttendanceOrderStep.objects.filter(entry=entry).count() == 1


def test_a_step_dated_in_the_future_or_without_a_date_is_refused(devon, officer):
    entry = entry_in(CaseStatus.ENQUIRY, authority=devon)

    with pytest.raises(ApplicationError) as future:
        move(
            entry,
            CaseStatus.SAO_PRELIMINARY,
            actor=staff_actor(officer),
            step=StepDetails(served_on=TODAY + timedelta(days=1)),
        )
    with pytest.raises(ApplicationError) as missing:
        move(entry, CaseStatus.SAO_PRELIMINARY, actor=staff_actor(officer), step=StepDetails())

    assert future.value.errors == {
        "served_on": ["The date the notice was served must be today or in the past"]
    }
    assert missing.value.errors == {"served_on": ["Enter the date the notice was served"]}
    assert not AttendanceOrderStep.objects.filter(entry=entry).exists()


def test_an_order_names_its_school(devon, officer):
    entry = entry_in(CaseStatus.SAO_NOMINATION, authority=devon)

    with pytest.raises(ApplicationError) as raised:
        move(
            entry,
            CaseStatus.SAO_SERVED,
            actor=staff_actor(officer),
            step=StepDetails(served_on=TODAY, named_school="   "),
        )

    assert raised.value.errors == {"named_school": [SCHOOL_MISSING]}


@pytest.mark.parametrize("outcome", list(ProsecutionOutcome), ids=str)
def test_a_prosecution_ends_with_its_outcome(devon, officer, outcome):
    entry = entry_in(CaseStatus.PROSECUTION, authority=devon)

    with pytest.raises(ApplicationError) as raised:
        move(
            entry,
            CaseStatus.SAO_SERVED,
            actor=staff_actor(officer),
            step=StepDetails(served_on=TODAY),
        )
    assert raised.value.errors == {"outcome": [OUTCOME_MISSING]}

    move(
        entry,
        CaseStatus.SAO_REVOKED,
        actor=staff_actor(officer),
        step=StepDetails(served_on=TODAY, outcome=outcome),
    )
    assert list(
        AttendanceOrderStep.objects.filter(entry=entry)
        .order_by("created_at", "id")
        .values_list("stage", "outcome")
    ) == [
        (AttendanceOrderStage.PROSECUTION_OUTCOME, outcome),
        (AttendanceOrderStage.ORDER_REVOKED, ""),
    ]


def test_a_move_from_a_stale_page_is_refused(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    move(entry, CaseStatus.ENQUIRY, actor=staff_actor(officer))
    moved = row(entry)

    with pytest.raises(StaleEntry) as raised:
        move(entry, CaseStatus.SUITABLE_MONITORING, actor=staff_actor(officer))

    assert str(raised.value) == STALE
    assert row(entry) == moved


def test_a_closed_case_is_not_changed(devon, officer):
    entry = entry_in(CaseStatus.CLOSED, authority=devon)
    before = row(entry)

    with pytest.raises(ApplicationError) as raised:
        move(entry, CaseStatus.REGISTERED, actor=staff_actor(officer))

    assert raised.value.errors == {"status": [CLOSED_IS_FINAL]}
    assert row(entry) == before


def test_a_reason_too_long_is_refused(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    before = row(entry)

    with pytest.raises(ApplicationError) as raised:
        move(entry, CaseStatus.ENQUIRY, actor=staff_actor(officer), reason="x" * 2001)

    assert raised.value.errors == {"reason": [REASON_TOO_LONG]}
    assert row(entry) == before
    move(entry, CaseStatus.ENQUIRY, actor=staff_actor(officer), reason="x" * 2000)
    assert RegisterEntry.objects.get(pk=entry.pk).status == CaseStatus.ENQUIRY


def test_every_problem_with_a_move_is_said_at_once(devon, officer):
    entry = entry_in(CaseStatus.SAO_NOMINATION, authority=devon)

    with pytest.raises(ApplicationError) as raised:
        move(
            entry,
            CaseStatus.SAO_SERVED,
            actor=staff_actor(officer),
            reason=" ",
            step=StepDetails(),
        )

    assert set(raised.value.errors) == {"reason", "served_on", "named_school"}
