"""A national analyst (staff with no LA) is refused every LA page, and each refusal is kept in
the audit trail, naming the record asked for where the address names one (S6, ASVS 16.3.2)."""

import pytest
from django.urls import get_resolver, reverse

from registers.models import AuditEvent, StaffRole
from registers.rules.codes import Door
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory, child_with_record
from tests.staff.test_access import PUBLIC
from tests.staff.test_isolation import _ids_of, _patterns

pytestmark = pytest.mark.django_db

# The record each URL keyword names, as the audit trail calls it.
NAMED = {
    "child_id": "child",
    "entry_id": "register_entry",
    "provider_id": "provider",
    "notification_id": "notification",
    "first_id": "child",
    "letter_id": "letter",
    "consent_id": "consent_request",
    "task_id": "task",
    "job_id": "bulk_job",
    "showing": "officer",
    "user_id": "staff_user",
}
# Staff pages that are not an LA's alone: where each user starts (an LA's dashboard, or the
# national analyst's own page), and the national analyst's own.
NOT_AN_LAS = {"staff:dashboard", "staff:national"}


def _la_routes() -> list[tuple[str, list[str]]]:
    """Every staff page of an LA's register: all but sign-in, the pages anyone may open and
    the pages that are no LA's."""
    return [
        (name, list(pattern.pattern.converters))
        for name, pattern in _patterns(get_resolver())
        if name.startswith("staff:") and "sign-" not in name and name not in NOT_AN_LAS | PUBLIC
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
    ids = _ids_of(child)
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
        # The record the address names (a review item's kind only says where to find it).
        (keyword,) = [keyword for keyword in keywords if keyword in NAMED][:1]
        assert (row.object_type, row.object_id) == (NAMED[keyword], str(kwargs[keyword]))
    else:
        assert (row.object_type, row.object_id) == ("", "")
