"""What a system sends to POST /api/v1/notifications/: the intake's notification contract
(registers.intake.notification, docs/intake.md) as a JSON Schema, and the one way a body is
read into the intake's typed details.

The schema is built from the intake's own questions, so its lengths and code lists have one
home. A body is checked twice over and answered once: the intake's check, whose GOV.UK words
name each field it refuses, and the schema, which adds what only data sent by a program can
get wrong (a number where text belongs, a field the contract does not have). Where the intake
names a field, its words are the answer.
"""

from datetime import date
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from registers.errors import ApplicationError
from registers.intake import notification as intake
from registers.intake.notification import NotificationDetails, notification_details_validate
from registers.rules.codes import (
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    ProviderType,
    Relationship,
    SenProvision,
    Sex,
)
from registers.validation import (
    ADDRESS_LINE_1,
    ADDRESS_LINE_2,
    EMAIL,
    PHONE,
    POSTCODE_TYPED_MAX,
    TOWN,
    Text,
)

# One line of text: no line breaks or other control characters, and no lone surrogates,
# which no database can keep.
ONE_LINE = "^[^\\x00-\\x1f\\x7f\\ud800-\\udfff]*$"


def _text(max_length: int, *, description: str = "") -> dict:
    schema = {"type": "string", "maxLength": max_length, "pattern": ONE_LINE}
    return {**schema, "description": description} if description else schema


def _spec(spec: Text) -> dict:
    return _text(spec.max_length, description=spec.label)


def _codes(codes, *, description: str, optional: bool = False) -> dict:
    values = [str(code) for code in codes]
    if optional:
        # Not given: null or "" (the intake's default applies).
        return {
            "type": ["string", "null"],
            "enum": [*values, "", None],
            "description": description,
        }
    return {"type": "string", "enum": values, "description": description}


def _object(properties: dict, *, required: tuple[str, ...], description: str = "") -> dict:
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }
    return {**schema, "description": description} if description else schema


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


ADDRESS = _object(
    {
        "line_1": _spec(ADDRESS_LINE_1),
        "line_2": _spec(ADDRESS_LINE_2),
        "town": _spec(TOWN),
        "postcode": _text(POSTCODE_TYPED_MAX, description="Postcode, like EX1 1AA"),
    },
    required=("line_1", "town", "postcode"),
)
HOURS = {
    "type": "string",
    "maxLength": 10,
    "pattern": ONE_LINE,
    "description": 'Hours a week as text, 0 to 168, up to one decimal place, like "7.5"',
}

NOTIFICATION_SCHEMA = _object(
    {
        "child": _object(
            {
                "first_name": _spec(intake.CHILD_FIRST_NAME),
                "middle_names": _spec(intake.CHILD_MIDDLE_NAMES),
                "last_name": _spec(intake.CHILD_LAST_NAME),
                "date_of_birth": {
                    "type": "string",
                    "format": "date",
                    "maxLength": 10,
                    "description": "Like 2016-03-27; of compulsory school age today",
                },
                "sex": _codes(Sex, description="The child's sex"),
            },
            required=("first_name", "last_name", "date_of_birth", "sex"),
        ),
        "home_address": ADDRESS,
        "lived_at_home_since": _object(
            {
                "month": {"type": "integer", "minimum": 1, "maximum": 12},
                "year": {"type": "integer", "minimum": 1000, "maximum": 9999},
            },
            required=("month", "year"),
            description="When the child started living at the home address",
        ),
        "previous_address": {
            **_nullable(ADDRESS),
            "description": "Needed when the child has lived at home for less than 12 months",
        },
        "additional_address": _nullable(ADDRESS),
        "parents": {
            "type": "array",
            "minItems": 1,
            "maxItems": intake.MOST_PARENTS,
            "items": _object(
                {
                    "first_name": _spec(intake.PARENT_FIRST_NAME),
                    "last_name": _spec(intake.PARENT_LAST_NAME),
                    "relationship": _codes(Relationship, description="Relationship to the child"),
                    "address": {
                        **_nullable(ADDRESS),
                        "description": "null: lives at the child's home address",
                    },
                    "email": _text(EMAIL.max_length),
                    "phone": _text(PHONE.max_length),
                    "educates": {"type": "boolean"},
                },
                required=("first_name", "last_name", "relationship", "educates"),
            ),
            "description": "Parents and carers; the first gives an email address or a phone",
        },
        "hours_educated_by_parents": {
            "anyOf": [HOURS, {"type": "null"}],
            "description": "Needed when a parent educates the child",
        },
        "providers": {
            "type": "array",
            "maxItems": intake.MOST_PROVIDERS,
            "items": _object(
                {
                    "name": _spec(intake.PROVIDER_NAME),
                    "provider_type": _codes(ProviderType, description="Type of provider"),
                    "address": {
                        **_nullable(ADDRESS),
                        "description": "null: taught online (give the website or email)",
                    },
                    "website": _spec(intake.PROVIDER_WEBSITE),
                    "email": _text(EMAIL.max_length),
                    "hours_per_week": HOURS,
                    "hours_without_parent": HOURS,
                },
                required=("name", "provider_type", "hours_per_week", "hours_without_parent"),
            ),
        },
        "school": _object(
            {
                "attended": {"type": "boolean"},
                "name": _spec(intake.SCHOOL_NAME),
                "still_on_roll": {"type": "boolean"},
                "special_school": {"type": "string", "enum": ["yes", "no", "not_sure"]},
                "type": _codes(
                    PreviousSchoolType, description="Type of school, if known", optional=True
                ),
            },
            required=("attended",),
            description=(
                "The school the child went to most recently. With attended true, name, "
                "still_on_roll and special_school are needed"
            ),
        ),
        "primary_reason": _codes(
            PrimaryReason, description="The main reason the child is not in school", optional=True
        ),
        "sen_provision": _codes(
            SenProvision, description="Special educational needs provision", optional=True
        ),
        "wants_support": {"type": "boolean"},
        "source": _codes(
            NotificationSource,
            description="Who told the local authority (default: parent)",
            optional=True,
        ),
    },
    required=(
        "child",
        "home_address",
        "lived_at_home_since",
        "parents",
        "school",
        "wants_support",
    ),
    description="A notification that a child is not in school (docs/intake.md)",
)

_SHAPE = Draft202012Validator(NOTIFICATION_SCHEMA)
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}
UNKNOWN_FIELD = "Remove this field: a notification has no field of this name"
MISSING = "Give a value for this field"
ONE_LINE_ONLY = "Must be one line of text, with no line breaks or other control characters"


def _path(parts) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _described(error: ValidationError) -> list[tuple[str, str]]:
    """Each problem a schema error stands for, as (path, message)."""
    path = _path(error.absolute_path)
    instance, expected = error.instance, error.validator_value
    match error.validator:
        case "additionalProperties":
            known = error.schema.get("properties", {})
            return [
                (_path([*error.absolute_path, name]), UNKNOWN_FIELD)
                for name in instance
                if name not in known
            ]
        case "required":
            return [
                (_path([*error.absolute_path, name]), MISSING)
                for name in expected
                if name not in instance
            ]
        case "type":
            kinds = expected if isinstance(expected, list) else [expected]
            return [(path, "Must be " + " or ".join(_TYPE_WORDS[kind] for kind in kinds))]
        case "enum":
            shown = ", ".join(str(value) for value in expected if value)
            return [(path, f"Must be one of: {shown}")]
        case "maxLength":
            return [(path, f"Must be {expected} characters or fewer")]
        case "pattern":
            return [(path, ONE_LINE_ONLY)]
        case "minimum":
            return [(path, f"Must be {expected} or more")]
        case "maximum":
            return [(path, f"Must be {expected} or fewer")]
        case "minItems":
            return [(path, f"Must list at least {expected}")]
        case "maxItems":
            return [(path, f"Must list no more than {expected}")]
        case "anyOf":
            # Text or null, an address or null: say what is wrong inside the one that fits,
            # or, if neither does, what it may be.
            inside = [problem for problem in error.context if problem.validator != "type"]
            if inside:
                return [described for problem in inside for described in _described(problem)]
            kinds = [branch.get("type", "object") for branch in expected]
            return [(path, "Must be " + " or ".join(_TYPE_WORDS[kind] for kind in kinds))]
    return [(path, error.message)]


def _shape_problems(body: Any) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    for error in _SHAPE.iter_errors(body):
        for path, message in _described(error):
            held = problems.setdefault(path, [])
            if message not in held:
                held.append(message)
    return problems


def _related(one: str, other: str) -> bool:
    """Whether one path is the other, or inside it."""
    if one == other:
        return True
    shorter, longer = sorted((one, other), key=len)
    return longer.startswith(shorter) and longer[len(shorter)] in ".["


def notification_read(body: Any, *, today: date) -> tuple[NotificationDetails, str]:
    """The intake's typed details of a body, and who told the LA; ApplicationError names every
    problem by path, in the intake's words wherever the intake names the field."""
    try:
        details = notification_details_validate(body, today=today)
        errors: dict[str, list[str]] = {}
    except ApplicationError as refused:
        details, errors = None, dict(refused.errors)
    for path, messages in _shape_problems(body).items():
        if not any(_related(path, named) for named in errors):
            errors[path] = messages
    if errors:
        raise ApplicationError(errors)
    source = (body.get("source") or NotificationSource.PARENT) if isinstance(body, dict) else ""
    return details, NotificationSource(source)
