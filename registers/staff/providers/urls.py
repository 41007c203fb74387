"""Staff routes for providers and their information requests (s.436E)."""

from django.urls import path

from registers.staff.children import record_views
from registers.staff.providers import views

urlpatterns = [
    path("providers/<int:provider_id>/", views.provider_detail, name="provider"),
    path(
        "providers/<int:provider_id>/information-requests/",
        views.provider_request_send_view,
        name="provider-request-send",
    ),
    path(
        "providers/<int:provider_id>/contact-details/",
        record_views.provider_contact_change,
        name="provider-change-contact",
    ),
]
