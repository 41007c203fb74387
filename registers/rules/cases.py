"""Which way a case may move: the officer's workflow for a register entry, under either law.

An entry is worked under the law its LA was under when it was opened (`Regime`): today's
elective home education law (Education Act 1996 s.437 and the 2019 departmental guidance), or
the register duties the Children's Wellbeing and Schools Act 2026 inserts as ss.436B to 436I
once they are commenced. The two share one workflow (domain spec, sections (e) and (f)) except
for when an attendance order process may begin.
"""

from collections.abc import Mapping
from types import MappingProxyType

from registers.rules.codes import CaseStatus, ClosureReason, CmeReason, EligibilityBasis, Regime

# The statuses a new entry starts in: a notification from a parent, school, agency or another
# LA; a child the LA found and is checking; or a child still on roll whose withdrawal needs the
# LA's consent (s.434A).
OPENING_STATUSES: frozenset[CaseStatus] = frozenset(
    {CaseStatus.NOTIFIED, CaseStatus.ELIGIBILITY_CHECK, CaseStatus.CONSENT_PENDING}
)

# The statuses in which a child is on the register and parents may be asked for an update
# (s.436D).
UPDATE_REQUEST_STATUSES: tuple[CaseStatus, ...] = (
    CaseStatus.REGISTERED,
    CaseStatus.SUITABLE_MONITORING,
    CaseStatus.ENQUIRY,
    CaseStatus.INFO_OUTSTANDING,
)

# The moves open to a case under both laws. CLOSED is terminal: a child who comes back is
# given a new entry, so that the history behind the national return is never rewritten.
_SHARED: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.NOTIFIED: frozenset(
        {
            CaseStatus.ELIGIBILITY_CHECK,
            CaseStatus.CONSENT_PENDING,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # A child off roll with no education at all is children missing education, not home
    # educated (CME statutory guidance); one who turns out not to be eligible is closed.
    CaseStatus.ELIGIBILITY_CHECK: frozenset(
        {
            CaseStatus.CONSENT_PENDING,
            CaseStatus.REGISTERED,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # While consent is pending the child is still a registered pupil, so is neither missing
    # education nor on another LA's register. Consent granted: the school may now delete the
    # child, and eligibility is checked once it has. Refused: the child stays on roll (closed).
    CaseStatus.CONSENT_PENDING: frozenset({CaseStatus.ELIGIBILITY_CHECK, CaseStatus.CLOSED}),
    CaseStatus.REGISTERED: frozenset(
        {
            CaseStatus.INFO_OUTSTANDING,
            CaseStatus.ENQUIRY,
            CaseStatus.SUITABLE_MONITORING,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # Under today's law a parent who gives no information is asked informally; the lack of an
    # answer may lead the LA to conclude that education does not appear suitable (2019
    # guidance, chapters 5 and 6).
    CaseStatus.INFO_OUTSTANDING: frozenset(
        {
            CaseStatus.REGISTERED,
            CaseStatus.ENQUIRY,
            CaseStatus.SUITABLE_MONITORING,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # Both laws start the attendance order process when education does not appear suitable:
    # s.437(1) today, trigger A of the Act.
    CaseStatus.ENQUIRY: frozenset(
        {
            CaseStatus.SUITABLE_MONITORING,
            CaseStatus.SAO_PRELIMINARY,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # A periodic review that raises doubts opens an enquiry; an update request left unanswered
    # leaves information outstanding.
    CaseStatus.SUITABLE_MONITORING: frozenset(
        {
            CaseStatus.INFO_OUTSTANDING,
            CaseStatus.ENQUIRY,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # The notice to satisfy (s.437(1); the preliminary notice the Act's s.39 defines). A parent who
    # satisfies the LA within its period goes back to monitoring. For a child with an EHC plan
    # there is no notice naming a school: the plan's school is named in the order (s.441 today;
    # the Act's s.436K school nomination notice is not used), so the order follows directly.
    CaseStatus.SAO_PRELIMINARY: frozenset(
        {
            CaseStatus.SUITABLE_MONITORING,
            CaseStatus.SAO_NOMINATION,
            CaseStatus.SAO_SERVED,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # The notice naming a school (s.438 today; s.436K under the Act). The parent may still
    # satisfy the LA, or register the child at a school (closed: returned to school).
    CaseStatus.SAO_NOMINATION: frozenset(
        {
            CaseStatus.SUITABLE_MONITORING,
            CaseStatus.SAO_SERVED,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # An order stays in force for the rest of compulsory school age unless revoked (s.437(4)),
    # so a parent who now satisfies the LA has the order revoked (s.442) rather than going
    # straight back to monitoring. Breach is an offence (s.443).
    CaseStatus.SAO_SERVED: frozenset(
        {
            CaseStatus.SAO_COMPLIED,
            CaseStatus.SAO_REVOKED,
            CaseStatus.PROSECUTION,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # The child is a registered pupil at the named school again, so is off the register.
    CaseStatus.SAO_COMPLIED: frozenset({CaseStatus.CLOSED}),
    CaseStatus.SAO_REVOKED: frozenset(
        {
            CaseStatus.SUITABLE_MONITORING,
            CaseStatus.CME,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # A prosecution ends before anything else happens: the order may still stand after the
    # hearing, have been complied with, or be revoked (on acquittal the court may direct that
    # it ceases, s.443(2)).
    CaseStatus.PROSECUTION: frozenset(
        {
            CaseStatus.SAO_SERVED,
            CaseStatus.SAO_COMPLIED,
            CaseStatus.SAO_REVOKED,
            CaseStatus.CLOSED,
        }
    ),
    # An EHE child whose education is unsuitable counts as missing education; such a child
    # may be served a notice to satisfy (s.437(1)). A child found again is checked afresh, or
    # enquired about, or traced to another LA.
    CaseStatus.CME: frozenset(
        {
            CaseStatus.ELIGIBILITY_CHECK,
            CaseStatus.ENQUIRY,
            CaseStatus.SAO_PRELIMINARY,
            CaseStatus.TRANSFER_OUT,
            CaseStatus.CLOSED,
        }
    ),
    # A child the new LA cannot find is missing education here until traced (CME guidance).
    CaseStatus.TRANSFER_OUT: frozenset({CaseStatus.CME, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset(),
}

# Under the Act, failing to give the register information (s.436D) or to answer the LA's
# request is itself a ground for a preliminary notice (triggers C and D), and so are child
# protection grounds (trigger B) and a refused home visit: none needs an enquiry into
# suitability first. Today parents have no duty to give information, so a notice to satisfy
# follows only when education appears unsuitable (s.437(1)): after an enquiry, or from CME.
_CNIS_2026_ONLY: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.REGISTERED: frozenset({CaseStatus.SAO_PRELIMINARY}),
    CaseStatus.INFO_OUTSTANDING: frozenset({CaseStatus.SAO_PRELIMINARY}),
    CaseStatus.SUITABLE_MONITORING: frozenset({CaseStatus.SAO_PRELIMINARY}),
}

TRANSITIONS: Mapping[Regime, Mapping[CaseStatus, frozenset[CaseStatus]]] = MappingProxyType(
    {
        Regime.EHE_2019: MappingProxyType(dict(_SHARED)),
        Regime.CNIS_2026: MappingProxyType(
            {
                status: moves | _CNIS_2026_ONLY.get(status, frozenset())
                for status, moves in _SHARED.items()
            }
        ),
    }
)

# What an officer is told when today's law asks for an enquiry before a notice to satisfy.
_ENQUIRY_FIRST = (
    " – under the current law, make an enquiry first, because a notice to satisfy follows only "
    "when education does not appear to be suitable"
)

# The attendance order statuses in the words of the law the case is worked under; the others
# read the same under both.
_STATUS_LABELS: Mapping[Regime, Mapping[CaseStatus, str]] = MappingProxyType(
    {
        Regime.EHE_2019: MappingProxyType(
            {
                CaseStatus.SAO_PRELIMINARY: "Attendance order: notice to satisfy (s.437(1))",
                CaseStatus.SAO_NOMINATION: "Attendance order: notice naming a school (s.438)",
                CaseStatus.SAO_SERVED: "Attendance order served (s.437(3))",
                CaseStatus.SAO_REVOKED: "Attendance order revoked (s.442)",
                CaseStatus.PROSECUTION: "Prosecution (s.443)",
            }
        ),
        Regime.CNIS_2026: MappingProxyType(
            {
                CaseStatus.SAO_PRELIMINARY: "Attendance order: preliminary notice",
                CaseStatus.SAO_NOMINATION: "Attendance order: school nomination notice (s.436K)",
                CaseStatus.SAO_SERVED: "Attendance order served (s.436I)",
                CaseStatus.PROSECUTION: "Prosecution (s.443)",
            }
        ),
    }
)


def status_label(*, regime: Regime | str, status: CaseStatus | str) -> str:
    """A status in the words of the law the case is worked under."""
    known = _status(status)
    if known is None:
        return str(status)
    return _STATUS_LABELS[Regime(regime)].get(known, known.label)


# The longest reason a move keeps: enough for a paragraph or two; longer notes belong in a
# contact or a letter.
REASON_MAX_LENGTH = 2000
REASON_TOO_LONG = f"The reason must be {REASON_MAX_LENGTH} characters or fewer"

CLOSED_IS_FINAL = "This case is closed – to put the child back on the register, add them again"
UNKNOWN_STATUS = "Select a status the case can move to"
REASON_MISSING = "Enter why the case is moving to {status}"
REASON_MISSING_NO_STATUS = "Enter why the case's status is changing"
CLOSURE_REASON_MISSING = "Select why the case is being closed"
ELIGIBILITY_BASIS_UNKNOWN = "Select the part of section 436B(5) the child is eligible under"
CME_REASON_UNKNOWN = "Select why the child is missing education"


def _status(value: CaseStatus | str) -> CaseStatus | None:
    try:
        return CaseStatus(value)
    except ValueError:
        return None


def transition_allowed(
    *, regime: Regime | str, from_status: CaseStatus | str, to_status: CaseStatus | str
) -> bool:
    """Whether a case worked under `regime` may move from one status to another."""
    moves = TRANSITIONS[Regime(regime)].get(_status(from_status), frozenset())
    return _status(to_status) in moves


def transition_refusal(
    *, regime: Regime | str, from_status: CaseStatus | str, to_status: CaseStatus | str
) -> str | None:
    """Why the move may not be made, in words an officer can act on; None if it may."""
    if transition_allowed(regime=regime, from_status=from_status, to_status=to_status):
        return None
    current, wanted = _status(from_status), _status(to_status)
    if current is None or wanted is None:
        return UNKNOWN_STATUS
    if current == CaseStatus.CLOSED:
        return CLOSED_IS_FINAL
    if current == wanted:
        return f"The case is already {current.label} – choose a different status"
    refusal = f"A case that is {current.label} cannot move to {wanted.label}"
    if (
        wanted == CaseStatus.SAO_PRELIMINARY
        and Regime(regime) == Regime.EHE_2019
        and current in _CNIS_2026_ONLY
    ):
        refusal += _ENQUIRY_FIRST
    return refusal


def next_statuses(*, regime: Regime | str, status: CaseStatus | str) -> tuple[CaseStatus, ...]:
    """The statuses the case may move to, in the workflow's order (CLOSED last)."""
    moves = TRANSITIONS[Regime(regime)].get(_status(status), frozenset())
    return tuple(candidate for candidate in CaseStatus if candidate in moves)


def transition_required_fields(*, to_status: CaseStatus | str) -> tuple[str, ...]:
    """The answers a move needs besides the status: always why, and how a closed case ended."""
    if _status(to_status) == CaseStatus.CLOSED:
        return ("reason", "closure_reason")
    return ("reason",)


def transition_errors(
    *,
    regime: Regime | str,
    from_status: CaseStatus | str,
    to_status: CaseStatus | str,
    reason: str,
    closure_reason: str = "",
    eligibility_basis: str = "",
    cme_reason: str = "",
) -> dict[str, list[str]]:
    """Everything wrong with a proposed move, by field; empty if it may be made.

    `closure_reason` is read only when the move closes the case, `cme_reason` (which may be
    left out) only when it makes the case missing education.
    """
    errors: dict[str, list[str]] = {}
    refusal = transition_refusal(regime=regime, from_status=from_status, to_status=to_status)
    if refusal:
        errors["status"] = [refusal]
    required = transition_required_fields(to_status=to_status)
    if not reason.strip():
        wanted = _status(to_status)
        errors["reason"] = [
            REASON_MISSING.format(status=wanted.label) if wanted else REASON_MISSING_NO_STATUS
        ]
    elif len(reason.strip()) > REASON_MAX_LENGTH:
        errors["reason"] = [REASON_TOO_LONG]
    if "closure_reason" in required and closure_reason not in ClosureReason.values:
        errors["closure_reason"] = [CLOSURE_REASON_MISSING]
    if eligibility_basis and eligibility_basis not in EligibilityBasis.values:
        errors["eligibility_basis"] = [ELIGIBILITY_BASIS_UNKNOWN]
    moving_to_cme = _status(to_status) == CaseStatus.CME
    if moving_to_cme and cme_reason and cme_reason not in CmeReason.values:
        errors["cme_reason"] = [CME_REASON_UNKNOWN]
    return errors
