"""A national analyst (staff with no LA) is refused every LA page, and each refusal is kept in
the audit trail, naming the record asked for where the address names one (S6, ASVS 16.3.2)."""

import pytest
from django.urls import get_resolver, reverse

from registers.models import AuditEvent, StaffRole
from registers.rules.codes import Door
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory, child_with_record
from tests.staff.test_isolation import _patterns

pytestmark = pytest.mark.django_db

# The record each URL keyword names, as the audit trail calls it.
NAMED = {"child_id": "child", "entry_id": "register_entry", "provider_id": "provider"}


def _la_routes() -> list[tuple[str, list[str]]]:
    """Every staff page of an LA's register: all but sign-in and the redirect to the list."""
    return [
        (name, list(pattern.pattern.converters))
        for name, pattern in _patterns(get_resolver())
        if name.startswith("staff:") and "sign-" not in name and name != "staff:home"
    ]


def test_the_walk_finds_the_la_pages():
    names = [name for name, _ in _la_routes()]
    assert {"staff:register", "staff:child", "staff:provider"} <= set(names)


@pytest.fixture
def analyst_client(client):
    analyst = StaffUserFactory(role=StaffRole.NATIONAL_ANALYST, authority=None)
    return sign_in_fully(client, analyst), analyst


@pytest.mark.parametrize(("name", "keywords"), _la_routes())
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_refused_page_writes_one_denied_row(analyst_client, devon, name, keywords, method):
    client, analyst = analyst_client
    child = child_with_record(authority=devon)
    ids = {
        "child_id": child.pk,
        "entry_id": child.entries.get().pk,
        "provider_id": child.arrangements.get().provider_id,
        # Refused before anything is looked up: the ids need not be of real records.
        "letter_id": 1,
        "consent_id": 1,
    }
    kwargs = {keyword: ids[keyword] for keyword in keywords}
    before = set(AuditEvent.objects.values_list("pk", flat=True))

    response = getattr(client, method)(reverse(name, kwargs=kwargs))

    assert response.status_code == 403
    assert b"You cannot see this page" in response.content
    (row,) = AuditEvent.objects.exclude(pk__in=before)
    assert (row.outcome, row.door, row.actor_id, row.children) == (
        AuditEvent.Outcome.DENIED,
        Door.STAFF,
        analyst.pk,
        [],
    )
    assert row.action == (AuditEvent.Action.VIEW if method == "get" else AuditEvent.Action.UPDATE)
    if keywords:
        # The record the address names first (a child's letter names the child).
        keyword = keywords[0]
        assert (row.object_type, row.object_id) == (NAMED[keyword], str(kwargs[keyword]))
    else:
        assert (row.object_type, row.object_id) == ("", "")
