"""The staff pages: sign-in at the top, then one sub-package per area, each with its routes."""

from django.urls import include, path
from django.views.generic import RedirectView

from registers.staff import sign_in

app_name = "staff"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="staff:register"), name="home"),
    path("sign-in/", sign_in.sign_in, name="sign-in"),
    path("sign-in/code/", sign_in.sign_in_code, name="sign-in-code"),
    path("sign-out/", sign_in.sign_out, name="sign-out"),
    path("", include("registers.staff.register.urls")),
    path("", include("registers.staff.children.urls")),
    path("", include("registers.staff.requests.urls")),
    path("", include("registers.staff.providers.urls")),
    path("", include("registers.staff.integrations.urls")),
    path("", include("registers.staff.work.urls")),
]
