"""The LA's termly return: who is counted on the census date and in the academic year, from the
case history, compared with what each child's story says they should be; its errors; its
census date; what it never carries; and its constant number of statements."""

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registers.actors import COMMAND
from registers.contracts import la_return_errors
from registers.errors import ApplicationError
from registers.rules.census import Term
from registers.rules.codes import (
    CaseStatus,
    ClosureReason,
    EligibilityBasis,
    PreviousSchoolType,
    PrimaryReason,
    SenProvision,
    Sex,
)
from registers.rules.year_group import national_curriculum_year
from registers.selectors.returns import la_return_build
from registers.services.returns import census_date_set
from tests.factories import ChildAddressFactory, ChildFactory
from tests.selectors.case_histories import Move, at, case_history, registered

pytestmark = pytest.mark.django_db

S = CaseStatus
NOW = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)
CENSUS = date(2024, 10, 3)  # the autumn 2024 census: the first Thursday in October
# Reasons the autumn 2024 list does not have: that term's return counts them as "Other".
REASONS_FROM_AUTUMN_2025 = {PrimaryReason.PLACE_NOT_ACCEPTED, PrimaryReason.DID_NOT_APPLY}
CME_REASONS_FROM_AUTUMN_2025 = {"place_not_accepted", "did_not_apply"}


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@dataclass
class Case:
    moves: list[Move]
    primary_reason: PrimaryReason = PrimaryReason.NO_REASON_GIVEN
    previous_school_type: PreviousSchoolType = PreviousSchoolType.ELSEWHERE_OR_UNKNOWN


@dataclass
class Story:
    """A child's cases, and where the child stands in the autumn 2024 return."""

    name: str
    cases: list[Case]
    born: date
    sex: Sex = Sex.FEMALE
    sen: SenProvision = SenProvision.NONE
    census: str | None = None  # "ehe" or "cme" when the census day ended
    time_missing: str = ""  # the band, for a child missing education
    cme_reason: str = ""  # as the autumn 2024 list reports it
    any_point: int | None = None  # which case's previous school the year's figures show
    start: bool = False
    returned: bool = False
    authority: str = "devon"
    archived: str = ""  # "entry" or "child"
    counted_case: int = -1  # which case's reason and school the census shows


def closed(on: datetime, reason: ClosureReason) -> Move:
    return Move(on, S.CLOSED, closure_reason=reason)


STORIES = [
    Story(
        "Ada: on the register since May",
        [Case(registered(date(2024, 5, 10)), PrimaryReason.MENTAL_HEALTH, "lamain")],
        born=date(2015, 1, 15),
        sen=SenProvision.EHC_PLAN,
        census="ehe",
        any_point=0,
    ),
    Story(
        "Ben: notified before the census, registered the day after it",
        [
            Case(
                [
                    Move(at(date(2024, 10, 1)), S.NOTIFIED),
                    Move(at(date(2024, 10, 2)), S.ELIGIBILITY_CHECK),
                    Move(at(date(2024, 10, 4), 9), S.REGISTERED),
                ]
            )
        ],
        born=date(2014, 2, 1),
    ),
    Story(
        "Cal: registered late on the census day",
        [Case(registered(CENSUS, hour=23), PrimaryReason.PHYSICAL_HEALTH, "acad")],
        born=date(2013, 3, 1),
        sex=Sex.MALE,
        sen=SenProvision.SEN_SUPPORT,
        census="ehe",
        any_point=0,
        start=True,
    ),
    Story(
        "Dee: closed (back at school) the day before the census",
        [
            Case(
                [
                    *registered(date(2024, 5, 10)),
                    closed(at(date(2024, 10, 2)), "returned_to_school"),
                ],
                previous_school_type="spec",
            )
        ],
        born=date(2012, 4, 1),
        any_point=0,
        returned=True,
    ),
    Story(
        "Eve: moved away on the census day",
        [
            Case(
                [
                    *registered(date(2024, 5, 10)),
                    closed(at(CENSUS, 15), "moved_out_of_area"),
                ]
            )
        ],
        born=date(2011, 5, 1),
        any_point=0,
    ),
    Story(
        "Fay: left England just after midnight, the census day over",
        [
            Case(
                [
                    *registered(date(2024, 5, 10)),
                    closed(at(CENSUS + timedelta(days=1), 0, 30), "left_england"),
                ],
                PrimaryReason.LIFESTYLE,
                "ind",
            )
        ],
        born=date(2010, 6, 1),
        sex=Sex.UNKNOWN,
        sen=SenProvision.UNKNOWN,
        census="ehe",
        any_point=0,
    ),
    Story(
        "Gus: closed in June, back on the register in September",
        [
            Case(
                [
                    *registered(date(2024, 3, 1)),
                    closed(at(date(2024, 6, 1)), "returned_to_school"),
                ],
                PrimaryReason.RISK_OF_EXCLUSION,
                "spec",
            ),
            Case(registered(date(2024, 9, 25)), PrimaryReason.RELIGIOUS, "free"),
        ],
        born=date(2009, 7, 1),
        sex=Sex.MALE,
        census="ehe",
        any_point=1,
        start=True,
    ),
    Story(
        "Hal: back at school in September, home educated again after the census",
        [
            Case(
                [
                    *registered(date(2024, 3, 1)),
                    closed(at(date(2024, 9, 10)), "returned_to_school"),
                ],
                previous_school_type="ind",
            ),
            Case(registered(date(2024, 10, 10)), previous_school_type="acad"),
        ],
        born=date(2016, 8, 31),
        any_point=0,
        returned=True,
    ),
    Story(
        "Ivy: missing education from 30 September, found on 5 October",
        [
            Case(
                [
                    *registered(date(2024, 4, 1)),
                    Move(at(date(2024, 9, 30)), S.CME, cme_reason="believed_moved_to_another_la"),
                    Move(at(date(2024, 10, 5)), S.ENQUIRY),
                ]
            )
        ],
        born=date(2014, 9, 1),
        census="cme",
        time_missing="under_2_weeks",
        cme_reason="believed_moved_to_another_la",
        any_point=0,
    ),
    Story(
        "Jon: still on roll, awaiting consent",
        [Case([Move(at(date(2024, 9, 1)), S.CONSENT_PENDING)])],
        born=date(2013, 1, 1),
    ),
    Story(
        "Kim: transferred out in September",
        [Case([*registered(date(2024, 2, 1)), Move(at(date(2024, 9, 15)), S.TRANSFER_OUT)])],
        born=date(2012, 1, 1),
        any_point=0,
    ),
    Story(
        "Lou: flexi-schooled, still a registered pupil",
        [
            Case(
                registered(
                    date(2024, 2, 1),
                    eligibility_basis=EligibilityBasis.EDUCATED_ELSEWHERE_BY_ARRANGEMENT,
                )
            )
        ],
        born=date(2011, 1, 1),
    ),
    Story(
        "Max: a notice, an order, and back at school before the census",
        [
            Case(
                [
                    *registered(date(2024, 1, 10)),
                    Move(at(date(2024, 2, 1)), S.ENQUIRY),
                    Move(at(date(2024, 9, 5)), S.SAO_PRELIMINARY),
                    Move(at(date(2024, 9, 25)), S.SAO_SERVED),
                    Move(at(date(2024, 10, 1)), S.SAO_COMPLIED),
                ]
            )
        ],
        born=date(2010, 1, 1),
        sex=Sex.MALE,
        any_point=0,
        returned=True,
    ),
    Story(
        "Nia: missing education from late on 19 September, 14 days by the census",
        [Case([*registered(date(2024, 1, 10)), Move(at(date(2024, 9, 19), 23, 30), S.CME)])],
        born=date(2015, 3, 1),
        census="cme",
        time_missing="2_to_4_weeks",
        cme_reason="not_recorded",
        any_point=0,
    ),
    Story(
        "Oli: missing education from just after midnight on 20 September, 13 days",
        [
            Case(
                [
                    *registered(date(2024, 1, 10)),
                    Move(at(date(2024, 9, 20), 0, 30), S.CME, cme_reason="place_not_accepted"),
                ]
            )
        ],
        born=date(2015, 4, 1),
        census="cme",
        time_missing="under_2_weeks",
        cme_reason="other",
        any_point=0,
    ),
    Story(
        "Pip: a case opened in error and archived",
        [Case(registered(date(2024, 5, 10)))],
        born=date(2014, 1, 1),
        archived="entry",
    ),
    Story(
        "Quin: back at school in August, before the year began",
        [
            Case(
                [
                    *registered(date(2023, 10, 1)),
                    closed(at(date(2024, 8, 20)), "returned_to_school"),
                ]
            )
        ],
        born=date(2013, 1, 1),
    ),
    Story(
        "Rae: notified, eligibility still being checked",
        [
            Case(
                [
                    Move(at(date(2024, 9, 3)), S.NOTIFIED),
                    Move(at(date(2024, 9, 4)), S.ELIGIBILITY_CHECK),
                ]
            )
        ],
        born=date(2012, 1, 1),
    ),
    Story(
        "Sam: an order served, prosecuted, standing, then revoked; past Year 11",
        [
            Case(
                [
                    *registered(date(2024, 1, 5)),
                    Move(at(date(2024, 2, 1)), S.ENQUIRY),
                    Move(at(date(2024, 8, 1)), S.SAO_PRELIMINARY),
                    Move(at(date(2024, 9, 3)), S.SAO_SERVED),
                    Move(at(date(2024, 9, 10)), S.PROSECUTION),
                    Move(at(date(2024, 9, 20)), S.SAO_SERVED),
                    Move(at(date(2024, 10, 2)), S.SAO_REVOKED),
                ],
                PrimaryReason.PHILOSOPHICAL,
                "spec",
            )
        ],
        born=date(2007, 12, 1),
        census="ehe",
        any_point=0,
    ),
    Story(
        "Tia: missing education from June, home educated again from 12 September",
        [
            Case(
                [
                    *registered(date(2024, 3, 1)),
                    Move(at(date(2024, 6, 1)), S.CME),
                    Move(at(date(2024, 9, 12)), S.ENQUIRY),
                ],
                PrimaryReason.SCHOOL_DISSATISFACTION_SEND,
                "lamain",
            )
        ],
        born=date(2016, 1, 1),
        sen=SenProvision.EHC_PLAN,
        census="ehe",
        any_point=0,
        start=True,
    ),
    Story(
        "Uma: moved away in September, back within the month",
        [
            Case(
                [
                    *registered(date(2024, 8, 1)),
                    closed(at(date(2024, 9, 5)), "moved_out_of_area"),
                ],
                previous_school_type="ind",
            ),
            Case(registered(date(2024, 9, 22)), PrimaryReason.PLACE_NOT_ACCEPTED, "lamain"),
        ],
        born=date(2017, 1, 1),
        sex=Sex.MALE,
        sen=SenProvision.UNKNOWN,
        census="ehe",
        any_point=1,
        start=True,
    ),
    Story(
        "Vic: on Cornwall's register",
        [Case(registered(date(2024, 5, 10)))],
        born=date(2014, 1, 1),
        authority="cornwall",
    ),
    Story(
        "Wes: a child added in error and archived",
        [Case(registered(date(2024, 5, 10)))],
        born=date(2014, 1, 1),
        archived="child",
    ),
]


def tell(stories: list[Story], authorities: dict) -> None:
    """Put every story on the register, through the case service."""
    for story in stories:
        child = ChildFactory(
            authority=authorities[story.authority],
            first_name=story.name.split(":")[0],
            date_of_birth=story.born,
            sex=story.sex,
            sen_provision=story.sen,
        )
        for case in story.cases:
            entry = case_history(
                child=child,
                moves=case.moves,
                primary_reason=case.primary_reason,
                previous_school_type=case.previous_school_type,
            )
        if story.archived == "entry":
            entry.archive(actor=COMMAND, reason="Opened in error")
        if story.archived == "child":
            child.archive(actor=COMMAND, reason="Added in error")


@pytest.fixture
def autumn_2024(devon, cornwall) -> dict:
    tell(STORIES, {"devon": devon, "cornwall": cornwall})
    return la_return_build(authority=devon, academic_year="2024-25", term="autumn")


def counts(rows: list[dict]) -> dict[str, int]:
    """A breakdown's non-zero counts by code."""
    return {row["code"]: row["count"] for row in rows if row["count"]}


def expected(stories: list[Story], value) -> dict[str, int]:
    return dict(Counter(str(value(story)) for story in stories))


def reported_reason(story: Story) -> str:
    reason = story.cases[story.counted_case].primary_reason
    return "other" if reason in REASONS_FROM_AUTUMN_2025 else reason


def year_group(story: Story) -> str:
    year = national_curriculum_year(story.born, CENSUS)
    return {0: "R"}.get(year, str(year)) if 0 <= year <= 11 else "unknown"


MAINSTREAM = {"lamain", "acad", "free"}


def test_the_census_counts_who_was_home_educated_as_the_census_day_ended(autumn_2024):
    home_educated = [story for story in STORIES if story.census == "ehe"]
    census = autumn_2024["census"]["elective_home_education"]

    assert census["total"] == len(home_educated) == 7
    assert counts(census["sex"]) == expected(home_educated, lambda story: story.sex)
    assert counts(census["year_group"]) == expected(home_educated, year_group)
    assert counts(census["primary_reason"]) == expected(home_educated, reported_reason)
    assert counts(census["sen_provision"]) == expected(home_educated, lambda story: story.sen)

    from_mainstream = [
        story
        for story in home_educated
        if story.cases[story.counted_case].previous_school_type in MAINSTREAM
    ]
    mainstream = census["previous_school_mainstream"]
    assert mainstream["total"] == len(from_mainstream) == 5
    assert counts(mainstream["sen_provision"]) == expected(from_mainstream, lambda s: s.sen)
    assert counts(mainstream["primary_reason"]) == expected(from_mainstream, reported_reason)


def test_the_census_counts_who_was_missing_education_with_how_long_and_why(autumn_2024):
    missing = [story for story in STORIES if story.census == "cme"]
    census = autumn_2024["census"]["children_missing_education"]

    assert census["total"] == len(missing) == 3
    assert counts(census["time_missing"]) == expected(missing, lambda story: story.time_missing)
    assert counts(census["reason"]) == expected(missing, lambda story: story.cme_reason)


def test_the_academic_year_counts_children_at_any_point_starts_and_returns(autumn_2024):
    year = autumn_2024["academic_year"]
    at_any_point = [story for story in STORIES if story.any_point is not None]

    assert (year["from"], year["to"]) == ("2024-09-01", "2024-10-03")
    assert year["children_at_any_point"] == len(at_any_point) == 15
    assert counts(year["previous_school_type"]) == expected(
        at_any_point, lambda story: story.cases[story.any_point].previous_school_type
    )
    assert year["starts"] == sum(story.start for story in STORIES) == 4
    assert year["returns_to_school"] == sum(story.returned for story in STORIES) == 3


def test_the_academic_year_counts_notices_and_orders_issued_and_revoked(autumn_2024):
    year = autumn_2024["academic_year"]
    # Max's notice in September (Sam's was in August); Max's order and Sam's first, not the
    # order that stood after Sam's hearing; Sam's order revoked.
    assert year["section_437_notices"] == 1
    assert year["attendance_orders_issued"] == 2
    assert year["attendance_orders_revoked"] == 1


def test_a_later_term_counts_the_same_children_by_what_has_happened_since(devon, cornwall):
    tell(STORIES, {"devon": devon, "cornwall": cornwall})
    spring = la_return_build(authority=devon, academic_year="2024-25", term="spring")

    # By 16 January 2025: Ben and Hal (second case) are on the register, Ivy is found (enquiry);
    # Fay has left. Nia and Oli are still missing education, now for 16 to 18 weeks.
    assert spring["period"]["census_date"] == "2025-01-16"
    assert spring["census"]["elective_home_education"]["total"] == 9
    missing = spring["census"]["children_missing_education"]
    assert missing["total"] == 2
    assert counts(missing["time_missing"]) == {"12_to_26_weeks": 2}
    year = spring["academic_year"]
    assert (year["from"], year["to"]) == ("2024-09-01", "2025-01-16")
    assert year["children_at_any_point"] == 16  # Ben as well
    assert year["starts"] == 7  # Ben, Hal's second case, and Ivy, found again, as well


def test_the_return_names_the_la_and_the_period(autumn_2024, devon):
    assert autumn_2024["contract"] == "la-return"
    assert autumn_2024["contract_version"] == "1.0"
    assert autumn_2024["local_authority"] == {
        "old_la_code": "878",
        "new_la_code": "E10000008",
        "la_name": "Devon",
    }
    assert autumn_2024["period"] == {
        "academic_year": "2024-25",
        "term": "autumn",
        "time_period": "202425",
        "time_identifier": "Autumn term",
        "census_date": "2024-10-03",
    }
    assert autumn_2024["generated_at"] == "2026-11-28T10:30:00+00:00"
    assert la_return_errors(autumn_2024) == []


def test_another_las_return_counts_only_its_own_children(autumn_2024, cornwall):
    theirs = la_return_build(authority=cornwall, academic_year="2024-25", term="autumn")
    assert theirs["census"]["elective_home_education"]["total"] == 1
    assert theirs["academic_year"]["children_at_any_point"] == 1


def _labels(rows: list[dict]) -> dict[str, str]:
    return {row["code"]: row["label"] for row in rows}


def test_each_term_comes_out_in_its_own_labels(devon):
    child = ChildFactory(authority=devon, sex=Sex.UNKNOWN, date_of_birth=date(2014, 1, 1))
    case_history(
        child=child,
        moves=[*registered(date(2024, 5, 1)), Move(at(date(2024, 6, 1)), S.CME)],
        primary_reason=PrimaryReason.PLACE_NOT_ACCEPTED,
    )

    summer_2025 = la_return_build(authority=devon, academic_year="2024-25", term="summer")
    autumn_2025 = la_return_build(authority=devon, academic_year="2025-26", term="autumn")
    summer_2023 = la_return_build(authority=devon, academic_year="2022-23", term="summer")

    assert _labels(summer_2025["census"]["elective_home_education"]["sex"])["unknown"] == (
        "Sex unknown"
    )
    assert _labels(autumn_2025["census"]["elective_home_education"]["sex"])["unknown"] == (
        "Unknown"
    )
    summer_reasons = _labels(summer_2025["census"]["elective_home_education"]["primary_reason"])
    autumn_reasons = _labels(autumn_2025["census"]["elective_home_education"]["primary_reason"])
    assert "place_not_accepted" not in summer_reasons
    assert autumn_reasons["place_not_accepted"] == "Offered school place but not yet accepted"
    assert len(_labels(summer_2025["census"]["children_missing_education"]["reason"])) == 15
    assert len(_labels(autumn_2025["census"]["children_missing_education"]["reason"])) == 20
    # Before autumn 2023 the return had no time missing or reason for missing education.
    missing_2023 = summer_2023["census"]["children_missing_education"]
    assert (missing_2023["time_missing"], missing_2023["reason"]) == (None, None)
    for payload in (summer_2025, autumn_2025, summer_2023):
        assert la_return_errors(payload) == []


def test_an_las_own_census_date_decides_who_is_counted(devon, cornwall):
    for authority in (devon, cornwall):
        child = ChildFactory(authority=authority, date_of_birth=date(2014, 1, 1))
        case_history(child=child, moves=registered(date(2024, 10, 8)))

    census_date_set(
        authority=devon,
        academic_year_start=2024,
        term=Term.AUTUMN,
        census_date=date(2024, 10, 10),
        actor=COMMAND,
    )
    ours = la_return_build(authority=devon, academic_year="2024-25", term="autumn")
    theirs = la_return_build(authority=cornwall, academic_year="2024-25", term="autumn")

    assert ours["period"]["census_date"] == "2024-10-10"
    assert ours["academic_year"]["to"] == "2024-10-10"
    assert ours["census"]["elective_home_education"]["total"] == 1
    assert theirs["period"]["census_date"] == "2024-10-03"
    assert theirs["census"]["elective_home_education"]["total"] == 0

    census_date_set(
        authority=devon,
        academic_year_start=2024,
        term=Term.AUTUMN,
        census_date=None,
        actor=COMMAND,
    )
    back = la_return_build(authority=devon, academic_year="2024-25", term="autumn")
    assert back["period"]["census_date"] == "2024-10-03"
    assert back["census"]["elective_home_education"]["total"] == 0


@pytest.mark.parametrize(
    ("academic_year", "term", "errors"),
    [
        pytest.param(
            "2024/25",
            "autumn",
            {
                "academic_year": [
                    "Enter the academic year as its first year and the next year's last 2 "
                    "digits, like 2025-26"
                ]
            },
            id="year-with-a-slash",
        ),
        pytest.param(
            "2024-25",
            "winter",
            {"term": ["Choose the autumn, spring or summer term"]},
            id="no-such-term",
        ),
        pytest.param(
            "2024-26",
            "Autumn",
            {
                "academic_year": [
                    "Enter the academic year as its first year and the next year's last 2 "
                    "digits, like 2025-26"
                ],
                "term": ["Choose the autumn, spring or summer term"],
            },
            id="both",
        ),
        pytest.param(
            "2021-22",
            "summer",
            {
                "term": [
                    "The national return began with the autumn term of 2022-23: choose that "
                    "term or a later one"
                ]
            },
            id="before-the-return-began",
        ),
    ],
)
def test_a_return_that_cannot_be_made_says_why(devon, academic_year, term, errors):
    with pytest.raises(ApplicationError) as refused:
        la_return_build(authority=devon, academic_year=academic_year, term=term)
    assert refused.value.errors == errors


def test_a_return_waits_for_the_census_day_to_end(devon):
    # The autumn 2026 census is Thursday 1 October; 23:00 UTC is midnight in London (BST).
    with time_machine.travel(datetime(2026, 10, 1, 22, 59, tzinfo=UTC), tick=False):
        with pytest.raises(ApplicationError) as not_yet:
            la_return_build(authority=devon, academic_year="2026-27", term="autumn")
    assert not_yet.value.errors == {
        "term": [
            "The census date for the autumn term of 2026-27 is 1 October 2026: its return can be "
            "made from the day after"
        ]
    }
    with time_machine.travel(datetime(2026, 10, 1, 23, 0, tzinfo=UTC), tick=False):
        made = la_return_build(authority=devon, academic_year="2026-27", term="autumn")
    assert made["period"]["census_date"] == "2026-10-01"


def test_the_return_carries_no_names_addresses_dates_of_birth_or_identifiers(devon):
    children = [
        ChildFactory(
            authority=devon,
            first_name="Zephyrine",
            middle_names="Quillon",
            last_name="Ashworth-Pemberley",
            date_of_birth=date(2014, 3, 17),
            upn="A123456789012",
            nhs_number="9434765919",
        ),
        ChildFactory(
            authority=devon,
            first_name="Bartholomew",
            last_name="Fenwick-Oyelaran",
            date_of_birth=date(2011, 11, 29),
            upn="B987654321098",
            nhs_number="9434765870",
        ),
    ]
    entries = []
    for child, postcode in zip(children, ["EX4 4QJ", "TQ1 2AB"], strict=True):
        ChildAddressFactory(
            child=child,
            address__line_1="17 Larkspur Crescent",
            address__town="Exeter",
            address__postcode=postcode,
        )
        entries.append(
            case_history(
                child=child,
                moves=registered(date(2024, 5, 1)),
                previous_school_name="Ravensworth Primary School",
                previous_school_urn="123456",
            )
        )

    payload = la_return_build(authority=devon, academic_year="2024-25", term="autumn")
    text = json.dumps(payload)

    assert payload["census"]["elective_home_education"]["total"] == 2
    personal = ["Ravensworth", "123456", "Larkspur", "Exeter", "EX4", "4QJ", "TQ1"]
    for child in children:
        born = child.date_of_birth
        personal += [
            child.first_name,
            child.last_name,
            child.upn,
            child.nhs_number,
            str(child.pk),
            child.pk.hex,
            born.isoformat(),
            f"{born:%d/%m/%Y}",
            f"{born.day} {born:%B %Y}",
        ]
        if child.middle_names:
            personal.append(child.middle_names)
    for entry in entries:
        personal += [str(entry.pk), entry.pk.hex, entry.reference]
    found = [value for value in personal if value.lower() in text.lower()]
    assert found == []


def _stories_of(count: int, devon) -> None:
    for number in range(count):
        child = ChildFactory(
            authority=devon,
            date_of_birth=date(2008 + number % 12, 1 + number % 12, 1),
            sex=[Sex.FEMALE, Sex.MALE, Sex.UNKNOWN][number % 3],
        )
        moves = registered(date(2024, 1, 1) + timedelta(days=number))
        if number % 4 == 1:
            moves.append(Move(at(date(2024, 9, 2)), S.CME))
        if number % 4 == 2:
            moves.append(closed(at(date(2024, 9, 20)), "returned_to_school"))
        case_history(child=child, moves=moves)


def _statements_to_build(authority) -> list[str]:
    """The statements building the return sends, savepoints named alike."""
    with CaptureQueriesContext(connection) as statements:
        la_return_build(authority=authority, academic_year="2024-25", term="autumn")
    return [
        "SAVEPOINT" if "SAVEPOINT" in statement["sql"] else statement["sql"]
        for statement in statements.captured_queries
    ]


def test_the_return_takes_the_same_statements_at_10_children_as_at_100(devon):
    _stories_of(10, devon)
    at_10 = _statements_to_build(devon)
    _stories_of(90, devon)
    at_100 = _statements_to_build(devon)

    built = la_return_build(authority=devon, academic_year="2024-25", term="autumn")
    assert built["academic_year"]["children_at_any_point"] == 100
    assert at_100 == at_10
    # The census date and four counts; around them at most a savepoint, its release and, on
    # PostgreSQL, a setting.
    assert sum(statement.startswith("SELECT") for statement in at_10) == 5
    assert len(at_10) <= 8
