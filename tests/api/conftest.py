"""Tokens for the API tests, issued as an LA admin would issue them, and a client that sends
one the way an LA system does: in the Authorization header."""

import pytest
from django.core.cache import cache
from django.test import Client

from registers.actors import COMMAND
from registers.intake.api_token import ApiTokenRequest
from registers.models import ApiScope
from registers.services.api_tokens import api_token_issue

EVERY_SCOPE = tuple(ApiScope.values)


@pytest.fixture(autouse=True)
def _requests_counted_afresh():
    """Each test starts with no requests counted against any token."""
    cache.clear()
    yield
    cache.clear()


def token_issue(authority, *, scopes=EVERY_SCOPE, days: int = 90) -> str:
    request = ApiTokenRequest(name="Case management system", scopes=tuple(scopes), days=days)
    return api_token_issue(authority=authority, request=request, actor=COMMAND).plain


class ApiClient:
    """Django's test client, sending a token as an LA system would."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, data=None, **headers):
        return self.client.get(path, data, headers={**self.headers, **headers})

    def post(self, path: str, body, *, key: str | None = "key-0001", **headers):
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.client.post(
            path,
            body,
            content_type="application/json",
            headers={**self.headers, **headers},
        )


@pytest.fixture
def devon_token(devon) -> str:
    return token_issue(devon)


@pytest.fixture
def devon_api(devon_token) -> ApiClient:
    return ApiClient(devon_token)


@pytest.fixture
def cornwall_api(cornwall) -> ApiClient:
    return ApiClient(token_issue(cornwall))
