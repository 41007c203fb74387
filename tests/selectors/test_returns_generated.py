"""The return over generated histories, term by term, against counts worked out here by walking
each case's moves in Python; every breakdown adds up, and every return meets its contract."""

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from registers.actors import COMMAND
from registers.contracts import la_return_errors
from registers.models import RegisterEntry
from registers.rules import returns as rules
from registers.rules.cases import OPENING_STATUSES, next_statuses
from registers.rules.census import Term, census_date
from registers.rules.codes import (
    CaseStatus,
    ClosureReason,
    CmeReason,
    EligibilityBasis,
    PreviousSchoolType,
    PrimaryReason,
    Regime,
    SenProvision,
    Sex,
)
from registers.rules.year_group import national_curriculum_year
from registers.selectors.returns import la_return_build
from tests.factories import ChildFactory
from tests.selectors.case_histories import Move, at, case_history

pytestmark = pytest.mark.django_db

S = CaseStatus
NOW = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)
FIRST_DAY, LAST_DAY = date(2023, 6, 1), date(2026, 3, 1)
TERMS = [
    (2023, Term.AUTUMN),
    (2023, Term.SPRING),
    (2024, Term.AUTUMN),
    (2024, Term.SUMMER),
    (2025, Term.AUTUMN),
    (2025, Term.SPRING),
]
BASES = ["", "", "", EligibilityBasis.NOT_REGISTERED, *rules.NOT_HOME_EDUCATED]


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def _generate(authority, rng: random.Random, children: int) -> None:
    """Children with random walks through the case table, some closed and opened again, some
    archived, on random days and hours (some moves at the same moment)."""
    for _ in range(children):
        child = ChildFactory(
            authority=authority,
            sex=rng.choice(list(Sex)),
            sen_provision=rng.choice(list(SenProvision)),
            date_of_birth=date(2006, 9, 1) + timedelta(days=rng.randrange(14 * 365)),
        )
        moment = at(FIRST_DAY + timedelta(days=rng.randrange(700)), rng.randrange(24))
        for _case in range(rng.choice([1, 1, 2, 3])):
            status = rng.choice(sorted(OPENING_STATUSES))
            basis = rng.choice(BASES)
            moves = [Move(moment, status)]
            while status != S.CLOSED and len(moves) < 12:
                moment += timedelta(days=rng.choice([0, 1, 5, 20, 60]), hours=rng.randrange(3))
                if moment.date() >= LAST_DAY:
                    break
                following = next_statuses(regime=Regime.EHE_2019, status=status)
                # Closing is offered from nearly every status; taken less often than the
                # others, so that cases reach orders, prosecutions and revocations.
                if rng.random() > 0.15 and len(following) > 1:
                    following = [option for option in following if option != S.CLOSED]
                status = rng.choice(following)
                moves.append(
                    Move(
                        moment,
                        status,
                        closure_reason=rng.choice(ClosureReason.values)
                        if status == S.CLOSED
                        else "",
                        cme_reason=rng.choice(["", *CmeReason.values]) if status == S.CME else "",
                        eligibility_basis=basis if status == S.REGISTERED else "",
                    )
                )
            entry = case_history(
                child=child,
                moves=moves,
                primary_reason=rng.choice(list(PrimaryReason)),
                previous_school_type=rng.choice(list(PreviousSchoolType)),
            )
            if rng.random() < 0.04:
                entry.archive(actor=COMMAND, reason="Opened in error")
            if status != S.CLOSED:
                break
            moment += timedelta(days=rng.randint(1, 120))
        if rng.random() < 0.03:
            child.archive(actor=COMMAND, reason="Added in error")


def _in_list(code_list: rules.PublishedCodeList, period, value: str) -> str:
    codes = dict(code_list.in_period(period))
    return value if value in codes else code_list.rest


def _counts(code_list, period, values) -> dict[str, int] | None:
    codes = code_list.in_period(period)
    if codes is None:
        return None
    found = Counter(_in_list(code_list, period, value) for value in values)
    return {code: found[code] for code, _ in codes}


def _worked_out(authority, period) -> dict:
    """The return worked out by walking every case's moves, day by day, in Python."""
    year, term = period
    census = census_date(year, term)
    first_day = date(year, 9, 1)
    home = rules.ELECTIVE_HOME_EDUCATION

    def day(move) -> date:
        return timezone.localdate(move.occurred_at)

    cases = []
    for entry in (
        RegisterEntry.objects.filter(
            authority=authority, archived_at=None, child__archived_at=None
        )
        .select_related("child")
        .prefetch_related("transitions")
    ):
        moves = sorted(entry.transitions.all(), key=lambda move: (move.occurred_at, move.id))
        cases.append((entry, moves))

    def last(moves, until):  # the last move on a day before `until`
        before = [move for move in moves if day(move) < until]
        return before[-1] if before else None

    ehe, cme, any_point = [], [], {}
    starts, returns = set(), set()
    notices = orders = revoked = 0
    for entry, moves in cases:
        counted = entry.eligibility_basis not in rules.NOT_HOME_EDUCATED
        held = last(moves, census + timedelta(days=1))
        if held and held.to_status in home and counted:
            ehe.append(entry)
        if held and held.to_status in rules.MISSING_EDUCATION:
            cme.append((entry, held))
        in_year = [move for move in moves if first_day <= day(move) <= census]
        as_year_opened = last(moves, first_day)
        if counted and (
            (as_year_opened and as_year_opened.to_status in home)
            or any(move.to_status in home for move in in_year)
        ):
            latest = any_point.get(entry.child_id)
            key = (entry.notified_on, entry.created_at, entry.pk)
            if latest is None or key > (latest.notified_on, latest.created_at, latest.pk):
                any_point[entry.child_id] = entry
        for move in in_year:
            if counted and move.to_status in home and move.from_status not in home:
                starts.add(entry.child_id)
            if (
                counted
                and move.from_status in home
                and (
                    move.to_status == S.SAO_COMPLIED
                    or (
                        move.to_status == S.CLOSED and entry.closure_reason == "returned_to_school"
                    )
                )
            ):
                returns.add(entry.child_id)
            notices += move.to_status == S.SAO_PRELIMINARY
            orders += move.to_status == S.SAO_SERVED and move.from_status != S.PROSECUTION
            revoked += move.to_status == S.SAO_REVOKED

    def year_group(entry) -> str:
        number = national_curriculum_year(entry.child.date_of_birth, census)
        return ("R" if number == 0 else str(number)) if 0 <= number <= 11 else "unknown"

    mainstream = [entry for entry in ehe if entry.previous_school_type in rules.MAINSTREAM_SCHOOLS]
    return {
        "ehe": {
            "total": len(ehe),
            "sex": _counts(rules.SEX, period, [entry.child.sex for entry in ehe]),
            "year_group": _counts(rules.YEAR_GROUP, period, [year_group(entry) for entry in ehe]),
            "primary_reason": _counts(
                rules.PRIMARY_REASON, period, [entry.primary_reason for entry in ehe]
            ),
            "sen_provision": _counts(
                rules.SEN_PROVISION, period, [entry.child.sen_provision for entry in ehe]
            ),
            "mainstream": len(mainstream),
            "mainstream_sen": _counts(
                rules.SEN_PROVISION, period, [entry.child.sen_provision for entry in mainstream]
            ),
            "mainstream_reason": _counts(
                rules.PRIMARY_REASON, period, [entry.primary_reason for entry in mainstream]
            ),
        },
        "cme": {
            "total": len(cme),
            "time_missing": _counts(
                rules.CME_TIME_MISSING,
                period,
                [rules.cme_duration_band((census - day(move)).days) for _, move in cme],
            ),
            "reason": _counts(rules.CME_REASON, period, [move.cme_reason for _, move in cme]),
        },
        "year": {
            "children_at_any_point": len(any_point),
            "starts": len(starts),
            "returns_to_school": len(returns),
            "section_437_notices": notices,
            "attendance_orders_issued": orders,
            "attendance_orders_revoked": revoked,
            "previous_school_type": _counts(
                rules.PREVIOUS_SCHOOL_TYPE,
                period,
                [entry.previous_school_type for entry in any_point.values()],
            ),
        },
    }


def _by_code(rows) -> dict[str, int] | None:
    return None if rows is None else {row["code"]: row["count"] for row in rows}


def _inconsistencies(payload: dict, period) -> list[str]:
    """Every breakdown that does not add up to its total, or lists other codes than the
    period's; and the year's flows that exceed the children at any point."""
    census = payload["census"]["elective_home_education"]
    mainstream = census["previous_school_mainstream"]
    missing = payload["census"]["children_missing_education"]
    year = payload["academic_year"]
    parts = [
        (census["sex"], census["total"], rules.SEX),
        (census["year_group"], census["total"], rules.YEAR_GROUP),
        (census["primary_reason"], census["total"], rules.PRIMARY_REASON),
        (census["sen_provision"], census["total"], rules.SEN_PROVISION),
        (mainstream["sen_provision"], mainstream["total"], rules.SEN_PROVISION),
        (mainstream["primary_reason"], mainstream["total"], rules.PRIMARY_REASON),
        (missing["time_missing"], missing["total"], rules.CME_TIME_MISSING),
        (missing["reason"], missing["total"], rules.CME_REASON),
        (year["previous_school_type"], year["children_at_any_point"], rules.PREVIOUS_SCHOOL_TYPE),
    ]
    problems = []
    for rows, total, code_list in parts:
        listed = code_list.in_period(period)
        if rows is None or listed is None:
            if (rows is None) != (listed is None):
                problems.append(f"{code_list.name}: present in the wrong period")
            continue
        if sum(row["count"] for row in rows) != total:
            problems.append(f"{code_list.name}: adds up to {sum(r['count'] for r in rows)}")
        if [(row["code"], row["label"]) for row in rows] != list(listed):
            problems.append(f"{code_list.name}: not the period's codes and labels")
    if mainstream["total"] > census["total"]:
        problems.append("more from mainstream schools than in all")
    for flow in ("starts", "returns_to_school"):
        if year[flow] > year["children_at_any_point"]:
            problems.append(f"{flow} exceed the children at any point")
    return problems


@pytest.mark.parametrize("seed", [2026])
def test_every_term_counts_what_the_case_histories_say(devon, cornwall, seed):
    rng = random.Random(seed)
    _generate(devon, rng, 45)
    _generate(cornwall, rng, 5)

    seen = Counter()
    for period in TERMS:
        year, term = period
        payload = la_return_build(
            authority=devon, academic_year=f"{year}-{(year + 1) % 100:02d}", term=term.slug
        )
        worked_out = _worked_out(devon, period)
        census = payload["census"]["elective_home_education"]
        missing = payload["census"]["children_missing_education"]
        academic = payload["academic_year"]
        built = {
            "ehe": {
                "total": census["total"],
                "sex": _by_code(census["sex"]),
                "year_group": _by_code(census["year_group"]),
                "primary_reason": _by_code(census["primary_reason"]),
                "sen_provision": _by_code(census["sen_provision"]),
                "mainstream": census["previous_school_mainstream"]["total"],
                "mainstream_sen": _by_code(census["previous_school_mainstream"]["sen_provision"]),
                "mainstream_reason": _by_code(
                    census["previous_school_mainstream"]["primary_reason"]
                ),
            },
            "cme": {
                "total": missing["total"],
                "time_missing": _by_code(missing["time_missing"]),
                "reason": _by_code(missing["reason"]),
            },
            "year": {
                **{name: value for name, value in academic.items() if isinstance(value, int)},
                "previous_school_type": _by_code(academic["previous_school_type"]),
            },
        }
        assert built == worked_out, period
        assert _inconsistencies(payload, period) == [], period
        assert la_return_errors(payload) == [], period
        seen.update(
            {
                "home educated": worked_out["ehe"]["total"],
                "from mainstream": worked_out["ehe"]["mainstream"],
                "missing education": worked_out["cme"]["total"],
                **{k: v for k, v in worked_out["year"].items() if isinstance(v, int)},
            }
        )
    # The generated register has something in every part of the return in some term.
    assert [part for part, count in seen.items() if not count] == []
