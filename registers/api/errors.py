"""Every API error in one shape, in the words of the GOV.UK pages:

    {"message": "There is a problem", "errors": {"child.date_of_birth": ["..."]}}

`message` says what went wrong overall; `errors` names each problem by the path of the field
("parents[1].email", 0-based) or of the header or query parameter, and is empty when no one
field is at fault.
"""

import math

from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from registers.errors import ApplicationError
from registers.services.idempotency import IdempotencyKeyReused

# The GOV.UK error summary's title: the same words a person sees on a page.
THERE_IS_A_PROBLEM = "There is a problem"
TOKEN_MISSING = "Send your token in the Authorization header, like: Authorization: Bearer cnis_..."
NOT_FOUND = "Not found"
BODY_NOT_JSON = "The request body must be JSON"
TOO_MANY = "Too many requests from this token: try again in {seconds} seconds"

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "message": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["message", "errors"],
    "additionalProperties": False,
}


ERRORS_DESCRIBED = {
    400: "There is a problem with the request: each problem is named by its field",
    401: "No token, or one that is not valid, has expired or has been revoked",
    403: "The token does not have the scope this route needs",
    404: "No such record in this local authority's register",
    409: "The Idempotency-Key was already used for a different request",
    413: "The request body is too large",
    415: "The request body is not JSON",
    429: "Too many requests from this token: wait for the seconds Retry-After gives",
}


def error_responses(*codes: int) -> dict:
    """The OpenAPI responses of these error statuses, each in the one error shape."""
    return {
        code: OpenApiResponse(ERROR_SCHEMA, description=ERRORS_DESCRIBED[code]) for code in codes
    }


def error_body(message: str, errors: dict[str, list[str]] | None = None) -> dict:
    return {"message": message, "errors": errors or {}}


def _field_errors(detail, path: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail, flattened to paths."""
    if isinstance(detail, dict):
        flattened: dict[str, list[str]] = {}
        for name, inner in detail.items():
            flattened.update(_field_errors(inner, f"{path}.{name}" if path else str(name)))
        return flattened
    if isinstance(detail, list) and all(not isinstance(item, dict | list) for item in detail):
        return {path: [str(item) for item in detail]}
    if isinstance(detail, list):
        flattened = {}
        for index, inner in enumerate(detail):
            flattened.update(_field_errors(inner, f"{path}[{index}]"))
        return flattened
    return {path: [str(detail)]}


def api_exception_handler(exc, context) -> Response | None:
    if isinstance(exc, IdempotencyKeyReused):
        return Response(error_body(str(exc), exc.errors), status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ApplicationError):
        return Response(
            error_body(THERE_IS_A_PROBLEM, exc.errors), status=status.HTTP_400_BAD_REQUEST
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or NOT_FOUND)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, exceptions.NotAuthenticated):
        exc.detail = TOKEN_MISSING
    elif isinstance(exc, exceptions.Throttled):
        exc.detail = TOO_MANY.format(seconds=math.ceil(exc.wait or 1))
    elif isinstance(exc, exceptions.ParseError):
        exc.detail = f"{BODY_NOT_JSON}: {exc.detail}"
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(THERE_IS_A_PROBLEM, _field_errors(exc.detail))
    else:
        response.data = error_body(str(exc.detail))
    return response
