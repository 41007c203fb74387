"""Public pages: asking the LA for support (s.436G)."""

from django.urls import path

from registers.public.support import views

urlpatterns = [
    path("", views.support_request, name="support"),
    path("done/", views.support_request_done, name="support-done"),
]
