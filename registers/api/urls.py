"""The API's routes, under /api/: version 1 (docs/api.md)."""

from django.urls import path

from registers.api import views
from registers.api.schema import SchemaView

app_name = "api"

urlpatterns = [
    path("v1/schema/", SchemaView.as_view(), name="schema"),
    path("v1/children/", views.ChildList.as_view(), name="children"),
    path("v1/children/<str:child_id>/", views.ChildDetail.as_view(), name="child"),
    path("v1/cases/", views.CaseList.as_view(), name="cases"),
    path("v1/cases/<str:case_id>/", views.CaseDetail.as_view(), name="case"),
    path(
        "v1/returns/<str:academic_year>/<str:term>/",
        views.LaReturnRead.as_view(),
        name="la_return",
    ),
    path("v1/notifications/", views.NotificationCreate.as_view(), name="notifications"),
]
