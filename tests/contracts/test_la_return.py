"""The la-return contract: its schema holds every code the return can send, and refuses a
document that adds, leaves out or bends anything, saying where."""

import copy
from pathlib import Path

import pytest

from registers.contracts import (
    ContractBroken,
    la_return_check,
    la_return_errors,
    la_return_schema,
)
from registers.rules import returns as rules
from registers.rules.census import Term

PERIOD = (2025, Term.AUTUMN)
ROOT = Path(__file__).resolve().parents[2]


def _rows(code_list, period=PERIOD) -> list[dict]:
    return [
        {"code": code, "label": label, "count": 0} for code, label in code_list.in_period(period)
    ]


def _document() -> dict:
    """An LA's return with nobody on its register, as the contract describes it."""
    return {
        "contract": "la-return",
        "contract_version": "1.0",
        "local_authority": {"old_la_code": "878", "new_la_code": "E10000008", "la_name": "Devon"},
        "period": {
            "academic_year": "2025-26",
            "term": "autumn",
            "time_period": "202526",
            "time_identifier": "Autumn term",
            "census_date": "2025-10-02",
        },
        "census": {
            "elective_home_education": {
                "total": 0,
                "sex": _rows(rules.SEX),
                "year_group": _rows(rules.YEAR_GROUP),
                "primary_reason": _rows(rules.PRIMARY_REASON),
                "sen_provision": _rows(rules.SEN_PROVISION),
                "previous_school_mainstream": {
                    "total": 0,
                    "sen_provision": _rows(rules.SEN_PROVISION),
                    "primary_reason": _rows(rules.PRIMARY_REASON),
                },
            },
            "children_missing_education": {
                "total": 0,
                "time_missing": _rows(rules.CME_TIME_MISSING),
                "reason": _rows(rules.CME_REASON),
            },
        },
        "academic_year": {
            "from": "2025-09-01",
            "to": "2025-10-02",
            "children_at_any_point": 0,
            "starts": 0,
            "returns_to_school": 0,
            "section_437_notices": 0,
            "attendance_orders_issued": 0,
            "attendance_orders_revoked": 0,
            "previous_school_type": _rows(rules.PREVIOUS_SCHOOL_TYPE),
        },
        "generated_at": "2025-10-03T09:00:00+01:00",
    }


def test_a_return_as_the_contract_describes_it_is_accepted():
    assert la_return_errors(_document()) == []
    la_return_check(_document())


def test_before_autumn_2023_missing_education_has_no_time_missing_or_reason():
    document = _document()
    document["census"]["children_missing_education"].update(time_missing=None, reason=None)
    assert la_return_errors(document) == []


# Where each breakdown's codes are in the schema, and the list they come from.
BREAKDOWNS = [
    (("census", "elective_home_education", "sex"), rules.SEX),
    (("census", "elective_home_education", "year_group"), rules.YEAR_GROUP),
    (("census", "elective_home_education", "primary_reason"), rules.PRIMARY_REASON),
    (("census", "elective_home_education", "sen_provision"), rules.SEN_PROVISION),
    (
        ("census", "elective_home_education", "previous_school_mainstream", "sen_provision"),
        rules.SEN_PROVISION,
    ),
    (
        ("census", "elective_home_education", "previous_school_mainstream", "primary_reason"),
        rules.PRIMARY_REASON,
    ),
    (("census", "children_missing_education", "time_missing"), rules.CME_TIME_MISSING),
    (("census", "children_missing_education", "reason"), rules.CME_REASON),
    (("academic_year", "previous_school_type"), rules.PREVIOUS_SCHOOL_TYPE),
]


def _schema_at(path: tuple[str, ...]) -> dict:
    node = la_return_schema()
    for name in path:
        node = node["properties"][name]
    return node["anyOf"][0] if "anyOf" in node else node


@pytest.mark.parametrize(
    ("path", "code_list"), BREAKDOWNS, ids=lambda value: getattr(value, "name", "")
)
def test_the_schema_knows_every_code_the_list_has_had_and_no_other(path, code_list):
    schema_codes = _schema_at(path)["items"]["properties"]["code"]["enum"]
    assert sorted(schema_codes) == sorted(code_list.codes_ever())


def test_every_breakdown_the_return_has_is_in_the_schema_once():
    assert len(BREAKDOWNS) == len({path for path, _ in BREAKDOWNS}) == 9


def _broken(change) -> list[str]:
    document = copy.deepcopy(_document())
    change(document)
    return la_return_errors(document)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda d: d["census"]["elective_home_education"].update(first_name="Ada"),
            "census/elective_home_education: Additional properties are not allowed "
            "('first_name' was unexpected)",
            id="a-name-added",
        ),
        pytest.param(
            lambda d: d["census"]["elective_home_education"]["sex"][0].update(upn="A1"),
            "census/elective_home_education/sex/0: Additional properties are not allowed "
            "('upn' was unexpected)",
            id="an-identifier-on-a-row",
        ),
        pytest.param(
            lambda d: d.update(children=[{"date_of_birth": "2014-03-17"}]),
            "document: Additional properties are not allowed ('children' was unexpected)",
            id="rows-of-children",
        ),
        pytest.param(
            lambda d: d["academic_year"].update(starts=-1),
            "academic_year/starts: -1 is less than the minimum of 0",
            id="a-negative-count",
        ),
        pytest.param(
            lambda d: d["academic_year"].update(starts=1.5),
            "academic_year/starts: 1.5 is not of type 'integer'",
            id="a-fraction",
        ),
        pytest.param(
            lambda d: d["census"]["children_missing_education"].pop("reason"),
            "census/children_missing_education: 'reason' is a required property",
            id="a-missing-breakdown",
        ),
        pytest.param(
            lambda d: d["census"]["elective_home_education"]["sex"][2].update(code="other"),
            "census/elective_home_education/sex/2/code: 'other' is not one of "
            "['female', 'male', 'unknown']",
            id="an-unknown-code",
        ),
        pytest.param(
            lambda d: d["period"].update(term="winter"),
            "period/term: 'winter' is not one of ['autumn', 'spring', 'summer']",
            id="a-wrong-term",
        ),
        pytest.param(
            lambda d: d["period"].update(census_date="2025-02-30"),
            "period/census_date: '2025-02-30' is not a 'date'",
            id="no-such-date",
        ),
        pytest.param(
            lambda d: d.update(contract_version="2.0"),
            "contract_version: '2.0' does not match '^1\\\\.[0-9]+$'",
            id="another-major-version",
        ),
        pytest.param(
            lambda d: d["local_authority"].update(new_la_code="E12000009"),
            "local_authority/new_la_code: 'E12000009' does not match '^E(06|08|09|10)[0-9]{6}$'",
            id="a-region-for-an-la",
        ),
    ],
)
def test_a_document_that_breaks_the_contract_is_refused_saying_where(change, expected):
    assert _broken(change) == [expected]


def test_a_broken_return_is_never_passed_on():
    document = _document()
    document["census"]["elective_home_education"]["total"] = "seven"
    with pytest.raises(ContractBroken, match="census/elective_home_education/total"):
        la_return_check(document)


def test_the_schema_has_one_copy_in_the_package_which_the_documentation_links_to():
    copies = [
        path.relative_to(ROOT).as_posix()
        for folder in ("cnis", "docs", "registers", "static", "templates")
        for path in (ROOT / folder).rglob("*.schema.json")
    ]
    assert copies == ["registers/contracts/la-return-v1.schema.json"]
    guide = (ROOT / "docs" / "returns.md").read_text(encoding="utf-8")
    assert "(../registers/contracts/la-return-v1.schema.json)" in guide
