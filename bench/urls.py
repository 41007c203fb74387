"""The project's routes plus a trivial view: the baseline that has the project's whole middleware
stack (sessions, authentication, one-time codes, security headers) and does nothing else."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from cnis.urls import urlpatterns as project_urlpatterns

TRIVIAL_PATH = "bench/trivial/"
SIGNED_IN = "signed in"
NOT_SIGNED_IN = "anonymous"


def trivial(request: HttpRequest) -> HttpResponse:
    """Says whether the visitor is signed in with both factors, as a staff page first asks."""
    is_verified = getattr(request.user, "is_verified", None)
    signed_in = bool(is_verified and is_verified())
    return HttpResponse(SIGNED_IN if signed_in else NOT_SIGNED_IN, content_type="text/plain")


urlpatterns = [path(TRIVIAL_PATH, trivial, name="bench-trivial"), *project_urlpatterns]
