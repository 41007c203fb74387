"""The national job over real HTTP: four LAs on one deployment (Django's live server) answer
with their returns; the tables published from them are compared with counts worked out here
from the children each register holds, rounding and symbols included."""

from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command

from national.models import CollectionRun, LaReturnResult, ReturnStatus
from tests.factories import ChildFactory
from tests.national.conftest import ON_REGISTER, PLACES, REGISTERS, TERM, YEAR
from tests.national.tables_expected import (
    LOCAL,
    NATIONAL,
    count_shown,
    csv_rows,
    percent_shown,
    rate_shown,
    row_for,
)
from tests.selectors.case_histories import case_history, registered

pytestmark = pytest.mark.usefixtures("quick_collection")

# Small, so that the rates are more than 0: none for Barnet.
POPULATION = {"E10000008": 1_203, "E06000052": 812, "E09000007": 256}


def children(code: str, **having) -> int:
    return sum(
        all(getattr(child, name) == value for name, value in having.items())
        for child in REGISTERS[code]
    )


def test_the_published_tables_have_each_las_regions_and_englands_counts_once(
    las_over_http, tmp_path
):
    population_file = tmp_path / "population.csv"
    population_file.write_text(
        "new_la_code,population,mid_year\n"
        + "".join(f"{code},{count},2025\n" for code, count in POPULATION.items())
    )
    call_command("national_population_load", population_file)

    call_command("national_collect", "--year", YEAR, "--term", TERM)

    run = CollectionRun.objects.get(academic_year=YEAR, term=TERM)
    assert run.finished_at is not None
    assert Counter(run.results.values_list("status", flat=True)) == {ReturnStatus.VALID: 4}

    out = tmp_path / "publication"
    call_command("national_publish", "--year", YEAR, "--term", TERM, "--out", out)
    assert sorted(path.name for path in out.iterdir()) == sorted(
        f"{name}{suffix}"
        for name in ("ehe_census", "ehe_academic_year", "cme_census", "ehe_sen")
        for suffix in (".csv", ".meta.csv")
    )
    rows = csv_rows(out / "ehe_census.csv")
    assert {row["time_period"] for row in rows} == {"202526"}
    assert {row["time_identifier"] for row in rows} == {"Autumn term"}

    for code, (ons, name, *_rest) in PLACES.items():
        total = len(REGISTERS[code])
        row = row_for(rows, level="Local authority", area=ons, topic="Total", breakdown="Total")
        assert (row["old_la_code"], row["la_name"]) == (code, name)
        assert row["child_count"] == count_shown(total, LOCAL)
        assert row["child_percent"] == "z"
        expected_rate = rate_shown(total, POPULATION[ons]) if ons in POPULATION else "x"
        assert row["rate_per_100"] == expected_rate
        for sex, label in (("female", "Female"), ("male", "Male")):
            row = row_for(rows, level="Local authority", area=ons, topic="Sex", breakdown=label)
            counted = children(code, sex=sex)
            assert row["child_count"] == count_shown(counted, LOCAL)
            assert row["child_percent"] == percent_shown(counted, total)
            assert row["rate_per_100"] == "z"

    # The regions as published: London as Inner and Outer London.
    regions = {
        "E12000009": ("South West", ["878", "908"]),
        "E13000001": ("Inner London", ["202"]),
        "E13000002": ("Outer London", ["302"]),
    }
    assert {row["region_name"] for row in rows if row["geographic_level"] == "Regional"} == {
        "South West",
        "Inner London",
        "Outer London",
    }
    for region_code, (region_name, codes) in regions.items():
        total = sum(len(REGISTERS[code]) for code in codes)
        row = row_for(rows, level="Regional", area=region_code, topic="Total", breakdown="Total")
        assert row["region_name"] == region_name
        assert row["child_count"] == count_shown(total, LOCAL)
    south_west = row_for(
        rows, level="Regional", area="E12000009", topic="Total", breakdown="Total"
    )
    assert south_west["rate_per_100"] == rate_shown(
        len(REGISTERS["878"]) + len(REGISTERS["908"]),
        POPULATION["E10000008"] + POPULATION["E06000052"],
    )
    outer = row_for(rows, level="Regional", area="E13000002", topic="Total", breakdown="Total")
    assert outer["rate_per_100"] == "x"  # Barnet's population was not supplied

    england = sum(len(children_) for children_ in REGISTERS.values())
    row = row_for(rows, level="National", area="E92000001", topic="Total", breakdown="Total")
    assert row["child_count"] == count_shown(england, NATIONAL) == "low"
    assert row["rate_per_100"] == "x"
    mental_health = sum(children(code, reason="mental_health") for code in REGISTERS)
    row = row_for(
        rows, level="National", area="E92000001", topic="Reason", breakdown="Mental health"
    )
    assert row["child_percent"] == percent_shown(mental_health, england)

    # The SEN file: children whose previous school was a mainstream school, by SEN provision.
    sen_rows = csv_rows(out / "ehe_sen.csv")
    devon_mainstream = children("878", school="lamain") + children("878", school="acad")
    row = row_for(
        sen_rows,
        level="Local authority",
        area="E10000008",
        topic="Previous school mainstream",
        breakdown="Previous school mainstream",
    )
    assert row["child_count"] == count_shown(devon_mainstream, LOCAL)
    assert row["child_percent"] == percent_shown(devon_mainstream, len(REGISTERS["878"]))
    row = row_for(
        sen_rows,
        level="Local authority",
        area="E10000008",
        topic="SEN provision, previous school mainstream",
        breakdown="Education, health and care plan",
    )
    ehc_from_mainstream = children("878", sen="ehc_plan", school="lamain")
    assert row["child_count"] == count_shown(ehc_from_mainstream, LOCAL)
    assert row["child_percent"] == percent_shown(ehc_from_mainstream, devon_mainstream)

    # The academic year to the census date: every child was home educated as it opened, none
    # started in it. No child is missing education, so no percentage of them applies.
    year_rows = csv_rows(out / "ehe_academic_year.csv")
    devon_year = row_for(
        year_rows, level="Local authority", area="E10000008", topic="Total", breakdown="Total"
    )
    assert devon_year["child_count"] == count_shown(len(REGISTERS["878"]), LOCAL)
    starts = row_for(
        year_rows, level="Local authority", area="E10000008", topic="Starts", breakdown="Starts"
    )
    assert (starts["child_count"], starts["child_percent"], starts["rate_per_100"]) == (
        "0",
        "z",
        "z",
    )
    cme_rows = csv_rows(out / "cme_census.csv")
    devon_cme = row_for(
        cme_rows,
        level="Local authority",
        area="E10000008",
        topic="Duration",
        breakdown="4 to 8 weeks",
    )
    assert (devon_cme["child_count"], devon_cme["child_percent"]) == ("0", "z")

    # Collecting the term again replaces its returns and tables: nothing is counted twice.
    counted_once = sorted(run.counts.values_list("area_code", "file", "breakdown", "child_count"))
    call_command("national_collect", "--year", YEAR, "--term", TERM)
    assert CollectionRun.objects.count() == 1
    assert LaReturnResult.objects.count() == len(REGISTERS)
    counted_again = sorted(run.counts.values_list("area_code", "file", "breakdown", "child_count"))
    assert counted_again == counted_once


def test_a_child_on_two_las_registers_is_counted_once_in_the_region_and_england(
    las_over_http, settings, tmp_path
):
    settings.CNIS_RETURN_PSEUDONYM_KEY = "a key the LAs share"
    # The same child in Devon and in Cornwall, written differently; and another in Barnet.
    for code, first, last in (
        ("878", "Zoë", "O'Neil"),
        ("908", "ZOE ", "oneil"),
        ("302", "Zoe", "O'Neil-Smith"),
    ):
        child = ChildFactory(
            authority=las_over_http[code],
            first_name=first,
            last_name=last,
            date_of_birth=date(2014, 2, 3),
        )
        case_history(child=child, moves=registered(ON_REGISTER))

    call_command("national_collect", "--year", YEAR, "--term", TERM)

    run = CollectionRun.objects.get()
    assert set(run.results.values_list("status", flat=True)) == {ReturnStatus.VALID}
    devon = run.results.get(source__old_la_code="878").payload
    assert len(devon["pseudonyms"]["elective_home_education"]) == len(REGISTERS["878"]) + 1

    def total(area: str, file: str = "ehe_census") -> int:
        return run.counts.get(
            file=file, area_code=area, breakdown_topic="Total", breakdown_code="total"
        ).child_count

    # Each LA still counts the child on its register.
    assert total("E10000008") == len(REGISTERS["878"]) + 1
    assert total("E06000052") == len(REGISTERS["908"]) + 1
    # The South West and England count Zoë once; Barnet's Zoe O'Neil-Smith is another child.
    assert total("E12000009") == len(REGISTERS["878"]) + len(REGISTERS["908"]) + 1
    england = sum(len(children) for children in REGISTERS.values()) + 2
    assert total("E92000001") == england
    assert total("E92000001", "ehe_sen") == england
