"""One trivial view."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

BODY = "bare Django"


def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BODY, content_type="text/plain")


urlpatterns = [path("", trivial)]
