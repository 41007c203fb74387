"""The case workflow under both laws, checked move by move against the domain spec (e), (f).

Every expectation here is written out by hand from the spec, not read from the table.
"""

import pytest

from registers.rules.cases import (
    OPENING_STATUSES,
    next_statuses,
    transition_allowed,
    transition_errors,
    transition_refusal,
    transition_required_fields,
)
from registers.rules.codes import CaseStatus as S
from registers.rules.codes import Regime

TODAY_LAW, THE_ACT = Regime.EHE_2019, Regime.CNIS_2026
BOTH = pytest.mark.parametrize("regime", [TODAY_LAW, THE_ACT], ids=["ehe-2019", "cnis-2026"])


def _pair_id(pair: tuple[S, S]) -> str:
    return f"{pair[0].value}-to-{pair[1].value}"


def test_a_case_opens_as_notified_in_an_eligibility_check_or_awaiting_consent():
    assert OPENING_STATUSES == {S.NOTIFIED, S.ELIGIBILITY_CHECK, S.CONSENT_PENDING}


# Under today's law a lack of information leads to an informal enquiry, and a notice to
# satisfy follows only when education appears unsuitable; under the Act not giving register
# information, not answering a request, child protection grounds or a refused visit are
# triggers in themselves.
STRAIGHT_TO_A_NOTICE = [
    (S.REGISTERED, S.SAO_PRELIMINARY),
    (S.INFO_OUTSTANDING, S.SAO_PRELIMINARY),
    (S.SUITABLE_MONITORING, S.SAO_PRELIMINARY),
]


@pytest.mark.parametrize("pair", STRAIGHT_TO_A_NOTICE, ids=_pair_id)
def test_only_the_act_serves_a_notice_without_an_enquiry(pair):
    from_status, to_status = pair

    assert not transition_allowed(regime=TODAY_LAW, from_status=from_status, to_status=to_status)
    assert transition_allowed(regime=THE_ACT, from_status=from_status, to_status=to_status)


def test_the_regimes_differ_in_nothing_else():
    differences = {
        (from_status, to_status)
        for from_status in S
        for to_status in S
        if transition_allowed(regime=TODAY_LAW, from_status=from_status, to_status=to_status)
        != transition_allowed(regime=THE_ACT, from_status=from_status, to_status=to_status)
    }

    assert differences == set(STRAIGHT_TO_A_NOTICE)


ALLOWED_UNDER_BOTH = [
    # Opening and the eligibility check (f).
    (S.NOTIFIED, S.ELIGIBILITY_CHECK),
    (S.NOTIFIED, S.CONSENT_PENDING),
    (S.ELIGIBILITY_CHECK, S.REGISTERED),
    (S.ELIGIBILITY_CHECK, S.CONSENT_PENDING),
    (S.ELIGIBILITY_CHECK, S.CME),
    # Consent granted: the school may delete the child, whose eligibility is then checked.
    (S.CONSENT_PENDING, S.ELIGIBILITY_CHECK),
    # Informal enquiry when information is missing or suitability unclear (EHE guidance 5-6).
    (S.REGISTERED, S.INFO_OUTSTANDING),
    (S.REGISTERED, S.ENQUIRY),
    (S.REGISTERED, S.SUITABLE_MONITORING),
    (S.INFO_OUTSTANDING, S.ENQUIRY),
    (S.INFO_OUTSTANDING, S.REGISTERED),
    (S.ENQUIRY, S.SUITABLE_MONITORING),
    (S.SUITABLE_MONITORING, S.ENQUIRY),
    (S.SUITABLE_MONITORING, S.INFO_OUTSTANDING),
    # The attendance order path (e): notice to satisfy, naming a school, the order.
    (S.ENQUIRY, S.SAO_PRELIMINARY),
    (S.CME, S.SAO_PRELIMINARY),
    (S.SAO_PRELIMINARY, S.SAO_NOMINATION),
    (S.SAO_NOMINATION, S.SAO_SERVED),
    (S.SAO_SERVED, S.SAO_COMPLIED),
    (S.SAO_SERVED, S.SAO_REVOKED),
    (S.SAO_SERVED, S.PROSECUTION),
    # A child with an EHC plan is given no notice naming a school.
    (S.SAO_PRELIMINARY, S.SAO_SERVED),
    # A parent who satisfies the LA during a notice goes back to monitoring.
    (S.SAO_PRELIMINARY, S.SUITABLE_MONITORING),
    (S.SAO_NOMINATION, S.SUITABLE_MONITORING),
    (S.SAO_REVOKED, S.SUITABLE_MONITORING),
    # A prosecution ends with the order standing, complied with or revoked.
    (S.PROSECUTION, S.SAO_SERVED),
    (S.PROSECUTION, S.SAO_COMPLIED),
    (S.PROSECUTION, S.SAO_REVOKED),
    # Moving away, and a child the new LA cannot find.
    (S.SUITABLE_MONITORING, S.TRANSFER_OUT),
    (S.SAO_SERVED, S.TRANSFER_OUT),
    (S.TRANSFER_OUT, S.CME),
    (S.CME, S.TRANSFER_OUT),
]

REFUSED_UNDER_BOTH = [
    # Registration follows an eligibility check.
    (S.NOTIFIED, S.REGISTERED),
    (S.CONSENT_PENDING, S.REGISTERED),
    # A child on roll awaiting consent is neither missing education nor transferring.
    (S.CONSENT_PENDING, S.CME),
    (S.CONSENT_PENDING, S.TRANSFER_OUT),
    # No stage of an attendance order is skipped, and none runs backwards.
    (S.ENQUIRY, S.SAO_NOMINATION),
    (S.ENQUIRY, S.SAO_SERVED),
    (S.REGISTERED, S.SAO_SERVED),
    (S.SAO_NOMINATION, S.SAO_PRELIMINARY),
    (S.SAO_SERVED, S.SAO_NOMINATION),
    (S.SUITABLE_MONITORING, S.PROSECUTION),
    (S.SAO_PRELIMINARY, S.PROSECUTION),
    # An order stands until revoked: satisfying the LA now means revocation.
    (S.SAO_SERVED, S.SUITABLE_MONITORING),
    # A child at the named school is a pupil again: the case can only close.
    (S.SAO_COMPLIED, S.SUITABLE_MONITORING),
    (S.SAO_COMPLIED, S.CME),
    (S.SAO_COMPLIED, S.TRANSFER_OUT),
    # A prosecution is concluded first.
    (S.PROSECUTION, S.CME),
    (S.PROSECUTION, S.TRANSFER_OUT),
    (S.PROSECUTION, S.SUITABLE_MONITORING),
    # An opening status is not gone back to once the case is on the register.
    (S.REGISTERED, S.NOTIFIED),
    (S.REGISTERED, S.ELIGIBILITY_CHECK),
    (S.SUITABLE_MONITORING, S.CONSENT_PENDING),
]


@BOTH
@pytest.mark.parametrize("pair", ALLOWED_UNDER_BOTH, ids=_pair_id)
def test_moves_open_under_both_laws(regime, pair):
    from_status, to_status = pair

    assert transition_allowed(regime=regime, from_status=from_status, to_status=to_status)
    assert transition_refusal(regime=regime, from_status=from_status, to_status=to_status) is None


@BOTH
@pytest.mark.parametrize("pair", REFUSED_UNDER_BOTH, ids=_pair_id)
def test_moves_refused_under_both_laws(regime, pair):
    from_status, to_status = pair

    assert not transition_allowed(regime=regime, from_status=from_status, to_status=to_status)
    assert transition_refusal(regime=regime, from_status=from_status, to_status=to_status)


@BOTH
@pytest.mark.parametrize("to_status", list(S), ids=lambda status: status.value)
def test_a_closed_case_never_moves_again(regime, to_status):
    assert not transition_allowed(regime=regime, from_status=S.CLOSED, to_status=to_status)


@BOTH
@pytest.mark.parametrize("from_status", [s for s in S if s != S.CLOSED], ids=lambda s: s.value)
def test_every_open_case_can_be_closed_and_none_stays_where_it_is(regime, from_status):
    assert transition_allowed(regime=regime, from_status=from_status, to_status=S.CLOSED)
    assert not transition_allowed(regime=regime, from_status=from_status, to_status=from_status)


@BOTH
def test_every_status_can_be_reached_from_an_opening_status(regime):
    reached, frontier = set(OPENING_STATUSES), list(OPENING_STATUSES)
    while frontier:
        for following in next_statuses(regime=regime, status=frontier.pop()):
            if following not in reached:
                reached.add(following)
                frontier.append(following)

    assert reached == set(S)


@pytest.mark.parametrize(
    ("regime", "status", "expected"),
    [
        pytest.param(
            TODAY_LAW,
            S.REGISTERED,
            (
                S.INFO_OUTSTANDING,
                S.ENQUIRY,
                S.SUITABLE_MONITORING,
                S.CME,
                S.TRANSFER_OUT,
                S.CLOSED,
            ),
            id="registered-today",
        ),
        pytest.param(
            THE_ACT,
            S.REGISTERED,
            (
                S.INFO_OUTSTANDING,
                S.ENQUIRY,
                S.SUITABLE_MONITORING,
                S.SAO_PRELIMINARY,
                S.CME,
                S.TRANSFER_OUT,
                S.CLOSED,
            ),
            id="registered-under-the-act",
        ),
        pytest.param(
            TODAY_LAW,
            S.SAO_PRELIMINARY,
            (
                S.SUITABLE_MONITORING,
                S.SAO_NOMINATION,
                S.SAO_SERVED,
                S.CME,
                S.TRANSFER_OUT,
                S.CLOSED,
            ),
            id="notice-to-satisfy",
        ),
        pytest.param(
            THE_ACT,
            S.PROSECUTION,
            (S.SAO_SERVED, S.SAO_COMPLIED, S.SAO_REVOKED, S.CLOSED),
            id="prosecution",
        ),
        pytest.param(TODAY_LAW, S.SAO_COMPLIED, (S.CLOSED,), id="complied"),
        pytest.param(
            THE_ACT, S.CONSENT_PENDING, (S.ELIGIBILITY_CHECK, S.CLOSED), id="consent-pending"
        ),
        pytest.param(THE_ACT, S.CLOSED, (), id="closed"),
    ],
)
def test_the_next_steps_are_offered_in_workflow_order(regime, status, expected):
    assert next_statuses(regime=regime, status=status) == expected


def test_statuses_may_be_given_as_their_stored_values():
    assert transition_allowed(regime="cnis_2026", from_status="registered", to_status="closed")
    assert next_statuses(regime="ehe_2019", status="sao_complied") == (S.CLOSED,)


@pytest.mark.parametrize(
    ("regime", "from_status", "to_status", "expected"),
    [
        pytest.param(
            THE_ACT,
            S.REGISTERED,
            S.SAO_SERVED,
            "A case that is Registered cannot move to Attendance order served",
            id="skipping-the-notices",
        ),
        pytest.param(
            TODAY_LAW,
            S.INFO_OUTSTANDING,
            S.SAO_PRELIMINARY,
            "A case that is Information outstanding cannot move to Attendance order: notice to "
            "satisfy – under the current law, make an enquiry first, because a notice to satisfy "
            "follows only when education does not appear to be suitable",
            id="enquiry-first-today",
        ),
        pytest.param(
            TODAY_LAW,
            S.CLOSED,
            S.REGISTERED,
            "This case is closed – to put the child back on the register, add them again",
            id="closed",
        ),
        pytest.param(
            THE_ACT,
            S.SUITABLE_MONITORING,
            S.SUITABLE_MONITORING,
            "The case is already Suitable – monitoring – choose a different status",
            id="same-status",
        ),
        pytest.param(
            TODAY_LAW,
            S.REGISTERED,
            "reopened",
            "Select a status the case can move to",
            id="unknown-status",
        ),
    ],
)
def test_a_refusal_says_what_is_wrong_in_plain_words(regime, from_status, to_status, expected):
    assert (
        transition_refusal(regime=regime, from_status=from_status, to_status=to_status) == expected
    )


@pytest.mark.parametrize(
    ("to_status", "expected"),
    [
        (S.CLOSED, ("reason", "closure_reason")),
        (S.REGISTERED, ("reason",)),
        (S.SAO_SERVED, ("reason",)),
    ],
)
def test_every_move_needs_a_reason_and_closing_needs_how_the_case_ended(to_status, expected):
    assert transition_required_fields(to_status=to_status) == expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param(
            {"to_status": S.ENQUIRY, "reason": "Parent's report was brief"}, {}, id="complete"
        ),
        pytest.param(
            {"to_status": S.ENQUIRY, "reason": "  "},
            {"reason": ["Enter why the case is moving to Enquiry"]},
            id="blank-reason",
        ),
        pytest.param(
            {"to_status": S.CLOSED, "reason": "Started at Exeter Academy"},
            {"closure_reason": ["Select why the case is being closed"]},
            id="closing-without-how",
        ),
        pytest.param(
            {"to_status": S.CLOSED, "reason": "Moved", "closure_reason": "moved_away"},
            {"closure_reason": ["Select why the case is being closed"]},
            id="closing-with-an-unknown-reason",
        ),
        pytest.param(
            {"to_status": S.CLOSED, "reason": "Moved", "closure_reason": "moved_out_of_area"},
            {},
            id="closing-with-how",
        ),
        pytest.param(
            # A closure reason left over from a form is not read when the case is not closing.
            {"to_status": S.ENQUIRY, "reason": "Unclear", "closure_reason": "deceased"},
            {},
            id="closure-reason-ignored-unless-closing",
        ),
        pytest.param(
            {"to_status": S.ENQUIRY, "reason": "Checked", "eligibility_basis": "E-C9"},
            {
                "eligibility_basis": [
                    "Select the part of section 436B(5) the child is eligible under"
                ]
            },
            id="unknown-eligibility-basis",
        ),
        pytest.param(
            {"to_status": S.CME, "reason": "Not found", "cme_reason": "vanished"},
            {"cme_reason": ["Select why the child is missing education"]},
            id="unknown-reason-for-missing-education",
        ),
        pytest.param(
            {
                "to_status": S.CME,
                "reason": "Not found",
                "cme_reason": "believed_moved_to_another_la",
            },
            {},
            id="missing-education-with-why",
        ),
        pytest.param(
            # Why a child is missing education may be left out: it is then "Not recorded".
            {"to_status": S.CME, "reason": "Not found"},
            {},
            id="missing-education-without-why",
        ),
        pytest.param(
            {"to_status": S.ENQUIRY, "reason": "Unclear", "cme_reason": "vanished"},
            {},
            id="cme-reason-ignored-unless-missing-education",
        ),
        pytest.param(
            {"to_status": S.SAO_SERVED, "reason": ""},
            {
                "status": ["A case that is Registered cannot move to Attendance order served"],
                "reason": ["Enter why the case is moving to Attendance order served"],
            },
            id="every-problem-at-once",
        ),
    ],
)
def test_what_is_missing_from_a_move_is_named_by_field(answers, expected):
    assert transition_errors(regime=THE_ACT, from_status=S.REGISTERED, **answers) == expected
