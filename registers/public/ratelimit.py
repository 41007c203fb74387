"""Rate limits on the public pages, per client address (ASVS 2.4.1, S10).

Two limits, each counted in the cache in fixed one-hour windows:

- completed submissions (a notification sent, a change report, a support request), the
  anti-automation limit that matters: CNIS_PUBLIC_SUBMISSIONS_PER_HOUR;
- every public post, a much higher backstop against scripts hammering the pages:
  CNIS_PUBLIC_POSTS_PER_HOUR. A notification alone is about 35 page posts, so page posts are
  never what turns a family away.

If the cache is unreachable the limits fail open: a parent must never be turned away because
Redis is down.
"""

import logging
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from registers.actors import client_address

logger = logging.getLogger(__name__)

View = Callable[..., HttpResponse]

WINDOW_SECONDS = 3600


def _refused(request: HttpRequest, *, counted: str, limit: int) -> HttpResponse | None:
    """Count one more of `counted` from this client this hour; over `limit`, the 429 page."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"cnis:public-{counted}:{client_address(request) or ''}:{window}"
    try:
        cache.add(key, 0, timeout=WINDOW_SECONDS)
        count = cache.incr(key)
    except Exception:  # any cache failure: let the parent through, and say so in the log
        logger.warning("Rate-limit cache unavailable; public %s allowed", counted)
        return None
    if count <= limit:
        return None
    response = render(request, "429.html", status=429)
    # When this client's window ends, so browsers and scripts know when to try again.
    response["Retry-After"] = str(WINDOW_SECONDS - int(now % WINDOW_SECONDS))
    return response


def submission_refused(request: HttpRequest) -> HttpResponse | None:
    """Count a completed submission from this client: the 429 page if it is one too many.

    Call it once the submission has passed the form's checks, just before it is sent, so that
    a refused one saves nothing.
    """
    return _refused(
        request, counted="submissions", limit=settings.CNIS_PUBLIC_SUBMISSIONS_PER_HOUR
    )


def public_post_rate_limited(view: View) -> View:
    """Refuse a client's posts beyond the hourly backstop with a GOV.UK-style 429 page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            refused = _refused(request, counted="posts", limit=settings.CNIS_PUBLIC_POSTS_PER_HOUR)
            if refused:
                return refused
        return view(request, *args, **kwargs)

    return wrapped
