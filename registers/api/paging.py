"""Lists a page at a time: `page_size` (capped, OWASP API4) and an opaque `cursor` that the
previous page's `next` link carries; the query parameters that narrow a list."""

import base64
import binascii
import json
from datetime import date
from uuid import UUID

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

from registers.errors import ApplicationError
from registers.rules.codes import CaseStatus, PrimaryReason
from registers.selectors.register_pages import Page, RegisterFilters

PAGE_SIZE_INVALID = "Enter the page size as a whole number, 1 or more"
CURSOR_INVALID = (
    "This cursor was not given by this list: follow the list's next link, or leave the "
    "cursor out for the first page"
)
STATUS_INVALID = "Choose a status from: {codes}"
REASON_INVALID = "Choose a primary reason from: {codes}"
DATE_INVALID = "Enter the date like 2026-09-01"
UNKNOWN_PARAMETER = "Remove this query parameter: this route has none of this name"


class QueryParametersChecked:
    """A view that refuses query parameters it does not name in `query_parameters`, as the
    notification refuses fields it does not have: a misspelt filter must not be ignored."""

    query_parameters: frozenset[str] = frozenset()

    def initial(self, request: Request, *args, **kwargs) -> None:
        # After the token and its scope are checked: a stranger learns nothing of the routes.
        super().initial(request, *args, **kwargs)
        unknown = sorted(set(request.query_params) - self.query_parameters)
        if unknown:
            raise ApplicationError({name: [UNKNOWN_PARAMETER] for name in unknown})


def page_size_read(request: Request) -> int:
    """The page size asked for, never more than CNIS_API_MAX_PAGE_SIZE (S19)."""
    asked = request.query_params.get("page_size")
    if asked is None:
        return settings.CNIS_API_PAGE_SIZE
    digits = asked.lstrip("0")
    if not (asked.isascii() and asked.isdigit() and digits):
        raise ApplicationError({"page_size": [PAGE_SIZE_INVALID]})
    # However many digits are asked for, no more than the cap are returned.
    cap = settings.CNIS_API_MAX_PAGE_SIZE
    return cap if len(digits) > len(str(cap)) else min(int(digits), cap)


def cursor_text(kind: str, position: tuple) -> str:
    parts = [kind, *(str(part) for part in position)]
    return base64.urlsafe_b64encode(json.dumps(parts).encode()).decode().rstrip("=")


def cursor_read(request: Request, kind: str, types: tuple) -> tuple | None:
    """The position a cursor of this list holds, typed; None for the first page."""
    given = request.query_params.get("cursor")
    if given is None:
        return None
    try:
        parts = json.loads(base64.urlsafe_b64decode(given + "=" * (-len(given) % 4)))
        if not (
            isinstance(parts, list)
            and len(parts) == len(types) + 1
            and parts[0] == kind
            and all(isinstance(part, str) for part in parts)
        ):
            raise ValueError
        return tuple(kind_of(part) for kind_of, part in zip(types, parts[1:], strict=True))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise ApplicationError({"cursor": [CURSOR_INVALID]}) from None


def _code(request: Request, name: str, codes, message: str) -> str | None:
    given = request.query_params.get(name)
    if given is None:
        return None
    if given not in codes.values:
        raise ApplicationError({name: [message.format(codes=", ".join(codes.values))]})
    return given


def filters_read(request: Request) -> RegisterFilters:
    """The list's filters; each one wrong is named, with what it may be."""
    errors: dict[str, list[str]] = {}
    found = {}
    for name, codes, message in (
        ("status", CaseStatus, STATUS_INVALID),
        ("primary_reason", PrimaryReason, REASON_INVALID),
    ):
        try:
            found[name] = _code(request, name, codes, message)
        except ApplicationError as problem:
            errors.update(problem.errors)
    since = request.query_params.get("notified_since")
    if since is not None:
        try:
            found["notified_since"] = date.fromisoformat(since)
        except ValueError:
            errors["notified_since"] = [DATE_INVALID]
    if errors:
        raise ApplicationError(errors)
    return RegisterFilters(**found)


def page_data(request: Request, page: Page, *, kind: str, rows: list) -> dict:
    next_link = None
    if page.after is not None:
        next_link = replace_query_param(
            request.build_absolute_uri(), "cursor", cursor_text(kind, page.after)
        )
    return {"count": page.count, "next": next_link, "results": rows}


PAGE_PARAMETERS = [
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1},
        description=(
            "Rows a page (default 50). Never more than 100 are returned, whatever is asked."
        ),
    ),
    OpenApiParameter(
        "cursor",
        OpenApiTypes.STR,
        description="Where the page starts: take it from the previous page's next link",
    ),
]
FILTER_PARAMETERS = [
    OpenApiParameter(
        "status",
        OpenApiTypes.STR,
        enum=CaseStatus.values,
        description="Only cases in this status (for children: with a case in it)",
    ),
    OpenApiParameter(
        "primary_reason",
        OpenApiTypes.STR,
        enum=PrimaryReason.values,
        description="Only cases with this primary reason",
    ),
    OpenApiParameter(
        "notified_since",
        OpenApiTypes.DATE,
        description="Only cases notified on or after this date, like 2026-09-01",
    ),
]
LIST_PARAMETERS = frozenset(parameter.name for parameter in FILTER_PARAMETERS + PAGE_PARAMETERS)
ENTRY_POSITION = (date.fromisoformat, UUID)
CHILD_POSITION = (str, str, UUID)
