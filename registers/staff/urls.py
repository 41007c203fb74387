"""The staff pages: sign-in at the top, then one sub-package per area, each with its routes."""

from django.urls import include, path

from registers.staff import national, sign_in

app_name = "staff"

urlpatterns = [
    path("sign-in/", sign_in.sign_in, name="sign-in"),
    path("sign-in/code/", sign_in.sign_in_code, name="sign-in-code"),
    path("sign-in/authenticator/", sign_in.sign_in_authenticator, name="sign-in-authenticator"),
    path("national/", national.national_home, name="national"),
    path("sign-out/", sign_in.sign_out, name="sign-out"),
    path("", include("registers.staff.dashboard.urls")),
    path("", include("registers.staff.review.urls")),
    path("", include("registers.staff.register.urls")),
    path("", include("registers.staff.children.urls")),
    path("", include("registers.staff.requests.urls")),
    path("", include("registers.staff.providers.urls")),
    path("", include("registers.staff.integrations.urls")),
    path("", include("registers.staff.reports.urls")),
    path("", include("registers.staff.settings.urls")),
    path("", include("registers.staff.letters.urls")),
    path("", include("registers.staff.consent.urls")),
    path("", include("registers.staff.work.urls")),
]
