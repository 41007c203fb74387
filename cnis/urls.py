"""Top-level routes: public pages at the root, staff pages under /staff/."""

from django.urls import include, path

from registers.public.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("staff/", include("registers.staff.urls")),
    path("", include("registers.public.urls")),
]
