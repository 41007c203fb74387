from datetime import date

import pytest

from registers.rules.eligibility import (
    ALL_BASES,
    Eligibility,
    EligibilityBasis,
    SchoolStatus,
    eligibility,
)

ON = date(2026, 3, 1)
# Born 15 July 2015: of compulsory school age from 31 August 2020 to 27 June 2031.
OF_SCHOOL_AGE = date(2015, 7, 15)
# Born 1 September 2021: compulsory school age does not start until 31 December 2026.
TOO_YOUNG = date(2021, 9, 1)

NOT_REGISTERED = SchoolStatus(registered_at_relevant_school=False)
REGISTERED_ONLY = SchoolStatus(registered_at_relevant_school=True)
ELSEWHERE_BY_ARRANGEMENT = SchoolStatus(
    registered_at_relevant_school=True,
    proprietor_arranged_education_elsewhere=True,
    absent_for_some_or_all_of_school_time=True,
)
ARRANGED_NOT_ABSENT = SchoolStatus(
    registered_at_relevant_school=True, proprietor_arranged_education_elsewhere=True
)
PART_TIME_STUDENT = SchoolStatus(registered_at_relevant_school=True, is_part_time_student=True)
PART_TIME_STUDENT_REGISTERED_ELSEWHERE = SchoolStatus(
    registered_at_relevant_school=True,
    is_part_time_student=True,
    registered_at_another_relevant_school=True,
)
ARRANGED_AND_PART_TIME = SchoolStatus(
    registered_at_relevant_school=True,
    proprietor_arranged_education_elsewhere=True,
    absent_for_some_or_all_of_school_time=True,
    is_part_time_student=True,
)

NOT_IN_AREA = "The child does not live in the local authority's area."
NOT_OF_SCHOOL_AGE = "The child is not of compulsory school age on 1 March 2026."
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


def test_all_bases_codes() -> None:
    assert [basis.value for basis in EligibilityBasis] == ["E-C1", "E-C2", "E-C3"]
    assert frozenset(EligibilityBasis) == ALL_BASES


@pytest.mark.parametrize(
    ("school", "expected"),
    [
        pytest.param(NOT_REGISTERED, EligibilityBasis.NOT_REGISTERED, id="E-C1"),
        pytest.param(
            ELSEWHERE_BY_ARRANGEMENT,
            EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT,
            id="E-C2",
        ),
        pytest.param(PART_TIME_STUDENT, EligibilityBasis.PART_TIME_STUDENT, id="E-C3"),
        pytest.param(
            ARRANGED_AND_PART_TIME,
            EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT,
            id="E-C2-and-E-C3-reports-first",
        ),
    ],
)
def test_eligible_on_each_basis(school: SchoolStatus, expected: EligibilityBasis) -> None:
    result = eligibility(lives_in_area=True, date_of_birth=OF_SCHOOL_AGE, on=ON, school=school)
    assert result == Eligibility(eligible=True, basis=expected, reasons_not_eligible=())


@pytest.mark.parametrize(
    ("lives_in_area", "date_of_birth", "school", "reasons"),
    [
        pytest.param(False, OF_SCHOOL_AGE, NOT_REGISTERED, (NOT_IN_AREA,), id="E-A-fails"),
        pytest.param(True, TOO_YOUNG, NOT_REGISTERED, (NOT_OF_SCHOOL_AGE,), id="E-B-fails"),
        pytest.param(
            True,
            # Born 15 July 2009: compulsory school age ended on 27 June 2025.
            date(2009, 7, 15),
            NOT_REGISTERED,
            ("The child is not of compulsory school age on 1 March 2026.",),
            id="E-B-fails-past-leaving-date",
        ),
        pytest.param(True, OF_SCHOOL_AGE, REGISTERED_ONLY, (NOT_ARRANGED,), id="E-C-not-arranged"),
        pytest.param(
            True, OF_SCHOOL_AGE, ARRANGED_NOT_ABSENT, (NOT_ABSENT,), id="E-C2-not-absent"
        ),
        pytest.param(
            True,
            OF_SCHOOL_AGE,
            PART_TIME_STUDENT_REGISTERED_ELSEWHERE,
            (NOT_ARRANGED, REGISTERED_ELSEWHERE),
            id="E-C3-registered-at-another-school",
        ),
        pytest.param(
            False,
            TOO_YOUNG,
            REGISTERED_ONLY,
            (NOT_IN_AREA, NOT_OF_SCHOOL_AGE, NOT_ARRANGED),
            id="all-three-fail",
        ),
        pytest.param(
            False,
            TOO_YOUNG,
            NOT_REGISTERED,
            (NOT_IN_AREA, NOT_OF_SCHOOL_AGE),
            id="E-A-and-E-B-fail",
        ),
    ],
)
def test_not_eligible_lists_every_failed_test(
    lives_in_area: bool, date_of_birth: date, school: SchoolStatus, reasons: tuple[str, ...]
) -> None:
    result = eligibility(
        lives_in_area=lives_in_area, date_of_birth=date_of_birth, on=ON, school=school
    )
    assert result == Eligibility(eligible=False, basis=None, reasons_not_eligible=reasons)


def test_disabled_basis_does_not_make_child_eligible() -> None:
    result = eligibility(
        lives_in_area=True,
        date_of_birth=OF_SCHOOL_AGE,
        on=ON,
        school=PART_TIME_STUDENT,
        enabled_bases=frozenset(
            {EligibilityBasis.NOT_REGISTERED, EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT}
        ),
    )
    assert result == Eligibility(
        eligible=False,
        basis=None,
        reasons_not_eligible=(
            (
                "The child is a part-time student, but regulations exclude children in that "
                "group (E-C3) from the register."
            ),
        ),
    )


def test_disabled_basis_falls_back_to_another_enabled_basis() -> None:
    result = eligibility(
        lives_in_area=True,
        date_of_birth=OF_SCHOOL_AGE,
        on=ON,
        school=ARRANGED_AND_PART_TIME,
        enabled_bases=frozenset({EligibilityBasis.PART_TIME_STUDENT}),
    )
    assert result == Eligibility(
        eligible=True, basis=EligibilityBasis.PART_TIME_STUDENT, reasons_not_eligible=()
    )


def test_disabled_basis_listed_with_other_failures() -> None:
    result = eligibility(
        lives_in_area=False,
        date_of_birth=OF_SCHOOL_AGE,
        on=ON,
        school=ELSEWHERE_BY_ARRANGEMENT,
        enabled_bases=frozenset({EligibilityBasis.NOT_REGISTERED}),
    )
    assert result.reasons_not_eligible == (
        NOT_IN_AREA,
        (
            "The child is educated away from their school by arrangement with the school, but "
            "regulations exclude children in that group (E-C2) from the register."
        ),
    )
    assert not result.eligible
