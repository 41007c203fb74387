"""Request bodies: JSON, and no larger than CNIS_API_MAX_BODY_BYTES (OWASP API4)."""

import io

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.parsers import JSONParser


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    def __init__(self) -> None:
        super().__init__(
            f"The request body must be {settings.CNIS_API_MAX_BODY_BYTES:,} bytes or smaller"
        )


class LimitedJSONParser(JSONParser):
    """JSON, read no further than the limit: a body declared or found larger gets a 413."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.CNIS_API_MAX_BODY_BYTES
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        if declared.isdigit() and int(declared) > limit:
            raise RequestTooLarge()
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise RequestTooLarge()
        return super().parse(io.BytesIO(body), media_type, parser_context)
