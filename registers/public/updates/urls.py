"""Public pages: answering an update request (s.436D), and asking for a new link."""

from django.urls import path

from registers.public.updates import views

urlpatterns = [
    path("new-link/", views.update_new_link, name="update-new-link"),
    path("new-link/sent/", views.update_new_link_sent, name="update-new-link-sent"),
    path("done/", views.update_request_done, name="update-request-done"),
    path("<str:token>/", views.update_request_start, name="update-request"),
    path("<str:token>/changes/", views.update_request_changes, name="update-request-changes"),
    path("<str:token>/check/", views.update_request_check, name="update-request-check"),
]
