"""The OpenAPI document: every route of /api/v1/, this one included (S22), for a token of any
scope; and the finishing touches drf-spectacular cannot infer."""

from drf_spectacular.renderers import OpenApiJsonRenderer2
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView

from registers.api.errors import error_responses
from registers.api.paging import QueryParametersChecked
from registers.api.permissions import ANY_SCOPE, ScopeRequired


class SchemaView(QueryParametersChecked, SpectacularAPIView):
    required_scope = ANY_SCOPE
    # drf-spectacular's own view lets anyone read the schema; here a token is needed.
    permission_classes = [ScopeRequired]
    renderer_classes = [OpenApiJsonRenderer2]

    @extend_schema(
        summary="Read this document",
        operation_id="schema_read",
        description="The OpenAPI 3.1 document of this API, as JSON. Any token may read it.",
        responses={
            200: OpenApiResponse({"type": "object"}, description="The OpenAPI document"),
            **error_responses(400, 401, 429),
        },
        tags=["schema"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


def request_bodies_required(result: dict, generator, request, public) -> dict:
    """A POST's JSON body is never optional here (drf-spectacular leaves a body given as a
    plain JSON Schema optional)."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if "requestBody" in operation:
                operation["requestBody"]["required"] = True
    return result
