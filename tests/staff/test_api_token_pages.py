"""An LA admin issues and revokes API tokens on a staff page, and every member of an LA's staff
can read the API's documentation; officers and managers may not touch tokens."""

import re

import pytest

from registers.models import ApiToken, AuditEvent, StaffRole
from registers.rules.codes import Door
from tests.api.conftest import ApiClient, token_issue
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

TOKENS = "/staff/api-tokens/"
DOCUMENTATION = "/staff/api-documentation/"


@pytest.fixture
def admin_client(client, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN, email="admin@devon.example")
    return sign_in_fully(client, admin)


def issue(admin_client, **fields):
    data = {"name": "Case system", "scopes": ["register:read"], "days": "30", "issue": ""}
    return admin_client.post(TOKENS, {**data, **fields})


def test_an_la_admin_issues_a_token_shown_once_that_works(admin_client, devon):
    response = issue(admin_client)

    page = response.content.decode()
    token = ApiToken.objects.get()
    plain = re.search(r"<code>(cnis_[0-9a-f]{12}_[A-Za-z0-9_-]+)</code>", page).group(1)
    assert response.status_code == 200
    assert "Copy it now: it will not be shown again" in page
    assert (token.authority, token.scopes, token.name) == (devon, ["register:read"], "Case system")
    assert ApiClient(plain).get("/api/v1/cases/").status_code == 200
    assert plain not in admin_client.get(TOKENS).content.decode()
    issued = AuditEvent.objects.get(object_type="api_token", action=AuditEvent.Action.CREATE)
    assert (issued.door, issued.actor.role, issued.object_id) == (
        Door.STAFF,
        StaffRole.LA_ADMIN,
        str(token.pk),
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "Enter what the token is for"),
        ({"scopes": []}, "scopes", "Select what the token may do"),
        ({"days": "0"}, "days", "A token lasts between 1 and 365 days"),
        ({"days": "forever"}, "days", "Enter the number of days until the token expires"),
    ],
)
def test_a_token_asked_for_wrongly_gets_the_gov_uk_error(admin_client, fields, field, message):
    response = issue(admin_client, **fields)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_la_admin_revokes_a_token_and_it_stops_working(admin_client, devon):
    plain = token_issue(devon)
    prefix = plain.split("_")[1]

    response = admin_client.post(f"{TOKENS}revoke/", {"token": prefix}, follow=True)

    assert f"Token {prefix} (Case management system) revoked" in response.content.decode()
    assert ApiClient(plain).get("/api/v1/cases/").status_code == 401
    revoked = AuditEvent.objects.get(object_type="api_token", action=AuditEvent.Action.UPDATE)
    assert revoked.door == Door.STAFF


def test_another_las_token_cannot_be_revoked_from_here(admin_client, cornwall):
    plain = token_issue(cornwall)

    response = admin_client.post(f"{TOKENS}revoke/", {"token": plain.split("_")[1]}, follow=True)

    assert "No such token for this local authority" in response.content.decode()
    assert ApiClient(plain).get("/api/v1/cases/").status_code == 200


@pytest.mark.parametrize("role", [StaffRole.OFFICER, StaffRole.MANAGER])
def test_officers_and_managers_may_not_issue_or_revoke(client, devon, role):
    user = StaffUserFactory(authority=devon, role=role)
    staff = sign_in_fully(client, user)
    plain = token_issue(devon)

    pages = [
        staff.get(TOKENS),
        staff.post(TOKENS, {"name": "x", "scopes": ["register:read"], "days": "30"}),
        staff.post(f"{TOKENS}revoke/", {"token": plain.split("_")[1]}),
    ]

    assert [page.status_code for page in pages] == [403, 403, 403]
    assert ApiToken.objects.count() == 1
    assert ApiClient(plain).get("/api/v1/cases/").status_code == 200
    assert (
        AuditEvent.objects.filter(
            object_type="api_token", outcome=AuditEvent.Outcome.DENIED, actor=user
        ).count()
        == 3
    )


def test_signed_in_staff_read_the_api_documentation(officer_client):
    page = officer_client.get(DOCUMENTATION).content.decode()
    document = officer_client.get(f"{DOCUMENTATION}openapi.json").json()

    for route in (
        "GET /api/v1/cases/",
        "GET /api/v1/children/{child_id}/",
        "POST /api/v1/notifications/",
    ):
        assert route in page
    assert "parents[].email" in page
    assert "/api/v1/notifications/" in document["paths"]


@pytest.mark.parametrize("path", [DOCUMENTATION, f"{DOCUMENTATION}openapi.json", TOKENS])
def test_the_documentation_and_tokens_are_not_for_anyone_signed_out(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")
