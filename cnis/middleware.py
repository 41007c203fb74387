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
# When the session's idle expiry was last pushed forward (seconds since the epoch).
RENEWED_AT = "cnis_renewed_at"


class SessionLifetimeMiddleware:
    """A staff session's two limits: idle and absolute (ASVS 7.3.1, 7.3.2).

    The idle limit is the session's expiry in the database, SESSION_COOKIE_AGE after it was
    last saved. Saving it on every request would cost every page an UPDATE, so it is renewed
    only when it was last renewed more than CNIS_SESSION_RENEW_SECONDS ago (or when the session
    changed and is saved anyway). The limit can therefore end a session up to that interval
    early, never late: the expiry is never more than SESSION_COOKIE_AGE after the last request.

    The absolute limit ends a session that has lasted longer than CNIS_SESSION_ABSOLUTE_SECONDS
    since sign-in, however busy it is.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = time.time()
        signed_in_at = request.session.get(SIGNED_IN_AT)
        if (
            signed_in_at is not None
            and now - signed_in_at > settings.CNIS_SESSION_ABSOLUTE_SECONDS
        ):
            logout(request)
        response = self.get_response(request)
        _idle_expiry_renew(request.session, now=now)
        return response


def _idle_expiry_renew(session, *, now: float) -> None:
    """Mark the session for saving, which pushes its expiry forward, if it is due.

    An empty session (none, or just signed out) is left alone, so that no row is made for it.
    Signing in saves the session, so a session that has never been renewed counts from then.
    """
    if session.is_empty():
        return
    renewed_at = session.get(RENEWED_AT, session.get(SIGNED_IN_AT))
    if (
        session.modified
        or renewed_at is None
        or now - renewed_at >= settings.CNIS_SESSION_RENEW_SECONDS
    ):
        session[RENEWED_AT] = now


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
