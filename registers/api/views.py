"""The register API's routes: thin views over the register selectors and the intake.

Each view names the scope it needs; the token's LA is the only LA it reads or writes.
"""

import hashlib
import json
import re

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from registers.actors import Actor, client_address
from registers.api import paging
from registers.api import representations as shown
from registers.api.errors import error_responses
from registers.api.notification_contract import NOTIFICATION_SCHEMA, notification_read
from registers.api.returns import LA_RETURN_SCHEMA, return_period_read
from registers.errors import ApplicationError
from registers.models import ApiScope
from registers.rules.codes import Door
from registers.selectors import register_pages
from registers.selectors.returns import la_return_export
from registers.services.idempotency import Answer, idempotent_request_answer
from registers.services.notifications import notification_submit

IDEMPOTENCY_HEADER = "Idempotency-Key"
IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9._:-]{1,60}$")
KEY_MISSING = (
    "Send an Idempotency-Key header with every POST: a new value for each new request, like a "
    "UUID, sent again unchanged if the request is retried"
)
KEY_MALFORMED = (
    "The Idempotency-Key must be 1 to 60 letters, digits, dots, dashes, underscores or colons"
)


def api_actor(request: Request) -> Actor:
    """The LA system calling, as services and the audit trail are told it."""
    return Actor(
        door=Door.API,
        api_token=request.auth,
        client_address=client_address(request),
        request_id=getattr(request, "request_id", ""),
    )


READ_ERRORS = error_responses(400, 401, 403, 429)


class RegisterList(paging.QueryParametersChecked, APIView):
    """A list of the register, a page at a time: `page_of` reads it, `row` shows each row."""

    required_scope = ApiScope.REGISTER_READ
    query_parameters = paging.LIST_PARAMETERS
    kind: str
    position: tuple

    def page_of(self, **reading) -> register_pages.Page:
        raise NotImplementedError

    def row(self, record) -> dict:
        raise NotImplementedError

    def list_response(self, request: Request) -> Response:
        filters = paging.filters_read(request)
        size = paging.page_size_read(request)
        after = paging.cursor_read(request, self.kind, self.position)
        page = self.page_of(
            actor=api_actor(request),
            authority=request.auth.authority,
            filters=filters,
            after=after,
            size=size,
        )
        rows = [self.row(record) for record in page.rows]
        return Response(paging.page_data(request, page, kind=self.kind, rows=rows))


class CaseList(RegisterList):
    kind = "case"
    position = paging.ENTRY_POSITION

    def page_of(self, **reading) -> register_pages.Page:
        return register_pages.case_page(**reading)

    def row(self, record) -> dict:
        return shown.case_row_data(record)

    @extend_schema(
        summary="List cases",
        operation_id="cases_list",
        description="The local authority's cases (register entries), newest notification "
        "first, a page at a time. Needs the register:read scope.",
        parameters=paging.FILTER_PARAMETERS + paging.PAGE_PARAMETERS,
        responses={
            200: OpenApiResponse(shown.page_schema(shown.CASE_ROW_SCHEMA), "A page of cases"),
            **READ_ERRORS,
        },
        tags=["register"],
    )
    def get(self, request: Request) -> Response:
        return self.list_response(request)


class ChildList(RegisterList):
    kind = "child"
    position = paging.CHILD_POSITION

    def page_of(self, **reading) -> register_pages.Page:
        return register_pages.child_page(**reading)

    def row(self, record) -> dict:
        return shown.child_summary_data(record)

    @extend_schema(
        summary="List children",
        operation_id="children_list",
        description="The children on the local authority's register, by last name, each with "
        "their newest case, a page at a time. Needs the register:read scope.",
        parameters=paging.FILTER_PARAMETERS + paging.PAGE_PARAMETERS,
        responses={
            200: OpenApiResponse(
                shown.page_schema(shown.CHILD_SUMMARY_SCHEMA), "A page of children"
            ),
            **READ_ERRORS,
        },
        tags=["register"],
    )
    def get(self, request: Request) -> Response:
        return self.list_response(request)


RECORD_ERRORS = error_responses(400, 401, 403, 404, 429)


class CaseDetail(paging.QueryParametersChecked, APIView):
    required_scope = ApiScope.REGISTER_READ

    @extend_schema(
        summary="Read a case",
        operation_id="case_read",
        description="One case with its history of status changes. Needs register:read.",
        parameters=[OpenApiParameter("case_id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
        responses={200: OpenApiResponse(shown.CASE_SCHEMA, "The case"), **RECORD_ERRORS},
        tags=["register"],
    )
    def get(self, request: Request, case_id: str) -> Response:
        entry = register_pages.case_get(
            actor=api_actor(request), authority=request.auth.authority, case_id=case_id
        )
        return Response(shown.case_data(entry))


class ChildDetail(paging.QueryParametersChecked, APIView):
    required_scope = ApiScope.REGISTER_READ

    @extend_schema(
        summary="Read a child's record",
        operation_id="child_read",
        description="A child's record: identity, addresses, parents and carers, education and "
        "cases. Safeguarding fields are never given. Needs register:read.",
        parameters=[OpenApiParameter("child_id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
        responses={
            200: OpenApiResponse(shown.CHILD_SCHEMA, "The child's record"),
            **RECORD_ERRORS,
        },
        tags=["register"],
    )
    def get(self, request: Request, child_id: str) -> Response:
        child = register_pages.child_get(
            actor=api_actor(request), authority=request.auth.authority, child_id=child_id
        )
        return Response(shown.child_data(child))


def idempotency_key_read(request: Request) -> str:
    """The request's Idempotency-Key, bare or as a quoted string (the draft's sf-string)."""
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is None or not key.strip():
        raise ApplicationError({IDEMPOTENCY_HEADER: [KEY_MISSING]})
    key = key.strip()
    if len(key) > 1 and key[0] == key[-1] == '"':
        key = key[1:-1]
    if not IDEMPOTENCY_KEY.match(key):
        raise ApplicationError({IDEMPOTENCY_HEADER: [KEY_MALFORMED]})
    return key


def request_fingerprint(request: Request, body: object) -> str:
    """What the request asked, whatever its spacing or the order of its fields."""
    canonical = json.dumps(
        [request.method, request.path, body], sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class NotificationCreate(paging.QueryParametersChecked, APIView):
    required_scope = ApiScope.NOTIFICATIONS_WRITE

    @extend_schema(
        summary="Send a notification",
        operation_id="notification_send",
        description="Tell the local authority a child is not in school, through the same "
        "intake as the parent's online form, checked with the same rules and answered in the "
        "same words. Send an Idempotency-Key: the same key and body again get the first "
        "response again; the same key with a different body gets a 409. Needs the "
        "notifications:write scope.",
        parameters=[
            OpenApiParameter(
                IDEMPOTENCY_HEADER,
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                required=True,
                pattern=IDEMPOTENCY_KEY.pattern,
                description="A new value for each new request, like a UUID",
            )
        ],
        request={"application/json": NOTIFICATION_SCHEMA},
        responses={
            201: OpenApiResponse(
                shown.NOTIFICATION_RECEIVED_SCHEMA,
                description="On the register (or, for a retry, the first response again)",
            ),
            **error_responses(400, 401, 403, 409, 413, 415, 429),
        },
        tags=["notifications"],
    )
    def post(self, request: Request) -> Response:
        key = idempotency_key_read(request)
        body = request.data
        answer = idempotent_request_answer(
            token=request.auth,
            key=key,
            path=request.path,
            fingerprint=request_fingerprint(request, body),
            work=lambda: self._submit(request, body, key),
        )
        response = Response(answer.body, status=answer.status_code)
        if answer.replayed:
            response["Idempotent-Replayed"] = "true"
        return response

    def _submit(self, request: Request, body: object, key: str) -> Answer:
        details, source = notification_read(body, today=timezone.localdate())
        notification = notification_submit(
            authority=request.auth.authority,
            details=details,
            source=source,
            # Apart from the keys of the parents' own web journeys.
            idempotency_key=f"api-{key}",
            actor=api_actor(request),
        )
        return Answer(status.HTTP_201_CREATED, shown.notification_received_data(notification))


class LaReturnRead(paging.QueryParametersChecked, APIView):
    required_scope = ApiScope.RETURNS_READ

    @extend_schema(
        summary="Read the termly return",
        operation_id="la_return_read",
        description="The local authority's termly return on elective home education and "
        "children missing education, as its register stood on the census date: counts only, "
        "in the code lists of the term (the la-return contract, docs/returns.md). A term "
        "whose census day has not ended, or before the return began, is refused with a 400. "
        "Needs the returns:read scope.",
        parameters=[
            OpenApiParameter(
                "academic_year",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="The academic year, like 2025-26",
            ),
            OpenApiParameter(
                "term",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                enum=["autumn", "spring", "summer"],
            ),
        ],
        responses={200: OpenApiResponse(LA_RETURN_SCHEMA, "The return"), **READ_ERRORS},
        tags=["returns"],
    )
    def get(self, request: Request, academic_year: str, term: str) -> Response:
        period = return_period_read(academic_year, term)
        payload = la_return_export(
            actor=api_actor(request),
            authority=request.auth.authority,
            academic_year=period.academic_year,
            term=period.term,
        )
        return Response(payload)
