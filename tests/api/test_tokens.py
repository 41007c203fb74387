"""S18: who may call the API. A missing, invalid, expired or revoked token gets a 401; a token
in the address is refused; a token without the route's scope gets a 403; no plain token is
stored anywhere in the database."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from registers.actors import COMMAND
from registers.models import ApiScope, ApiToken, AuditEvent
from registers.rules.codes import Door
from registers.services.api_tokens import api_token_revoke
from tests.api.conftest import ApiClient, token_issue

pytestmark = pytest.mark.django_db

CASES = "/api/v1/cases/"
# Every route, with the scope it needs and how it is called.
ROUTES = [
    ("get", "/api/v1/cases/", ApiScope.REGISTER_READ),
    ("get", "/api/v1/cases/00000000-0000-0000-0000-000000000000/", ApiScope.REGISTER_READ),
    ("get", "/api/v1/children/", ApiScope.REGISTER_READ),
    ("get", "/api/v1/children/00000000-0000-0000-0000-000000000000/", ApiScope.REGISTER_READ),
    ("post", "/api/v1/notifications/", ApiScope.NOTIFICATIONS_WRITE),
]


def call(api: ApiClient, method: str, path: str):
    return api.get(path) if method == "get" else api.post(path, {})


def refused(response, words: str) -> None:
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["errors"] == {}
    assert words in response.json()["message"]


@pytest.mark.parametrize(("method", "path", "scope"), ROUTES)
def test_no_token_gets_401_on_every_route(method, path, scope):
    refused(call(ApiClient(None), method, path), "Authorization header")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer cnis_0123456789ab_not-the-real-secret-of-any-token",
        "Bearer nonsense",
        "Token something",
        "Bearer",
        "Bearer two words",
    ],
)
def test_a_token_that_is_not_valid_gets_401(devon_token, header):
    response = ApiClient(None).get(CASES, Authorization=header)

    assert response.status_code == 401
    assert response.json()["message"]


def test_a_tampered_token_gets_401(devon_token):
    tampered = devon_token[:-1] + ("A" if devon_token[-1] != "A" else "B")

    refused(ApiClient(tampered).get(CASES), "not valid")


def test_an_expired_token_gets_401(devon):
    token = token_issue(devon, days=1)
    assert ApiClient(token).get(CASES).status_code == 200

    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        refused(ApiClient(token).get(CASES), "expired")


def test_a_revoked_token_gets_401_from_its_next_request(devon, devon_token):
    api = ApiClient(devon_token)
    assert api.get(CASES).status_code == 200

    api_token_revoke(authority=devon, prefix=devon_token.split("_")[1], actor=COMMAND)

    refused(api.get(CASES), "revoked")


@pytest.mark.parametrize(
    "query",
    [
        "?token={token}",
        "?access_token={token}",
        "?api_key=anything",
        "?status=notified&cursor={token}",
    ],
)
def test_a_token_in_the_address_is_refused_even_with_a_good_header(devon_token, query):
    api = ApiClient(devon_token)

    response = api.get(CASES + query.format(token=devon_token))

    refused(response, "never in the address")


def test_a_token_in_the_address_alone_is_refused(devon_token):
    refused(ApiClient(None).get(f"{CASES}?access_token={devon_token}"), "never in the address")


@pytest.mark.parametrize(("method", "path", "scope"), ROUTES)
def test_a_token_without_the_routes_scope_gets_403(devon, method, path, scope):
    others = [other for other in ApiScope.values if other != scope]
    api = ApiClient(token_issue(devon, scopes=others))

    response = call(api, method, path)

    assert response.status_code == 403
    assert response.json() == {
        "message": f"This token may not do this: it needs the {scope} scope",
        "errors": {},
    }


def test_no_plain_token_is_stored_anywhere(devon, cornwall):
    tokens = [token_issue(devon), token_issue(cornwall)]
    api = ApiClient(tokens[0])
    api.get(CASES)
    api.post("/api/v1/notifications/", {"child": {}})

    stored = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from the database)
            stored.extend(str(row) for row in cursor.fetchall())
    everything = "\n".join(stored)

    assert ApiToken.objects.count() == 2
    for token in tokens:
        secret = token.split("_", 2)[2]
        assert token not in everything
        assert secret not in everything


def test_issuing_and_revoking_a_token_is_audited(devon):
    token = token_issue(devon)
    prefix = token.split("_")[1]
    api_token_revoke(authority=devon, prefix=prefix, actor=COMMAND)

    held = ApiToken.objects.get(prefix=prefix)
    rows = AuditEvent.objects.filter(object_type="api_token", object_id=str(held.pk))
    assert sorted(rows.values_list("action", "door", "authority_id")) == [
        (AuditEvent.Action.CREATE, Door.COMMAND, devon.pk),
        (AuditEvent.Action.UPDATE, Door.COMMAND, devon.pk),
    ]


def test_a_token_making_too_many_requests_is_told_when_to_try_again(devon, settings):
    settings.CNIS_API_REQUESTS_PER_MINUTE = 2
    busy, quiet = ApiClient(token_issue(devon)), ApiClient(token_issue(devon))

    answers = [busy.get(CASES).status_code for _ in range(3)]
    refused = busy.get(CASES)

    assert answers == [200, 200, 429]
    seconds = int(refused["Retry-After"])
    assert 0 < seconds <= 60
    assert refused.json() == {
        "message": f"Too many requests from this token: try again in {seconds} seconds",
        "errors": {},
    }
    assert quiet.get(CASES).status_code == 200
