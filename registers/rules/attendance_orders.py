"""The school attendance order process: which step each move of a case records, in the words of
the law the case is worked under, and what a step needs (domain spec, section (e)).

Today's law (Education Act 1996): a notice to satisfy (s.437(1)), giving at least 15 days from
service (s.437(2)); a notice naming the school the LA intends to name, with 15 days for the
parent to choose another (s.438(2) to (4)); the order (s.437(3)); revocation (s.442); the offence
of failing to comply (s.443). Under the Children's Wellbeing and Schools Act 2026: a preliminary
notice, a school nomination notice with 15 days from service (s.436K), the order (s.436I).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from registers.rules.codes import (
    AttendanceOrderStage,
    AttendanceOrderTrigger,
    CaseStatus,
    ProsecutionOutcome,
    Regime,
)
from registers.rules.deadlines import days_beginning_with, long_date

NAMED_SCHOOL_MAX_LENGTH = 200


@dataclass(frozen=True)
class StepKind:
    """A step of the process as one law has it.

    `date_question` is the step's date as a question's words ("the date the notice was
    served"); `period` names the LA's setting for the days the parent has from that date, if
    any; `school`, `trigger` and `outcome` say whether the step names a school, says why the
    process began, or records how a prosecution ended.
    """

    stage: AttendanceOrderStage
    label: str
    date_question: str
    period: str = ""
    school: bool = False
    trigger: bool = False
    outcome: bool = False


_NOTICE_SERVED = "the date the notice was served"
_ORDER_SERVED = "the date the order was served"

_ORDER_COMPLIED = StepKind(
    AttendanceOrderStage.COMPLIED,
    "School attendance order complied with: the child is registered at the named school",
    "the date the child was registered at the school",
)
_PROSECUTION = StepKind(
    AttendanceOrderStage.PROSECUTION,
    "Prosecution for failing to comply with the order (s.443)",
    "the date proceedings began",
)
PROSECUTION_OUTCOME = StepKind(
    AttendanceOrderStage.PROSECUTION_OUTCOME,
    "Outcome of the prosecution (s.443)",
    "the date of the court's decision or of the withdrawal",
    outcome=True,
)

# The step each move into a status records, by law.
_STEPS: Mapping[Regime, Mapping[CaseStatus, StepKind]] = MappingProxyType(
    {
        Regime.EHE_2019: MappingProxyType(
            {
                CaseStatus.SAO_PRELIMINARY: StepKind(
                    AttendanceOrderStage.NOTICE_TO_SATISFY,
                    "Notice to satisfy the local authority that the child is receiving suitable "
                    "education (s.437(1))",
                    _NOTICE_SERVED,
                    period="notice_to_satisfy_period_days",
                    trigger=True,
                ),
                CaseStatus.SAO_NOMINATION: StepKind(
                    AttendanceOrderStage.SCHOOL_NAMING_NOTICE,
                    "Notice of intention to serve a school attendance order, naming the school "
                    "(s.438(2))",
                    _NOTICE_SERVED,
                    period="school_nomination_period_days",
                    school=True,
                ),
                CaseStatus.SAO_SERVED: StepKind(
                    AttendanceOrderStage.ORDER_SERVED,
                    "School attendance order served (s.437(3))",
                    _ORDER_SERVED,
                    school=True,
                ),
                CaseStatus.SAO_COMPLIED: _ORDER_COMPLIED,
                CaseStatus.SAO_REVOKED: StepKind(
                    AttendanceOrderStage.ORDER_REVOKED,
                    "School attendance order revoked (s.442)",
                    "the date the order was revoked",
                ),
                CaseStatus.PROSECUTION: _PROSECUTION,
            }
        ),
        Regime.CNIS_2026: MappingProxyType(
            {
                CaseStatus.SAO_PRELIMINARY: StepKind(
                    AttendanceOrderStage.PRELIMINARY_NOTICE,
                    "Preliminary notice",
                    _NOTICE_SERVED,
                    period="notice_to_satisfy_period_days",
                    trigger=True,
                ),
                CaseStatus.SAO_NOMINATION: StepKind(
                    AttendanceOrderStage.SCHOOL_NOMINATION_NOTICE,
                    "School nomination notice (s.436K)",
                    _NOTICE_SERVED,
                    period="school_nomination_period_days",
                    school=True,
                ),
                CaseStatus.SAO_SERVED: StepKind(
                    AttendanceOrderStage.ORDER_SERVED,
                    "School attendance order served (s.436I)",
                    _ORDER_SERVED,
                    school=True,
                ),
                CaseStatus.SAO_COMPLIED: _ORDER_COMPLIED,
                CaseStatus.SAO_REVOKED: StepKind(
                    AttendanceOrderStage.ORDER_REVOKED,
                    "School attendance order revoked",
                    "the date the order was revoked",
                ),
                CaseStatus.PROSECUTION: _PROSECUTION,
            }
        ),
    }
)

# Why the process may begin. Today only because education does not appear suitable (s.437(1));
# under the Act also child protection grounds, information not given or a request not answered
# (s.436D), and a refused home visit.
TRIGGERS: Mapping[Regime, tuple[AttendanceOrderTrigger, ...]] = MappingProxyType(
    {
        Regime.EHE_2019: (AttendanceOrderTrigger.NOT_SUITABLE,),
        Regime.CNIS_2026: tuple(AttendanceOrderTrigger),
    }
)


def trigger_given(*, regime: Regime | str, trigger: str) -> str:
    """Why the process began: as the officer said, or, under a law with only one ground (today's
    s.437(1)), that one, which the officer is not asked for."""
    triggers = TRIGGERS[Regime(regime)]
    return triggers[0] if len(triggers) == 1 else trigger


def step_kinds(
    *, regime: Regime | str, from_status: CaseStatus | str, to_status: CaseStatus | str
) -> tuple[StepKind, ...]:
    """The steps of the process a move records, in order; none for a move outside it.

    A move out of a prosecution records how it ended, and, where the order was then complied
    with or revoked, that too (on the same day).
    """
    steps = _STEPS[Regime(regime)]
    if from_status == CaseStatus.PROSECUTION:
        after = steps.get(CaseStatus(to_status))
        if to_status in (CaseStatus.SAO_COMPLIED, CaseStatus.SAO_REVOKED) and after:
            return (PROSECUTION_OUTCOME, after)
        return (PROSECUTION_OUTCOME,)
    kind = steps.get(CaseStatus(to_status)) if to_status in CaseStatus.values else None
    return (kind,) if kind else ()


def stage_label(*, regime: Regime | str, stage: AttendanceOrderStage | str) -> str:
    """A recorded step's name in the words of the law its case is worked under."""
    if stage == AttendanceOrderStage.PROSECUTION_OUTCOME:
        return PROSECUTION_OUTCOME.label
    for kind in _STEPS[Regime(regime)].values():
        if kind.stage == stage:
            return kind.label
    return AttendanceOrderStage(stage).label


def step_date_label(*, regime: Regime | str, stage: AttendanceOrderStage | str) -> str:
    """What a recorded step's date is, as a column or row heading ("Date notice was served")."""
    if stage == AttendanceOrderStage.PROSECUTION_OUTCOME:
        question = PROSECUTION_OUTCOME.date_question
    else:
        kinds = [kind for kind in _STEPS[Regime(regime)].values() if kind.stage == stage]
        question = kinds[0].date_question if kinds else "the date"
    return question[4:5].upper() + question[5:] if question.startswith("the ") else question


def respond_by(*, kind: StepKind, served_on: date, periods: Mapping[str, int]) -> date | None:
    """The last day of the parent's period from the step's date, counted as the law counts "a
    period of N days beginning with" service; None for a step that gives no period."""
    if not kind.period:
        return None
    return days_beginning_with(served_on, periods[kind.period])


@dataclass(frozen=True)
class StepDetails:
    """What the officer gives about the step a move records."""

    served_on: date | None = None
    named_school: str = ""
    trigger: str = ""
    outcome: str = ""


def _date_required(kind: StepKind) -> str:
    return f"Enter {kind.date_question}"


def _date_name(kind: StepKind) -> str:
    return kind.date_question[0].upper() + kind.date_question[1:]


SCHOOL_MISSING = "Enter the name of the school the local authority names"
SCHOOL_TOO_LONG = f"The name of the school must be {NAMED_SCHOOL_MAX_LENGTH} characters or fewer"
TRIGGER_MISSING = "Select why the attendance order process is beginning"
OUTCOME_MISSING = "Select how the prosecution ended"


def step_errors(
    *,
    regime: Regime | str,
    kinds: tuple[StepKind, ...],
    details: StepDetails,
    notified_on: date,
    last_step: tuple[str, date] | None,
    today: date,
) -> dict[str, list[str]]:
    """Everything wrong with the details of the steps a move records, by field.

    A step's date may not be in the future, nor before the LA was told about the child, nor
    before the process's last step (`last_step`: its name and date): an order is not served
    before its notice.
    """
    if not kinds:
        return {}
    errors: dict[str, list[str]] = {}
    first = kinds[0]
    served_on = details.served_on
    if served_on is None:
        errors["served_on"] = [_date_required(first)]
    elif served_on > today:
        errors["served_on"] = [f"{_date_name(first)} must be today or in the past"]
    elif served_on < notified_on:
        errors["served_on"] = [
            f"{_date_name(first)} must be on or after the day the local authority was told "
            f"about the child ({long_date(notified_on)})"
        ]
    elif last_step is not None and served_on < last_step[1]:
        errors["served_on"] = [
            f"{_date_name(first)} must be on or after the date of the last step, "
            f"{last_step[0]} ({long_date(last_step[1])})"
        ]
    if any(kind.school for kind in kinds):
        school = details.named_school.strip()
        if not school:
            errors["named_school"] = [SCHOOL_MISSING]
        elif len(school) > NAMED_SCHOOL_MAX_LENGTH:
            errors["named_school"] = [SCHOOL_TOO_LONG]
    if any(kind.trigger for kind in kinds) and details.trigger not in TRIGGERS[Regime(regime)]:
        errors["trigger"] = [TRIGGER_MISSING]
    if any(kind.outcome for kind in kinds) and details.outcome not in ProsecutionOutcome.values:
        errors["outcome"] = [OUTCOME_MISSING]
    return errors
