"""Opening a case and moving it: the service obeys the table, records every move, and a move it
refuses changes nothing."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from registers.actors import SCHEDULER, Actor
from registers.errors import ApplicationError
from registers.models import AuditEvent, CaseTransition, RegisterEntry
from registers.rules.cases import OPENING_STATUSES, transition_allowed, transition_refusal
from registers.rules.codes import (
    CaseStatus,
    ClosureReason,
    Door,
    EligibilityBasis,
    NotificationSource,
    Regime,
)
from registers.services.cases import StaleEntry, register_entry_open, register_entry_transition
from tests.factories import ChildFactory, RegisterEntryFactory, staff_actor

pytestmark = pytest.mark.django_db

# 10:30 on 28 November 2026 (GMT, so the same in London).
NOW = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)
TODAY = date(2026, 11, 28)
WHY = "Spoke to the parent on the phone"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def _quick_passwords(settings):
    # Hundreds of officers are made below; the real hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def entry_in(status: CaseStatus, *, authority, regime=Regime.EHE_2019, **fields) -> RegisterEntry:
    """An entry already in `status`; a closed one has the date and reason the database needs."""
    closed = status == CaseStatus.CLOSED
    return RegisterEntryFactory(
        child__authority=authority,
        status=status,
        regime=regime,
        closed_on=date(2026, 10, 1) if closed else None,
        closure_reason=ClosureReason.NOT_ELIGIBLE if closed else "",
        **fields,
    )


def row(entry: RegisterEntry) -> dict:
    return RegisterEntry.objects.filter(pk=entry.pk).values().get()


def move(entry: RegisterEntry, to_status: CaseStatus, *, actor: Actor, **overrides):
    arguments = dict(
        entry=entry,
        to_status=to_status,
        reason=WHY,
        actor=actor,
        expected_version=entry.version,
        closure_reason=ClosureReason.RETURNED_TO_SCHOOL if to_status == CaseStatus.CLOSED else "",
    )
    arguments.update(overrides)
    return register_entry_transition(**arguments)


@pytest.mark.parametrize("regime", list(Regime), ids=str)
@pytest.mark.parametrize("from_status", list(CaseStatus), ids=str)
def test_every_move_is_made_and_recorded_or_refused_leaving_the_case_as_it_was(
    devon, officer, regime, from_status
):
    # One test per starting point, trying every status as the next one, each on its own case.
    for to_status in CaseStatus:
        entry = entry_in(from_status, authority=devon, regime=regime)
        before = row(entry)
        steps = CaseTransition.objects.filter(entry=entry)
        events = AuditEvent.objects.filter(object_id=str(entry.pk))
        move_name = f"{from_status} to {to_status}"

        if transition_allowed(regime=regime, from_status=from_status, to_status=to_status):
            moved = move(entry, to_status, actor=staff_actor(officer))

            saved = RegisterEntry.objects.get(pk=entry.pk)
            assert (moved.status, moved.version) == (to_status, 2), move_name
            assert (saved.status, saved.version, saved.modified_by) == (
                to_status,
                2,
                officer,
            ), move_name
            step = steps.get()
            assert (
                step.from_status,
                step.to_status,
                step.actor,
                step.door,
                step.occurred_at,
                step.reason,
            ) == (from_status, to_status, officer, Door.STAFF, NOW, WHY), move_name
            event = events.get()
            assert (
                event.action,
                event.object_type,
                event.actor,
                event.door,
                event.authority,
            ) == (AuditEvent.Action.UPDATE, "register_entry", officer, Door.STAFF, devon), (
                move_name
            )
            if to_status == CaseStatus.CLOSED:
                assert (saved.closed_on, saved.closure_reason) == (
                    TODAY,
                    ClosureReason.RETURNED_TO_SCHOOL,
                ), move_name
        else:
            with pytest.raises(ApplicationError) as raised:
                move(entry, to_status, actor=staff_actor(officer))

            refusal = transition_refusal(
                regime=regime, from_status=from_status, to_status=to_status
            )
            assert raised.value.errors == {"status": [refusal]}, move_name
            assert row(entry) == before, move_name
            assert not steps.exists(), move_name
            assert not events.exists(), move_name


def test_a_move_from_a_page_loaded_before_another_move_is_refused(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    # Someone else moves the case after the officer opened its page.
    register_entry_transition(
        entry=entry,
        to_status=CaseStatus.ENQUIRY,
        reason="Parent's report was brief",
        actor=staff_actor(officer),
        expected_version=1,
    )
    before = row(entry)

    with pytest.raises(StaleEntry) as raised:
        move(entry, CaseStatus.SUITABLE_MONITORING, actor=staff_actor(officer), expected_version=1)

    assert isinstance(raised.value, ApplicationError)
    assert raised.value.errors == {
        "__all__": ["This case has changed since you opened the page – check it and try again"]
    }
    assert row(entry) == before
    assert CaseTransition.objects.count() == 1
    assert AuditEvent.objects.count() == 1


@pytest.mark.parametrize(
    ("closure_reason", "expected"),
    [
        pytest.param("", ["Select why the case is being closed"], id="none"),
        pytest.param("moved", ["Select why the case is being closed"], id="not-a-closure-reason"),
    ],
)
def test_closing_needs_how_the_case_ended(devon, officer, closure_reason, expected):
    entry = entry_in(CaseStatus.SUITABLE_MONITORING, authority=devon)
    before = row(entry)

    with pytest.raises(ApplicationError) as raised:
        move(entry, CaseStatus.CLOSED, actor=staff_actor(officer), closure_reason=closure_reason)

    assert raised.value.errors == {"closure_reason": expected}
    assert row(entry) == before
    assert not CaseTransition.objects.exists()


@pytest.mark.parametrize("reason", ["", "   \n"], ids=["empty", "whitespace"])
def test_a_move_without_a_reason_is_refused(devon, officer, reason):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    before = row(entry)

    with pytest.raises(ApplicationError) as raised:
        move(entry, CaseStatus.ENQUIRY, actor=staff_actor(officer), reason=reason)

    assert raised.value.errors == {"reason": ["Enter why the case is moving to Enquiry"]}
    assert row(entry) == before
    assert not AuditEvent.objects.exists()


def test_the_reason_is_kept_without_surrounding_space(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)

    move(entry, CaseStatus.ENQUIRY, actor=staff_actor(officer), reason="  No reply to letter \n")

    assert CaseTransition.objects.get().reason == "No reply to letter"


def test_the_registration_date_is_the_first_day_the_child_was_registered(devon, officer):
    entry = entry_in(CaseStatus.ELIGIBILITY_CHECK, authority=devon)
    actor = staff_actor(officer)

    with time_machine.travel(datetime(2026, 9, 7, 9, tzinfo=UTC), tick=False):
        entry = move(entry, CaseStatus.REGISTERED, actor=actor)
        entry = move(entry, CaseStatus.INFO_OUTSTANDING, actor=actor)
    entry = move(entry, CaseStatus.REGISTERED, actor=actor)

    assert RegisterEntry.objects.get(pk=entry.pk).registered_on == date(2026, 9, 7)
    assert entry.version == 4


def test_the_eligibility_basis_is_kept_when_given(devon, officer):
    entry = entry_in(CaseStatus.ELIGIBILITY_CHECK, authority=devon, regime=Regime.CNIS_2026)

    move(
        entry,
        CaseStatus.REGISTERED,
        actor=staff_actor(officer),
        eligibility_basis=EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT,
    )

    assert RegisterEntry.objects.get(pk=entry.pk).eligibility_basis == "E-C2"


def test_a_move_made_in_the_past_is_recorded_on_its_own_dates(devon):
    entry = entry_in(CaseStatus.ELIGIBILITY_CHECK, authority=devon)
    imported = Actor(door=Door.IMPORT)
    # 23:30 UTC on 30 June is 00:30 on 1 July in London: the dates are London's.
    registered_at = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    closed_at = datetime(2026, 7, 20, 14, tzinfo=UTC)

    entry = move(entry, CaseStatus.REGISTERED, actor=imported, occurred_at=registered_at)
    entry = move(
        entry,
        CaseStatus.CLOSED,
        actor=imported,
        occurred_at=closed_at,
        closure_reason=ClosureReason.LEFT_ENGLAND,
    )

    saved = RegisterEntry.objects.get(pk=entry.pk)
    assert (saved.registered_on, saved.closed_on, saved.closure_reason) == (
        date(2026, 7, 1),
        date(2026, 7, 20),
        ClosureReason.LEFT_ENGLAND,
    )
    history = list(saved.transitions.values_list("to_status", "occurred_at", "door", "actor"))
    assert history == [
        (CaseStatus.REGISTERED, registered_at, Door.IMPORT, None),
        (CaseStatus.CLOSED, closed_at, Door.IMPORT, None),
    ]


def test_a_move_dated_in_the_future_or_before_the_last_one_is_refused(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    move(
        entry, CaseStatus.ENQUIRY, actor=staff_actor(officer), occurred_at=NOW - timedelta(days=2)
    )
    entry.refresh_from_db()

    for occurred_at, message in [
        (NOW + timedelta(minutes=1), "The date of the change must be today or in the past"),
        (
            NOW - timedelta(days=3),
            "The date of the change must be on or after the case's last change",
        ),
    ]:
        with pytest.raises(ApplicationError) as raised:
            move(
                entry,
                CaseStatus.SUITABLE_MONITORING,
                actor=staff_actor(officer),
                occurred_at=occurred_at,
            )
        assert raised.value.errors == {"occurred_at": [message]}

    assert RegisterEntry.objects.get(pk=entry.pk).status == CaseStatus.ENQUIRY


def test_a_scheduled_move_is_audited_for_the_entrys_authority(devon):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon, regime=Regime.CNIS_2026)

    move(entry, CaseStatus.INFO_OUTSTANDING, actor=SCHEDULER, reason="No answer in 15 days")

    event = AuditEvent.objects.get()
    assert (event.door, event.actor, event.authority) == (Door.SCHEDULER, None, devon)


def test_an_archived_case_does_not_move(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    entry.archive(actor=staff_actor(officer), reason="Entered twice")
    before = row(entry)

    with pytest.raises(ApplicationError) as raised:
        move(entry, CaseStatus.ENQUIRY, actor=staff_actor(officer))

    assert raised.value.errors == {
        "__all__": ["This case has been archived, so its status cannot change"]
    }
    assert row(entry) == before


# Opening ----------------------------------------------------------------------------------


def test_a_case_is_opened_with_its_first_step_and_an_audit_event(devon, officer):
    devon.regime = Regime.CNIS_2026
    devon.save()
    child = ChildFactory(authority=devon)

    entry = register_entry_open(
        authority=devon,
        child=child,
        status=CaseStatus.NOTIFIED,
        source=NotificationSource.SCHOOL,
        actor=staff_actor(officer),
        reason="Off-roll notice from Exeter Academy",
        previous_school_name=" Exeter Academy ",
        previous_school_urn="136543",
        still_on_roll=True,
    )

    saved = RegisterEntry.objects.get(pk=entry.pk)
    assert (saved.status, saved.regime, saved.version, saved.notified_on) == (
        CaseStatus.NOTIFIED,
        Regime.CNIS_2026,
        1,
        TODAY,
    )
    assert (saved.source, saved.previous_school_name, saved.previous_school_urn) == (
        NotificationSource.SCHOOL,
        "Exeter Academy",
        "136543",
    )
    assert saved.still_on_roll
    assert saved.created_by == officer
    assert len(saved.reference) == 9 and saved.reference[4] == "-"
    step = CaseTransition.objects.get(entry=entry)
    assert (step.from_status, step.to_status, step.actor, step.door, step.occurred_at) == (
        "",
        CaseStatus.NOTIFIED,
        officer,
        Door.STAFF,
        NOW,
    )
    assert step.reason == "Off-roll notice from Exeter Academy"
    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.object_id, event.categories) == (
        AuditEvent.Action.CREATE,
        "register_entry",
        str(entry.pk),
        ["education"],
    )


@pytest.mark.parametrize("status", sorted(OPENING_STATUSES), ids=str)
def test_a_case_may_open_in_each_opening_status(devon, officer, status):
    entry = register_entry_open(
        authority=devon,
        child=ChildFactory(authority=devon),
        status=status,
        source=NotificationSource.PARENT,
        actor=staff_actor(officer),
        reason=WHY,
    )

    assert entry.status == status


@pytest.mark.parametrize(
    "status",
    [CaseStatus.REGISTERED, CaseStatus.SAO_SERVED, CaseStatus.CLOSED],
    ids=str,
)
def test_a_case_may_not_open_further_along(devon, officer, status):
    with pytest.raises(ApplicationError) as raised:
        register_entry_open(
            authority=devon,
            child=ChildFactory(authority=devon),
            status=status,
            source=NotificationSource.PARENT,
            actor=staff_actor(officer),
            reason=WHY,
        )

    assert raised.value.errors == {
        "status": ["A new case can only start as Notified, Eligibility check or Consent pending"]
    }
    assert not RegisterEntry.objects.exists()
    assert not CaseTransition.objects.exists()
    assert not AuditEvent.objects.exists()


def test_opening_needs_a_reason(devon, officer):
    with pytest.raises(ApplicationError) as raised:
        register_entry_open(
            authority=devon,
            child=ChildFactory(authority=devon),
            status=CaseStatus.NOTIFIED,
            source=NotificationSource.PARENT,
            actor=staff_actor(officer),
            reason=" ",
        )

    assert raised.value.errors == {"reason": ["Enter why the case is being opened"]}
    assert not RegisterEntry.objects.exists()


def test_a_child_with_an_open_case_is_not_given_a_second(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)

    with pytest.raises(ApplicationError) as raised:
        register_entry_open(
            authority=devon,
            child=entry.child,
            status=CaseStatus.NOTIFIED,
            source=NotificationSource.SCHOOL,
            actor=staff_actor(officer),
            reason=WHY,
        )

    assert raised.value.errors == {
        "__all__": ["This child already has an open case – use that case instead"]
    }
    assert RegisterEntry.objects.count() == 1


def test_a_child_who_comes_back_is_given_a_new_case(devon, officer):
    closed = entry_in(CaseStatus.CLOSED, authority=devon)

    entry = register_entry_open(
        authority=devon,
        child=closed.child,
        status=CaseStatus.NOTIFIED,
        source=NotificationSource.PARENT,
        actor=staff_actor(officer),
        reason="Withdrawn from school again",
    )

    assert entry.pk != closed.pk
    assert entry.reference != closed.reference
    assert list(closed.child.entries.order_by("created_at").values_list("status", flat=True)) == [
        CaseStatus.CLOSED,
        CaseStatus.NOTIFIED,
    ]


def test_another_las_child_is_not_given_a_case_here(devon, cornwall, officer):
    with pytest.raises(ApplicationError) as raised:
        register_entry_open(
            authority=devon,
            child=ChildFactory(authority=cornwall),
            status=CaseStatus.NOTIFIED,
            source=NotificationSource.PARENT,
            actor=staff_actor(officer),
            reason=WHY,
        )

    assert raised.value.errors == {
        "__all__": ["This child is on another local authority's register"]
    }
    assert not RegisterEntry.objects.exists()


def test_an_imported_case_keeps_the_day_it_was_notified(devon):
    # 23:30 UTC on 31 August is 00:30 on 1 September in London.
    occurred_at = datetime(2026, 8, 31, 23, 30, tzinfo=UTC)

    entry = register_entry_open(
        authority=devon,
        child=ChildFactory(authority=devon),
        status=CaseStatus.NOTIFIED,
        source=NotificationSource.OTHER_LOCAL_AUTHORITY,
        actor=Actor(door=Door.IMPORT),
        reason="Imported from the previous register",
        occurred_at=occurred_at,
    )
    told_earlier = register_entry_open(
        authority=devon,
        child=ChildFactory(authority=devon),
        status=CaseStatus.NOTIFIED,
        source=NotificationSource.SCHOOL,
        actor=Actor(door=Door.IMPORT),
        reason="Imported from the previous register",
        occurred_at=occurred_at,
        notified_on=date(2026, 8, 20),
    )

    assert entry.notified_on == date(2026, 9, 1)
    assert told_earlier.notified_on == date(2026, 8, 20)
    step = CaseTransition.objects.get(entry=entry)
    assert (step.occurred_at, step.door, step.actor) == (occurred_at, Door.IMPORT, None)
    assert AuditEvent.objects.filter(authority=devon, door=Door.IMPORT).count() == 2


def test_a_move_to_missing_education_keeps_why_the_child_is_missing(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    move(
        entry,
        CaseStatus.CME,
        actor=staff_actor(officer),
        cme_reason="believed_moved_to_another_la",
    )
    assert CaseTransition.objects.get(entry=entry).cme_reason == "believed_moved_to_another_la"


def test_a_move_to_missing_education_without_why_is_recorded_as_not_recorded(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    move(entry, CaseStatus.CME, actor=staff_actor(officer))
    assert CaseTransition.objects.get(entry=entry).cme_reason == "not_recorded"


def test_why_a_child_is_missing_is_kept_only_with_a_move_to_missing_education(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    move(entry, CaseStatus.ENQUIRY, actor=staff_actor(officer), cme_reason="unknown")
    assert CaseTransition.objects.get(entry=entry).cme_reason == ""


def test_an_unknown_reason_for_missing_education_is_refused_and_nothing_moves(devon, officer):
    entry = entry_in(CaseStatus.REGISTERED, authority=devon)
    with pytest.raises(ApplicationError) as refused:
        move(entry, CaseStatus.CME, actor=staff_actor(officer), cme_reason="vanished")
    assert refused.value.errors == {"cme_reason": ["Select why the child is missing education"]}
    assert row(entry)["status"] == CaseStatus.REGISTERED
    assert not CaseTransition.objects.filter(entry=entry).exists()


def test_a_case_cannot_have_been_notified_after_it_opened(devon):
    with pytest.raises(ApplicationError) as refused:
        register_entry_open(
            authority=devon,
            child=ChildFactory(authority=devon),
            status=CaseStatus.NOTIFIED,
            source=NotificationSource.SCHOOL,
            actor=Actor(door=Door.IMPORT),
            reason="Imported from the previous register",
            occurred_at=datetime(2026, 9, 1, 9, 0, tzinfo=UTC),
            notified_on=date(2026, 9, 2),
        )
    assert refused.value.errors == {
        "notified_on": [
            "The date the local authority was told must be on or before the day the case opens"
        ]
    }
    assert not RegisterEntry.objects.exists()


def test_a_case_keeps_when_it_took_its_status(devon, officer):
    opened_at = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
    entry = register_entry_open(
        authority=devon,
        child=ChildFactory(authority=devon),
        status=CaseStatus.NOTIFIED,
        source=NotificationSource.PARENT,
        actor=staff_actor(officer),
        reason=WHY,
        occurred_at=opened_at,
    )
    assert row(entry)["status_since"] == opened_at

    moved_at = datetime(2026, 9, 3, 14, 0, tzinfo=UTC)
    move(entry, CaseStatus.ELIGIBILITY_CHECK, actor=staff_actor(officer), occurred_at=moved_at)
    assert row(entry)["status_since"] == moved_at
