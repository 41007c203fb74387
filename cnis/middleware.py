"""Request-wide concerns: request ids for the audit trail, session lifetime, caching."""

import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

Handler = Callable[[HttpRequest], HttpResponse]


class RequestIdMiddleware:
    """Give every request an id (a proxy's X-Request-ID if well formed) and echo it back."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


SIGNED_IN_AT = "cnis_signed_in_at"


class SessionLifetimeMiddleware:
    """End a staff session that has lasted longer than the absolute limit (ASVS 7.3.2).

    The idle limit is the session cookie age, renewed on every request.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        signed_in_at = request.session.get(SIGNED_IN_AT)
        if signed_in_at is not None and (
            time.time() - signed_in_at > settings.CNIS_SESSION_ABSOLUTE_SECONDS
        ):
            logout(request)
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages may hold children's data: browsers and proxies must not keep copies (ASVS 14.3.2).

    Static files are served before this runs and keep their long-lived caching.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        return response
