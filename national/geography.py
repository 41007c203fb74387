"""England's LAs and regions as the publication names them, from the national team's own copy
of the LA list (geography.csv): London as Inner London and Outer London."""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

COUNTRY_CODE = "E92000001"
COUNTRY_NAME = "England"
# The publication's London regions (ONS codes of Inner and Outer London).
LONDON_REGIONS = {"Inner London": "E13000001", "Outer London": "E13000002"}
GEOGRAPHY_FILE = Path(__file__).with_name("geography.csv")


@dataclass(frozen=True)
class LaPlace:
    old_la_code: str
    new_la_code: str
    la_name: str
    region_code: str
    region_name: str


@cache
def local_authorities() -> dict[str, LaPlace]:
    """Every LA by its DfE number, in its published region."""
    with GEOGRAPHY_FILE.open(newline="", encoding="utf-8") as rows:
        places = {}
        for row in csv.DictReader(rows):
            split = row["london_split"].strip()
            region_code = LONDON_REGIONS[split] if split else row["region_code"]
            places[row["old_la_code"]] = LaPlace(
                old_la_code=row["old_la_code"],
                new_la_code=row["new_la_code"],
                la_name=row["la_name"],
                region_code=region_code,
                region_name=split or row["region_name"],
            )
    return places


@cache
def regions() -> dict[str, str]:
    """The published regions' names by code."""
    return {place.region_code: place.region_name for place in local_authorities().values()}
