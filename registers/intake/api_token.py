"""An LA admin's request for an API token (from the staff page or `manage.py api_token_create`):
what a token is for, what it may do, and for how long. One check, one message per rule."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from registers.errors import ApplicationError
from registers.models import ApiScope, ApiToken
from registers.validation import Invalid, Text, max_length

TOKEN_NAME = Text(
    "What the token is for",
    max_length(ApiToken, "name"),
    required="Enter what the token is for, like the name of the system that will use it",
)
SCOPES_LABEL = "What the token may do"
SCOPES_MISSING = "Select what the token may do"
SCOPE_UNKNOWN = "Select what the token may do from the list: {known}"
DAYS_LABEL = "Days until the token expires"


def days_problem(days: object) -> str | None:
    """Why a token cannot last this many days, or None."""
    most = settings.CNIS_API_TOKEN_MAX_DAYS
    if isinstance(days, bool) or not isinstance(days, int):
        return f"Enter the number of days until the token expires, like {most // 4}"
    if not 1 <= days <= most:
        return f"A token lasts between 1 and {most} days"
    return None


def days_clean(text: object) -> int:
    """Days typed on a page ("90"), checked as the command's are."""
    typed = text.strip() if isinstance(text, str) else ""
    days = int(typed) if typed.isascii() and typed.isdigit() and len(typed) < 6 else typed
    problem = days_problem(days)
    if problem:
        raise Invalid(problem)
    return days


def scopes_clean(scopes: Iterable[object]) -> tuple[str, ...]:
    """The scopes asked for, each once, in the list's order; Invalid if none or one unknown."""
    asked = [scope.strip() if isinstance(scope, str) else scope for scope in scopes]
    if not asked:
        raise Invalid(SCOPES_MISSING)
    if any(scope not in ApiScope.values for scope in asked):
        raise Invalid(SCOPE_UNKNOWN.format(known=", ".join(ApiScope.values)))
    return tuple(scope for scope in ApiScope.values if scope in asked)


@dataclass(frozen=True, kw_only=True)
class ApiTokenRequest:
    name: str
    scopes: tuple[str, ...]
    days: int


def api_token_request_validate(
    *, name: object, scopes: Iterable[object], days: object
) -> ApiTokenRequest:
    """The request checked and tidied; ApplicationError names every problem by field."""
    errors: dict[str, list[str]] = {}
    try:
        name = TOKEN_NAME.clean(name)
    except Invalid as problem:
        errors["name"] = [str(problem)]
    try:
        scopes = scopes_clean(scopes)
    except Invalid as problem:
        errors["scopes"] = [str(problem)]
    problem = days_problem(days)
    if problem:
        errors["days"] = [problem]
    if errors:
        raise ApplicationError(errors)
    return ApiTokenRequest(name=name, scopes=scopes, days=days)
