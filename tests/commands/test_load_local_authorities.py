"""manage.py load_local_authorities: every English LA, once, however often it runs."""

from io import StringIO

import pytest
from django.core.management import call_command

from registers.models import LocalAuthority
from registers.services.authorities import local_authorities_csv_rows, local_authorities_load

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("load_local_authorities", stdout=out)
    return out.getvalue()


def test_loads_every_authority_once_however_often_it_runs() -> None:
    first = load()
    second = load()

    assert LocalAuthority.objects.count() == 153
    assert "153 local authorities loaded (153 new, 0 updated)" in first
    assert "153 local authorities loaded (0 new, 0 updated)" in second


@pytest.mark.parametrize(
    ("dfe_number", "name", "ons_code", "region_name", "london_split"),
    [
        ("878", "Devon", "E10000008", "South West", ""),
        ("942", "Cumberland", "E06000063", "North West", ""),
        ("202", "Camden", "E09000007", "London", "Inner London"),
    ],
)
def test_authorities_have_their_codes_and_regions(
    dfe_number: str, name: str, ons_code: str, region_name: str, london_split: str
) -> None:
    load()

    authority = LocalAuthority.objects.get(dfe_number=dfe_number)

    assert authority.name == name
    assert authority.ons_code == ons_code
    assert authority.region_name == region_name
    assert authority.london_split == london_split
    assert authority.region_code.startswith("E12")


def test_reload_corrects_listed_columns_and_keeps_the_authoritys_settings() -> None:
    load()
    LocalAuthority.objects.filter(dfe_number="878").update(
        name="Devonshire", hosted=True, registration_period_days=20
    )

    output = load()

    devon = LocalAuthority.objects.get(dfe_number="878")
    assert "(0 new, 1 updated)" in output
    assert devon.name == "Devon"
    assert devon.hosted is True
    assert devon.registration_period_days == 20


def test_the_file_is_read_from_the_registers_package() -> None:
    rows = local_authorities_csv_rows()

    assert len(rows) == 153
    assert set(rows[0]) == {
        "old_la_code",
        "new_la_code",
        "la_name",
        "region_code",
        "region_name",
        "london_split",
    }


def test_loader_returns_new_and_updated_counts() -> None:
    row = {
        "old_la_code": "878",
        "new_la_code": "E10000008",
        "la_name": "Devon",
        "region_code": "E12000009",
        "region_name": "South West",
        "london_split": "",
    }

    assert local_authorities_load(rows=[row]) == (1, 0)
    assert local_authorities_load(rows=[{**row, "la_name": "Devon County"}]) == (0, 1)
    assert local_authorities_load(rows=[{**row, "la_name": "Devon County"}]) == (0, 0)
    assert LocalAuthority.objects.get().name == "Devon County"
