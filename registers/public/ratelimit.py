"""Rate limits on public form posts, per client address (ASVS 2.4.1, S10).

Counted in the cache in fixed one-hour windows. If the cache is unreachable the limit fails
open: a parent must never be turned away because Redis is down.
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


def _over_limit(request: HttpRequest, now: float) -> bool:
    window = int(now // WINDOW_SECONDS)
    key = f"cnis:public-posts:{client_address(request) or ''}:{window}"
    try:
        cache.add(key, 0, timeout=WINDOW_SECONDS)
        count = cache.incr(key)
    except Exception:  # any cache failure: let the parent through, and say so in the log
        logger.warning("Rate-limit cache unavailable; public post allowed")
        return False
    return count > settings.CNIS_PUBLIC_POSTS_PER_HOUR


def public_post_rate_limited(view: View) -> View:
    """Refuse a client's posts beyond the hourly limit with a GOV.UK-style 429 page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        now = time.time()
        if request.method == "POST" and _over_limit(request, now):
            response = render(request, "429.html", status=429)
            # When this client's window ends, so browsers and scripts know when to try again.
            response["Retry-After"] = str(WINDOW_SECONDS - int(now % WINDOW_SECONDS))
            return response
        return view(request, *args, **kwargs)

    return wrapped
