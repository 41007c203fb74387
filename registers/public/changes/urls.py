"""Public pages: reporting a change of circumstances."""

from django.urls import path

from registers.public.changes import views

urlpatterns = [
    path("", views.report_change, name="report-change"),
    path("what-changed/", views.report_change_kind, name="report-change-kind"),
    path("details/", views.report_change_details, name="report-change-details"),
    path("email/", views.report_change_email, name="report-change-email"),
    path("check/", views.report_change_check, name="report-change-check"),
    path("done/", views.report_change_done, name="report-change-done"),
]
