"""Who must be on the register: Education Act 1996 s.436B.

Section 436B was inserted by the Children's Wellbeing and Schools Act 2026.
"""

from dataclasses import dataclass
from datetime import date

from registers.rules.codes import EligibilityBasis
from registers.rules.school_age import is_of_compulsory_school_age

ALL_BASES: frozenset[EligibilityBasis] = frozenset(EligibilityBasis)

NOT_IN_AREA = "The child does not live in the local authority's area."
NOT_ARRANGED = (
    "The child is a registered pupil at a school that has not arranged for them to be "
    "educated elsewhere."
)
NOT_ABSENT = (
    "The child's school has arranged for them to be educated elsewhere, but they are not "
    "absent for any of the time a full-time pupil would attend."
)
REGISTERED_ELSEWHERE = (
    "The child is a part-time student but is also registered at another relevant school."
)

# Plain-English description of each basis, used when regulations exclude a child who meets it.
_BASIS_DESCRIPTIONS: dict[EligibilityBasis, str] = {
    EligibilityBasis.NOT_REGISTERED: "is not a registered pupil at a relevant school",
    EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT: (
        "is educated away from their school by arrangement with the school"
    ),
    EligibilityBasis.PART_TIME_STUDENT: "is a part-time student",
}


@dataclass(frozen=True)
class SchoolStatus:
    """The facts about a child's school registration that s.436B(5) turns on."""

    registered_at_relevant_school: bool
    proprietor_arranged_education_elsewhere: bool = False
    absent_for_some_or_all_of_school_time: bool = False
    is_part_time_student: bool = False
    registered_at_another_relevant_school: bool = False


@dataclass(frozen=True)
class Eligibility:
    """The outcome of the s.436B tests.

    `basis` is the s.436B(5) limb the child is eligible under, and is None unless `eligible`.
    """

    eligible: bool
    basis: EligibilityBasis | None
    reasons_not_eligible: tuple[str, ...]


def _bases_met(school: SchoolStatus) -> tuple[EligibilityBasis, ...]:
    """Return, in statutory order, every s.436B(5) limb that the child meets."""
    if not school.registered_at_relevant_school:
        return (EligibilityBasis.NOT_REGISTERED,)
    met: list[EligibilityBasis] = []
    # s.436B(5)(b) needs both the proprietor's arrangement and actual absence.
    if (
        school.proprietor_arranged_education_elsewhere
        and school.absent_for_some_or_all_of_school_time
    ):
        met.append(EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT)
    # s.436B(5)(c): registration at another relevant school takes a part-time student out.
    if school.is_part_time_student and not school.registered_at_another_relevant_school:
        met.append(EligibilityBasis.PART_TIME_STUDENT)
    return tuple(met)


def _reasons_no_basis_met(school: SchoolStatus) -> tuple[str, ...]:
    """Explain why a registered child meets none of the s.436B(5) limbs."""
    reasons: list[str] = []
    if not school.proprietor_arranged_education_elsewhere:
        reasons.append(NOT_ARRANGED)
    elif not school.absent_for_some_or_all_of_school_time:
        reasons.append(NOT_ABSENT)
    if school.is_part_time_student:
        # Only reachable when registered elsewhere, since otherwise s.436B(5)(c) is met.
        reasons.append(REGISTERED_ELSEWHERE)
    return tuple(reasons)


def _excluded_reason(basis: EligibilityBasis) -> str:
    """Explain that regulations under s.436B(6) exclude a child meeting `basis`."""
    return (
        f"The child {_BASIS_DESCRIPTIONS[basis]}, but regulations exclude children in that "
        f"group ({basis}) from the register."
    )


def eligibility(
    *,
    lives_in_area: bool,
    date_of_birth: date,
    on: date,
    school: SchoolStatus,
    enabled_bases: frozenset[EligibilityBasis] = ALL_BASES,
) -> Eligibility:
    """Apply the s.436B tests on the day `on`, listing every test the child fails."""
    reasons: list[str] = []
    # s.436B(3) (test E-A): the child lives in the authority's area.
    if not lives_in_area:
        reasons.append(NOT_IN_AREA)
    # s.436B(4) (test E-B): the child is of compulsory school age (EA 1996 s.8).
    if not is_of_compulsory_school_age(date_of_birth, on):
        reasons.append(f"The child is not of compulsory school age on {on.day} {on:%B %Y}.")
    # s.436B(5) (test E-C). Regulations under s.436B(6) may exclude some of these children, so
    # meeting a limb only counts if that basis is enabled.
    met = _bases_met(school)
    basis = next((b for b in met if b in enabled_bases), None)
    if basis is None:
        if met:
            reasons.extend(_excluded_reason(b) for b in met)
        else:
            reasons.extend(_reasons_no_basis_met(school))
    if reasons:
        return Eligibility(eligible=False, basis=None, reasons_not_eligible=tuple(reasons))
    return Eligibility(eligible=True, basis=basis, reasons_not_eligible=())
