"""Staff route for the dashboard, the root of /staff/."""

from django.urls import path

from registers.staff.dashboard import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
