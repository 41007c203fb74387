"""manage.py api_token_create prints a new token once; api_token_revoke stops it working."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from registers.models import ApiToken
from tests.api.conftest import ApiClient

pytestmark = pytest.mark.django_db


def create(*arguments: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("api_token_create", *arguments, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_a_token_is_printed_once_and_works_for_its_la_and_scopes(devon):
    plain, said = create("--authority", "878", "--scopes", "register:read, returns:read")

    token = ApiToken.objects.get()
    assert plain.startswith(f"cnis_{token.prefix}_")
    assert token.authority == devon
    assert token.scopes == ["returns:read", "register:read"]
    assert "shown once" in said and plain not in said
    # 90 days unless told otherwise.
    assert abs(token.expires_at - (timezone.now() + timedelta(days=90))) < timedelta(minutes=1)
    assert ApiClient(plain).get("/api/v1/cases/").status_code == 200


def test_days_are_taken_and_checked(devon):
    create("--authority", "878", "--scopes", "register:read", "--days", "7")
    assert ApiToken.objects.get().expires_at < timezone.now() + timedelta(days=7, minutes=1)

    with pytest.raises(CommandError, match="A token lasts between 1 and 365 days"):
        create("--authority", "878", "--scopes", "register:read", "--days", "400")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--authority", "999", "--scopes", "register:read"), "not an English local authority"),
        (("--authority", "878", "--scopes", "register:write"), "Select what the token may do"),
        (("--authority", "878", "--scopes", ","), "Select what the token may do"),
    ],
)
def test_a_wrong_request_is_refused_and_nothing_is_issued(devon, arguments, message):
    with pytest.raises(CommandError, match=message):
        create(*arguments)
    assert not ApiToken.objects.exists()


def test_a_token_for_an_la_this_service_does_not_keep_is_refused(devon):
    devon.hosted = False
    devon.save()

    with pytest.raises(CommandError, match="not kept by this service"):
        create("--authority", "878", "--scopes", "register:read")


def test_a_revoked_token_stops_working(devon):
    plain, _ = create("--authority", "878", "--scopes", "register:read")
    out = StringIO()

    call_command("api_token_revoke", plain.split("_")[1], "--authority", "878", stdout=out)

    assert "Revoked token" in out.getvalue()
    assert ApiClient(plain).get("/api/v1/cases/").status_code == 401
    with pytest.raises(CommandError, match="already been revoked"):
        call_command("api_token_revoke", plain, "--authority", "878")
