"""The termly return's address, /api/v1/returns/<academic year>/<term>/ (scope returns:read),
read and checked before any figure is computed: "2025-26" and "autumn", "spring" or "summer".

Its route takes any text in either place (`<str:academic_year>/<str:term>/`) and its view reads
them here first, so that a wrong year or term gets a 400 naming what is wrong rather than a 404
that says nothing.
"""

import re
from dataclasses import dataclass

from registers.contracts import la_return_schema
from registers.errors import ApplicationError
from registers.rules.census import Term

ACADEMIC_YEAR = re.compile(r"^([0-9]{4})-([0-9]{2})$")
TERMS = {"autumn": Term.AUTUMN, "spring": Term.SPRING, "summer": Term.SUMMER}
YEAR_INVALID = (
    "Enter the academic year as its first year and the last two digits of the next, like 2025-26"
)
TERM_INVALID = "Enter the term as autumn, spring or summer"


@dataclass(frozen=True)
class ReturnPeriod:
    academic_year: str  # "2025-26", as in the address
    academic_year_start: int  # 2025
    term: str  # "autumn", as in the address
    census_term: Term


def return_period_read(academic_year: str, term: str) -> ReturnPeriod:
    """The period an address names; ApplicationError names each part that is wrong."""
    errors: dict[str, list[str]] = {}
    year = ACADEMIC_YEAR.match(academic_year)
    if not year or (int(year.group(1)) + 1) % 100 != int(year.group(2)):
        errors["academic_year"] = [YEAR_INVALID]
    if term not in TERMS:
        errors["term"] = [TERM_INVALID]
    if errors:
        raise ApplicationError(errors)
    return ReturnPeriod(
        academic_year=academic_year,
        academic_year_start=int(year.group(1)),
        term=term,
        census_term=TERMS[term],
    )


def _inlined(node: object, definitions: dict) -> object:
    """The node with each local `$ref` replaced by the definition it names."""
    if isinstance(node, dict):
        if set(node) == {"$ref"} and node["$ref"].startswith("#/$defs/"):
            return _inlined(definitions[node["$ref"].removeprefix("#/$defs/")], definitions)
        return {key: _inlined(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inlined(item, definitions) for item in node]
    return node


def _openapi_schema(contract: dict) -> dict:
    """The contract's JSON Schema as the OpenAPI document carries it: the same constraints,
    with its definitions written in place (the document has no `$defs` of its own)."""
    definitions = contract.get("$defs", {})
    body = {
        key: value for key, value in contract.items() if key not in {"$schema", "$id", "$defs"}
    }
    return _inlined(body, definitions)


# The return's response schema, from its one home (registers.contracts).
LA_RETURN_SCHEMA = _openapi_schema(la_return_schema())
