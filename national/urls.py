"""The national analyst's pages, under /national/."""

from django.urls import path

from national import views

app_name = "national"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("sources/", views.sources, name="sources"),
    path("collect/", views.collect, name="collect"),
    path("<str:academic_year>/<str:term>/", views.dashboard, name="run"),
    # The meta file first: its name also ends in .csv.
    path(
        "<str:academic_year>/<str:term>/<str:name>.meta.csv",
        views.download,
        {"kind": "meta"},
        name="meta",
    ),
    path(
        "<str:academic_year>/<str:term>/<str:name>.csv",
        views.download,
        {"kind": "data"},
        name="data",
    ),
]
