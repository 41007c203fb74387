"""Who is calling: an LA's token, in the Authorization header and nowhere else (S18).

A token in the address (the query string) is refused even alongside a good header: addresses
are written to proxy and server logs, so a token there is no longer a secret.
"""

import re

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from registers.models import ApiToken
from registers.selectors.api_tokens import api_token_presented

KEYWORD = "Bearer"
# Names a token might be given in an address, and a token's own shape anywhere in one.
ADDRESS_TOKEN_NAMES = frozenset(
    {"token", "access_token", "api_key", "apikey", "key", "auth", "authorization", "bearer"}
)
ADDRESS_TOKEN_SHAPE = re.compile(r"cnis_[0-9a-f]{12}_")

TOKEN_IN_ADDRESS = (
    "Send your token in the Authorization header, never in the address: addresses are kept in "
    "logs. Ask your local authority's administrator to revoke this token and issue a new one"
)
HEADER_MALFORMED = "The Authorization header must read: Bearer followed by your token"
TOKEN_INVALID = "The token is not valid"
TOKEN_REVOKED = (
    "The token has been revoked: ask your local authority's administrator for a new one"
)
TOKEN_EXPIRED = "The token has expired: ask your local authority's administrator for a new one"


def _token_in_address(request: Request) -> bool:
    params = request.query_params
    return any(name.lower() in ADDRESS_TOKEN_NAMES for name in params) or any(
        ADDRESS_TOKEN_SHAPE.search(value) for values in params.lists() for value in values[1]
    )


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[ApiToken, ApiToken] | None:
        if _token_in_address(request):
            raise AuthenticationFailed(TOKEN_IN_ADDRESS)
        header = get_authorization_header(request).split()
        if not header:
            return None
        if len(header) != 2 or header[0].decode("latin-1").lower() != KEYWORD.lower():
            raise AuthenticationFailed(HEADER_MALFORMED)
        token = api_token_presented(header[1].decode("latin-1"))
        if token is None:
            raise AuthenticationFailed(TOKEN_INVALID)
        if token.is_revoked:
            raise AuthenticationFailed(TOKEN_REVOKED)
        if token.is_expired:
            raise AuthenticationFailed(TOKEN_EXPIRED)
        return token, token

    def authenticate_header(self, request: Request) -> str:
        # Makes a refusal a 401 with WWW-Authenticate, not a 403.
        return f'{KEYWORD} realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the token."""

    target_class = BearerTokenAuthentication
    name = "laToken"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An LA's API token, issued by an LA admin (docs/api.md).",
        }
