"""Staff routes for providers and their information requests (s.436E)."""

from django.urls import path

from registers.staff import provider_requests

urlpatterns = [
    path("providers/<int:provider_id>/", provider_requests.provider_detail, name="provider"),
    path(
        "providers/<int:provider_id>/information-requests/",
        provider_requests.provider_request_send_view,
        name="provider-request-send",
    ),
]
