from django.urls import include, path
from django.views.generic import RedirectView

from registers.staff import sign_in, views

app_name = "staff"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="staff:register"), name="home"),
    path("sign-in/", sign_in.sign_in, name="sign-in"),
    path("sign-in/code/", sign_in.sign_in_code, name="sign-in-code"),
    path("sign-out/", sign_in.sign_out, name="sign-out"),
    path("register/", views.register, name="register"),
    path("children/new/", views.child_add, name="child-add"),
    path("children/<uuid:child_id>/", views.child_record, name="child"),
    path("", include("registers.staff.update_request_urls")),
    path("", include("registers.staff.provider_request_urls")),
]
