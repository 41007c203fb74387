"""Top-level routes: public pages at the root, staff pages under /staff/, the API under /api/."""

from django.urls import include, path

from registers.public.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("staff/", include("registers.staff.urls")),
    path("api/", include("registers.api.urls")),
    path("national/", include("national.urls")),
    path("", include("registers.public.urls")),
]
