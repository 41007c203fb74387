"""Staff routes for the API: tokens and documentation, included at the root of /staff/."""

from django.urls import path

from registers.staff.integrations import views

urlpatterns = [
    path("api-tokens/", views.api_tokens, name="api-tokens"),
    path("api-tokens/revoke/", views.api_token_revoke_view, name="api-token-revoke"),
    path("api-documentation/", views.api_documentation, name="api-documentation"),
    path(
        "api-documentation/openapi.json",
        views.api_documentation_file,
        name="api-documentation-file",
    ),
]
