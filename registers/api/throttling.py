"""Requests a minute per token (OWASP API4), counted in the cache.

Not a defence against guessing tokens (DRF's own documentation says throttling is not one, and
a token has 256 random bits): it keeps one LA system from using up the service. A cache that is
down lets requests through, as the public limits do.
"""

import logging

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from registers.models import ApiToken

logger = logging.getLogger(__name__)


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api_token"

    def get_rate(self) -> str:
        return f"{settings.CNIS_API_REQUESTS_PER_MINUTE}/min"

    def get_cache_key(self, request, view) -> str | None:
        token = request.auth
        return f"api-throttle-{token.pk}" if isinstance(token, ApiToken) else None

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception:  # any cache failure: let the request through, and say so in the log
            logger.warning("API rate-limit cache unavailable; request allowed")
            return True
