"""Staff routes for providers and their information requests (s.436E)."""

from django.urls import path

from registers.staff.providers import views

urlpatterns = [
    path("providers/<int:provider_id>/", views.provider_detail, name="provider"),
    path(
        "providers/<int:provider_id>/information-requests/",
        views.provider_request_send_view,
        name="provider-request-send",
    ),
]
