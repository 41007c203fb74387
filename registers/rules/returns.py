"""The national return: who it counts, and its code lists in each period's own words.

Each LA sends the Department for Education a termly return on children in elective home
education and children missing education (domain spec, section (g)). Here, once:

- which states of a case count as elective home education, and which as missing education;
- the time-missing bands of the children missing education return;
- every code list the return uses, as the publication had it in each period, so that an old
  term's return comes out in that term's labels. A label not confirmed against the DfE's own
  files says so where it is set, and is set only there.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from registers.rules.census import Term, academic_year_label
from registers.rules.codes import (
    CaseStatus,
    CmeReason,
    CodeList,
    EligibilityBasis,
    PreviousSchoolType,
    PrimaryReason,
    SenProvision,
    Sex,
    YearGroup,
)

# A term of an academic year, (first calendar year, term), as the code lists are keyed.
Period = tuple[int, Term]
T = TypeVar("T")


def _order(period: Period) -> tuple[int, int]:
    year, term = period
    return (year, list(Term).index(term))


def _in_force(history: Iterable[tuple[Period, T]], period: Period) -> T | None:
    """The value of a (from period, value) history in force in the period; None before it."""
    in_force = [value for since, value in history if _order(since) <= _order(period)]
    return in_force[-1] if in_force else None


# The collection began (voluntarily) in autumn 2022 and became mandatory in autumn 2024.
FIRST_RETURN: Period = (2022, Term.AUTUMN)
# The children missing education return gained time missing and reason in autumn 2023.
AUTUMN_2023: Period = (2023, Term.AUTUMN)
# The 2025/26 release relabelled "Sex unknown", added reasons and showed small percentages as
# `low`.
AUTUMN_2025: Period = (2025, Term.AUTUMN)

BEFORE_FIRST_RETURN = (
    "The national return began with the autumn term of "
    f"{academic_year_label(FIRST_RETURN[0])}: choose that term or a later one"
)


def return_period_refusal(period: Period) -> str | None:
    """Why no return can be made for the period; None if one can."""
    if _order(period) < _order(FIRST_RETURN):
        return BEFORE_FIRST_RETURN
    return None


# ---------------------------------------------------------------------------------------------
# Who the return counts.
# ---------------------------------------------------------------------------------------------

# On the register and home educated: from the day the child is entered on the register until
# the case leaves for school, for missing education, for another LA, or is closed. A child who
# is only notified, or whose eligibility is still being checked, is not yet on the register; a
# child whose withdrawal awaits the LA's consent is still a registered pupil (s.434A). An order
# complied with means the child is a registered pupil again.
ELECTIVE_HOME_EDUCATION: frozenset[CaseStatus] = frozenset(
    {
        CaseStatus.REGISTERED,
        CaseStatus.INFO_OUTSTANDING,
        CaseStatus.ENQUIRY,
        CaseStatus.SUITABLE_MONITORING,
        CaseStatus.SAO_PRELIMINARY,
        CaseStatus.SAO_NOMINATION,
        CaseStatus.SAO_SERVED,
        CaseStatus.SAO_REVOKED,
        CaseStatus.PROSECUTION,
    }
)

# Missing education: off roll with no education, whereabouts unknown, or home education found
# unsuitable (an EHE child whose education is unsuitable counts as CME, not EHE: DfE
# methodology). A child being transferred out is counted by neither: they have left the area,
# and if the new LA cannot find them the case moves back to missing education here.
MISSING_EDUCATION: frozenset[CaseStatus] = frozenset({CaseStatus.CME})

# Children on the Children Not in School register who are still registered pupils, educated
# elsewhere by the school's arrangement (flexi-schooling, s.436B(5)(b)), or part-time students
# (s.436B(5)(c)), are not electively home educated, so the EHE return leaves them out.
NOT_HOME_EDUCATED: frozenset[EligibilityBasis] = frozenset(
    {EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT, EligibilityBasis.PART_TIME_STUDENT}
)

# "Withdrawn from mainstream education": the previous school was a state-funded mainstream
# school, as the DfE's statistics use the word (not special, AP, PRU or independent schools).
MAINSTREAM_SCHOOLS: frozenset[PreviousSchoolType] = frozenset(
    {PreviousSchoolType.LA_MAINTAINED, PreviousSchoolType.ACADEMY, PreviousSchoolType.FREE_SCHOOL}
)

# Moves that count in the academic-year figures besides starts (a move into EHE from anything
# else) and returns to school (below).
SECTION_437_NOTICE = CaseStatus.SAO_PRELIMINARY  # s.437(1) notice, or the Act's preliminary
ORDER_SERVED = CaseStatus.SAO_SERVED  # an order served, unless the case comes back from court
ORDER_SERVED_NOT_FROM = CaseStatus.PROSECUTION  # after a hearing the order stands: not new
ORDER_REVOKED = CaseStatus.SAO_REVOKED
# A home-educated child returns to school when the case closes as returned to school, or when
# an attendance order is complied with (the child is a registered pupil at the named school).
RETURN_TO_SCHOOL_STATUS = CaseStatus.SAO_COMPLIED


# ---------------------------------------------------------------------------------------------
# Time missing education, in the published bands.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DurationBand:
    """A published band of time missing: from `from_days` up to, not including, `until_days`.

    The published labels ("2 to 4 weeks", "4 to 8 weeks") share their ends, so each band is
    taken to include its lower end and not its upper one: exactly 4 weeks is "4 to 8 weeks".
    Days are counted from the day the case became missing education to the census date.
    """

    code: str
    label: str
    from_days: int | None
    until_days: int | None


_WEEK = 7
UNKNOWN_DURATION = "unknown"
CME_DURATION_BANDS: tuple[DurationBand, ...] = (
    DurationBand("under_2_weeks", "Less than 2 weeks", 0, 2 * _WEEK),
    DurationBand("2_to_4_weeks", "2 to 4 weeks", 2 * _WEEK, 4 * _WEEK),
    DurationBand("4_to_8_weeks", "4 to 8 weeks", 4 * _WEEK, 8 * _WEEK),
    DurationBand("8_to_12_weeks", "8 to 12 weeks", 8 * _WEEK, 12 * _WEEK),
    DurationBand("12_to_26_weeks", "12 to 26 weeks", 12 * _WEEK, 26 * _WEEK),
    DurationBand("26_to_52_weeks", "26 to 52 weeks", 26 * _WEEK, 52 * _WEEK),
    DurationBand("over_52_weeks", "Over 52 weeks", 52 * _WEEK, None),
    # Every case records when it became missing education, so this band is there because the
    # publication has it, and stays empty.
    DurationBand(UNKNOWN_DURATION, "Unknown", None, None),
)


def cme_duration_band(days: int | None) -> str:
    """The code of the band for `days` missing education by the census date."""
    if days is None or days < 0:
        return UNKNOWN_DURATION
    return next(
        band.code
        for band in CME_DURATION_BANDS
        if band.from_days is not None
        and band.from_days <= days
        and (band.until_days is None or days < band.until_days)
    )


# ---------------------------------------------------------------------------------------------
# The code lists, by period.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedCode:
    """A code of a published list with its labels: each from the period it was first used."""

    code: str
    labels: tuple[tuple[Period, str], ...]

    def label_in(self, period: Period) -> str | None:
        """The code's label in the period; None before the code was first used."""
        return _in_force(self.labels, period)


@dataclass(frozen=True)
class PublishedCodeList:
    """A published code list through time, in its published order.

    `rest` is the code that also takes any recorded value the period's list does not have (a
    reason added later, for an earlier term), so that every breakdown adds up to its total.
    """

    name: str
    codes: tuple[PublishedCode, ...]
    rest: str

    def in_period(self, period: Period) -> tuple[tuple[str, str], ...] | None:
        """(code, label) pairs in use in the period; None if the list was not yet collected."""
        used = tuple(
            (code.code, label)
            for code in self.codes
            if (label := code.label_in(period)) is not None
        )
        return used or None

    def codes_ever(self) -> frozenset[str]:
        """Every code the list has had in any period."""
        return frozenset(code.code for code in self.codes)


def _since(
    first: Period,
    members: Iterable[CodeList],
    *,
    added: Mapping[Period, Iterable[CodeList]] | None = None,
) -> tuple[PublishedCode, ...]:
    """Codes used from `first` on, except those `added` in a later period, under the labels
    codes.py gives them."""
    first_used = {member: since for since, later in (added or {}).items() for member in later}
    return tuple(
        PublishedCode(str(member), ((first_used.get(member, first), member.label),))
        for member in members
    )


SEX = PublishedCodeList(
    "sex",
    (
        *_since(FIRST_RETURN, (Sex.FEMALE, Sex.MALE)),
        PublishedCode(str(Sex.UNKNOWN), ((FIRST_RETURN, "Sex unknown"), (AUTUMN_2025, "Unknown"))),
    ),
    rest=str(Sex.UNKNOWN),
)

# "Unknown" is seen in third-party parsers of the 2025/26 file, which covers every term from
# autumn 2022; whether earlier releases had it is UNCONFIRMED. It is kept in every period, for
# a child whose date of birth puts them outside Reception to Year 11 on the census date.
UNKNOWN_YEAR_GROUP = "unknown"
YEAR_GROUP = PublishedCodeList(
    "year_group",
    (
        *_since(FIRST_RETURN, YearGroup),
        PublishedCode(UNKNOWN_YEAR_GROUP, ((FIRST_RETURN, "Unknown"),)),
    ),
    rest=UNKNOWN_YEAR_GROUP,
)

# The two reasons new from autumn 2025 are named only by third-party parsers; the DfE's text
# says only that two were added (UNCONFIRMED; domain spec, sections (g) and (j)).
PRIMARY_REASONS_FROM_AUTUMN_2025 = (PrimaryReason.PLACE_NOT_ACCEPTED, PrimaryReason.DID_NOT_APPLY)
PRIMARY_REASON = PublishedCodeList(
    "primary_reason",
    _since(FIRST_RETURN, PrimaryReason, added={AUTUMN_2025: PRIMARY_REASONS_FROM_AUTUMN_2025}),
    rest=PrimaryReason.OTHER,
)

# Not published: the DfE does not break the return down by SEN (domain spec, section (g)), so
# the labels are the register's own.
SEN_PROVISION = PublishedCodeList(
    "sen_provision", _since(FIRST_RETURN, SenProvision), rest=SenProvision.UNKNOWN
)

# The academic-year file's ehe_schtype_* columns; their meanings are inferred (domain spec (g)).
PREVIOUS_SCHOOL_TYPE = PublishedCodeList(
    "previous_school_type",
    _since(FIRST_RETURN, PreviousSchoolType),
    rest=PreviousSchoolType.ELSEWHERE_OR_UNKNOWN,
)

CME_TIME_MISSING = PublishedCodeList(
    "cme_time_missing",
    tuple(PublishedCode(band.code, ((AUTUMN_2023, band.label),)) for band in CME_DURATION_BANDS),
    rest=UNKNOWN_DURATION,
)

# Five CME reasons were added in autumn 2025 (DfE CME methodology), but which five is
# UNCONFIRMED: these are the school-place reasons, as the EHE list gained two of them then.
CME_REASONS_FROM_AUTUMN_2025 = (
    CmeReason.PLACE_NOT_ACCEPTED,
    CmeReason.DID_NOT_APPLY,
    CmeReason.NO_SCHOOL_PREFERENCE,
    CmeReason.NO_SUITABLE_PLACE,
    CmeReason.PARENT_NOT_REGISTERING,
)
CME_REASON = PublishedCodeList(
    "cme_reason",
    _since(AUTUMN_2023, CmeReason, added={AUTUMN_2025: CME_REASONS_FROM_AUTUMN_2025}),
    rest=CmeReason.OTHER,
)

CODE_LISTS: tuple[PublishedCodeList, ...] = (
    SEX,
    YEAR_GROUP,
    PRIMARY_REASON,
    SEN_PROVISION,
    PREVIOUS_SCHOOL_TYPE,
    CME_TIME_MISSING,
    CME_REASON,
)

# A percentage that rounds to 0 but is not 0: `<0.5` up to 2024/25, `low` from 2025/26.
_SMALL_PERCENTAGE: tuple[tuple[Period, str], ...] = ((FIRST_RETURN, "<0.5"), (AUTUMN_2025, "low"))


def small_percentage_symbol(period: Period) -> str | None:
    """How the publication shows, in the period, a percentage that rounds to 0 but is not 0;
    None before the first return."""
    return _in_force(_SMALL_PERCENTAGE, period)


def census_cutoff_day(census_date: date) -> date:
    """The first day after the census: the return shows the register as the census day ended,
    with every move made on the census day itself."""
    return census_date + timedelta(days=1)
