"""Staff routes for update requests, included at the root of /staff/."""

from django.urls import path

from registers.staff.requests.views import update_request_send_view

urlpatterns = [
    path(
        "entries/<uuid:entry_id>/update-requests/",
        update_request_send_view,
        name="update-request-send",
    ),
]
