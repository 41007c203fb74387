"""The national checks of a return that meets its contract, and the EES file check, on
documents and files made here: every fault named, none where there is none."""

import csv
import json
from importlib.resources import files

import pytest
from django.core.management import CommandError, call_command

from national.checks import return_faults
from national.contracts import contract_errors
from national.ees import META_COLUMNS, file_failures
from national.models import Source
from national.publication import DATA_COLUMNS, META_ROWS


def row(code: str, count: int) -> dict:
    return {"code": code, "label": code.title(), "count": count}


def a_return(academic_year="2024-25", term="autumn", **changes) -> dict:
    """A return of 3 children home educated and 1 missing education."""
    document = {
        "contract": "la-return",
        "contract_version": "1.0",
        "local_authority": {"old_la_code": "878", "new_la_code": "E10000008", "la_name": "Devon"},
        "period": {
            "academic_year": academic_year,
            "term": term,
            "time_period": academic_year[:4] + academic_year[5:],
            "time_identifier": f"{term.title()} term",
            "census_date": "2024-10-03",
        },
        "census": {
            "elective_home_education": {
                "total": 3,
                "sex": [row("female", 2), row("male", 1)],
                "year_group": [row("5", 3)],
                "primary_reason": [row("mental_health", 2), row("other", 1)],
                "sen_provision": [row("none", 3)],
                "previous_school_mainstream": {
                    "total": 1,
                    "sen_provision": [row("none", 1)],
                    "primary_reason": [row("mental_health", 1)],
                },
            },
            "children_missing_education": {
                "total": 1,
                "time_missing": [row("2_to_4_weeks", 1)],
                "reason": [row("other", 1)],
            },
        },
        "academic_year": {
            "from": "2024-09-01",
            "to": "2024-10-03",
            "children_at_any_point": 3,
            "starts": 1,
            "returns_to_school": 0,
            "section_437_notices": 0,
            "attendance_orders_issued": 0,
            "attendance_orders_revoked": 0,
            "previous_school_type": [row("lamain", 1), row("else_unk", 2)],
        },
        "generated_at": "2024-11-01T10:00:00+00:00",
    }
    return document


def faults(document, *, academic_year="2024-25", term="autumn"):
    assert contract_errors(document) == []
    return return_faults(
        document, academic_year=academic_year, term=term, old_la_code="878", la_name="Devon"
    )


def test_a_return_that_adds_up_in_its_terms_codes_has_no_fault():
    assert faults(a_return()) == []


def test_a_reason_first_used_in_autumn_2025_is_refused_in_an_earlier_term():
    document = a_return()
    document["census"]["elective_home_education"]["primary_reason"][1]["code"] = "did_not_apply"

    assert faults(document) == [
        "census/elective_home_education/primary_reason has did_not_apply, a code not in use "
        "in the autumn term of 2024-25"
    ]
    later = a_return("2025-26")
    later["census"]["elective_home_education"]["primary_reason"][1]["code"] = "did_not_apply"
    assert faults(later, academic_year="2025-26") == []


def test_breakdowns_that_do_not_add_up_are_each_named():
    document = a_return()
    document["census"]["children_missing_education"]["reason"][0]["count"] = 2
    document["academic_year"]["previous_school_type"][0]["count"] = 5

    assert faults(document) == [
        "census/children_missing_education/reason adds up to 2, not to its total of 1",
        "academic_year/previous_school_type adds up to 7, not to its total of 3",
    ]


def test_missing_education_detail_is_null_before_autumn_2023_and_given_after():
    early = a_return("2022-23")
    assert faults(early, academic_year="2022-23") == [
        "census/children_missing_education/time_missing was not collected before the autumn "
        "term of 2023-24: it must be null",
        "census/children_missing_education/reason was not collected before the autumn term "
        "of 2023-24: it must be null",
    ]
    late = a_return()
    late["census"]["children_missing_education"]["reason"] = None
    assert faults(late) == [
        "census/children_missing_education/reason is collected from the autumn term of "
        "2023-24: it must be given"
    ]


def write(path, columns, rows):
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)


GOOD_ROW = {
    "time_period": "202526",
    "time_identifier": "Autumn term",
    "geographic_level": "Local authority",
    "country_code": "E92000001",
    "country_name": "England",
    "region_code": "E13000001",
    "region_name": "Inner London",
    "old_la_code": "202",
    "new_la_code": "E09000007",
    "la_name": "Camden",
    "breakdown_topic": "Total",
    "breakdown": "Total",
    "child_count": "30",
    "child_percent": "z",
    "rate_per_100": "x",
}


@pytest.mark.parametrize(
    ("changes", "failure"),
    [
        ({}, None),
        ({"child_percent": "low"}, None),
        ({"la_name": "Islington"}, "do not name one LA in 'Inner London'"),
        ({"region_code": "E12000007"}, "region_code: E12000007 is not the code of 'Inner London'"),
        ({"child_count": ""}, "child_count: blank (use x, z or low)"),
        ({"rate_per_100": "n/a"}, "rate_per_100: 'n/a' is neither a number nor a symbol"),
        ({"child_percent": "<0.5"}, "child_percent: <0.5 is allowed only for a percentage before"),
        ({"child_count": "<0.5", "time_period": "202425"}, "child_count: <0.5 is allowed only"),
        ({"time_period": "202527"}, "time_period: '202527' is not an academic year"),
        ({"geographic_level": "Regional"}, "old_la_code: filled, and a Regional row leaves it"),
        ({"breakdown": ""}, "breakdown: blank"),
    ],
)
def test_the_ees_check_names_each_failure_of_a_data_file(tmp_path, changes, failure):
    write(tmp_path / "ehe_census.meta.csv", META_COLUMNS, META_ROWS)
    write(tmp_path / "ehe_census.csv", DATA_COLUMNS, [list({**GOOD_ROW, **changes}.values())])

    found = file_failures(tmp_path / "ehe_census.csv", DATA_COLUMNS)

    if failure is None:
        assert found == []
    else:
        assert any(failure in item for item in found), found
        assert all(item.startswith("ehe_census.csv line 2, ") for item in found)


def test_the_ees_check_names_columns_out_of_order_and_meta_rows_that_do_not_match(tmp_path):
    write(
        tmp_path / "data.meta.csv", META_COLUMNS, [*META_ROWS[:-1], ("rate", *META_ROWS[-1][1:])]
    )
    write(tmp_path / "data.csv", DATA_COLUMNS, [list(GOOD_ROW.values())] * 2)

    found = file_failures(tmp_path / "data.csv", DATA_COLUMNS)

    assert "data.meta.csv: rate_per_100 must be described once (it is 0 times)" in found
    assert "data.meta.csv line 6: 'rate' is not a filter or indicator column of the data" in found
    assert "data.csv line 3: the same as line 2" in found

    reordered = (DATA_COLUMNS[1], DATA_COLUMNS[0], *DATA_COLUMNS[2:])
    write(tmp_path / "data.csv", reordered, [])
    assert file_failures(tmp_path / "data.csv", DATA_COLUMNS) == [
        "data.csv: its columns must be, in order, " + ", ".join(DATA_COLUMNS)
    ]


def test_the_contract_copy_refuses_a_return_without_its_census():
    document = a_return()
    del document["census"]
    assert contract_errors(document) == ["the return: 'census' is a required property"]
    assert json.loads(files("national.contracts").joinpath("la-return-v1.schema.json").read_text())


@pytest.mark.django_db
def test_a_source_with_an_unknown_la_is_refused_by_the_command_and_nothing_saved():
    with pytest.raises(CommandError, match="Enter the DfE number of an English local authority"):
        call_command(
            "national_source_add",
            "--la",
            "999",
            "--url",
            "https://x.example",
            "--token",
            "cnis_abcdefgh_1",
        )
    assert not Source.objects.exists()
