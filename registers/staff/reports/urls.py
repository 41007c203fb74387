"""Staff routes for reports, included at the root of /staff/."""

from django.urls import path

from registers.staff.reports import views

urlpatterns = [
    path("reports/", views.reports, name="reports"),
    path("reports/report.csv", views.reports_csv, name="reports-csv"),
]
