"""The documents this register sends to others, each fixed by a JSON Schema kept here.

The schemas are read from this package at run time (docs/ links to them, never copies them):
the national return (la-return, docs/returns.md). A document is checked against its schema
before it leaves, so that a fault here never reaches the national collection as data.
"""

import json
from functools import cache
from importlib.resources import files

from jsonschema import Draft202012Validator

LA_RETURN_CONTRACT_VERSION = "1.0"
LA_RETURN_SCHEMA_FILE = "la-return-v1.schema.json"


class ContractBroken(Exception):
    """A document this register built does not meet its own contract: a fault, not bad input."""


@cache
def la_return_schema() -> dict:
    """The la-return contract's JSON Schema (version 1)."""
    text = files(__package__).joinpath(LA_RETURN_SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _la_return_validator() -> Draft202012Validator:
    schema = la_return_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def la_return_errors(document: object) -> list[str]:
    """Every way the document breaks the la-return contract, each with where: empty if none."""
    errors = _la_return_validator().iter_errors(document)
    return sorted(
        f"{'/'.join(str(part) for part in error.absolute_path) or 'document'}: {error.message}"
        for error in errors
    )


def la_return_check(document: object) -> None:
    """Raise ContractBroken, naming every fault, unless the document meets the contract."""
    if errors := la_return_errors(document):
        raise ContractBroken("; ".join(errors))
