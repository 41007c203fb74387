"""The national team checks returns against its own copy of the contract and places LAs by its
own copy of the LA list: each must stay the same as the registers' own."""

import csv
from importlib.resources import files

from django.conf import settings


def test_the_national_copy_of_the_return_contract_is_the_registers_own():
    national = files("national.contracts").joinpath("la-return-v1.schema.json").read_bytes()
    registers = files("registers.contracts").joinpath("la-return-v1.schema.json").read_bytes()
    assert national == registers


def test_the_national_list_of_las_is_the_registers_own():
    def rows(path):
        with path.open(newline="", encoding="utf-8") as lines:
            return list(csv.DictReader(lines))

    base = settings.BASE_DIR
    national = rows(base / "national" / "geography.csv")
    assert len(national) == 153
    assert national == rows(base / "registers" / "fixtures" / "local_authorities.csv")
