"""The la-return contract, as the national team holds it: its own copy of the JSON Schema the
LAs' registers publish (a test keeps the two copies the same), read from this package."""

import json
from functools import cache
from importlib.resources import files

from jsonschema import Draft202012Validator

LA_RETURN_SCHEMA_FILE = "la-return-v1.schema.json"


@cache
def _validator() -> Draft202012Validator:
    text = files(__package__).joinpath(LA_RETURN_SCHEMA_FILE).read_text(encoding="utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def contract_errors(document: object) -> list[str]:
    """Every way the document breaks the contract, each with where: empty if none."""
    return sorted(
        f"{'/'.join(str(part) for part in error.absolute_path) or 'the return'}: {error.message}"
        for error in _validator().iter_errors(document)
    )
