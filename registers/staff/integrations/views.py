"""API tokens (an LA admin's page) and the API's documentation (any LA staff): thin views over
the token service and selector, and the OpenAPI document drf-spectacular generates."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from drf_spectacular.generators import SchemaGenerator

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import service_errors_show
from registers.intake.api_token import api_token_request_validate
from registers.models import StaffRole
from registers.rules.codes import Door
from registers.selectors.api_tokens import api_token_list
from registers.services.api_tokens import api_token_issue, api_token_revoke
from registers.staff.access import la_staff_required, role_required
from registers.staff.integrations.forms import ApiTokenForm
from registers.staff.integrations.schema_pages import operations

LA_ADMINS_ONLY = "Only a local authority administrator may issue and revoke API tokens"


# Issuing and revoking tokens: the LA's administrator's alone; refusals audited as about them.
la_admin_required = role_required(
    StaffRole.LA_ADMIN, refusal=LA_ADMINS_ONLY, object_type="api_token"
)


@la_admin_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    authority = request.user.authority
    form = ApiTokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = api_token_issue(
                authority=authority,
                request=api_token_request_validate(**form.cleaned_data),
                actor=Actor.from_request(request, door=Door.STAFF),
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            # The token is shown on this response only: it is not kept, and a reload of the
            # page shows the list without it.
            form = ApiTokenForm()
    return render(
        request,
        "staff/api_tokens.html",
        {"form": form, "issued": issued, "tokens": api_token_list(authority=authority)},
    )


@la_admin_required
@require_POST
def api_token_revoke_view(request: HttpRequest) -> HttpResponse:
    try:
        token = api_token_revoke(
            authority=request.user.authority,
            prefix=request.POST.get("token", ""),
            actor=Actor.from_request(request, door=Door.STAFF),
        )
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Token {token.prefix} ({token.name}) revoked")
    return redirect("staff:api-tokens")


def _schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


@la_staff_required
@require_GET
def api_documentation(request: HttpRequest) -> HttpResponse:
    schema = _schema()
    return render(
        request,
        "staff/api_documentation.html",
        {"schema": schema, "operations": operations(schema)},
    )


@la_staff_required
@require_GET
def api_documentation_file(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(_schema(), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="cnis-register-api.json"'
    return response
