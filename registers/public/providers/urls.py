"""Public pages for providers: the answer to an LA's information request (s.436E)."""

from django.urls import path

from registers.public.providers import views

urlpatterns = [
    # Tokens are 43 characters, so no token can be mistaken for this page.
    path("information-sent/", views.provider_request_sent, name="provider-request-sent"),
    path("<str:token>/", views.provider_request, name="provider-request"),
    path("<str:token>/setting/", views.provider_request_setting, name="provider-request-setting"),
    path("<str:token>/check/", views.provider_request_check, name="provider-request-check"),
]
