"""Pages opened through a parent's or a provider's secure link show children's data: each
page read writes one audit row naming those children (S6)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.actors import SCHEDULER
from registers.models import AuditEvent
from registers.rules.codes import Door
from registers.services.provider_requests import provider_request_send
from registers.services.update_requests import update_request_send
from tests.factories import (
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    child_with_record,
    staff_actor,
)
from tests.links import link_sent

pytestmark = pytest.mark.django_db


def rows_after(since: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(pk__gt=since).order_by("pk"))


def last_row() -> int:
    return AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def assert_one_public_read(rows: list[AuditEvent], *, children: list, authority) -> None:
    assert len(rows) == 1
    (row,) = rows
    assert (row.action, row.outcome, row.door, row.actor_id) == (
        AuditEvent.Action.VIEW,
        AuditEvent.Outcome.ALLOWED,
        Door.PUBLIC,
        None,
    )
    assert sorted(row.children) == sorted(str(child.pk) for child in children)
    assert row.authority_id == authority.pk


def link(name: str, token: str) -> str:
    return reverse(name, kwargs={"token": token})


def test_each_page_of_a_parents_link_records_one_read_of_the_child(client, devon):
    entry = child_with_record(authority=devon).entries.get()
    entry.registered_on = timezone.localdate() - timedelta(days=120)
    entry.save()
    token = link_sent(update_request_send(entry=entry, actor=SCHEDULER))

    before = last_row()
    assert client.get(link("public:update-request", token)).status_code == 200
    assert_one_public_read(rows_after(before), children=[entry.child], authority=devon)

    client.post(link("public:update-request", token), {"still_correct": "no"})
    for page in ("public:update-request-changes", "public:update-request-check"):
        before = last_row()
        shown = client.get(link(page, token))
        assert entry.child.full_name in shown.content.decode()
        assert_one_public_read(rows_after(before), children=[entry.child], authority=devon)


def test_a_providers_link_records_one_read_of_the_children_it_names(client, devon, officer):
    provider = ProviderFactory(authority=devon, email="hello@provider.example")
    children = [ChildFactory(authority=devon) for _ in range(2)]
    for child in children:
        EducationArrangementFactory(child=child, provider=provider)
    token = link_sent(provider_request_send(provider=provider, actor=staff_actor(officer)))
    before = last_row()

    response = client.get(link("public:provider-request", token))

    assert children[0].full_name in response.content.decode()
    assert_one_public_read(rows_after(before), children=children, authority=devon)


def test_a_link_that_cannot_be_used_shows_no_child_and_records_no_read(client, devon):
    before = last_row()

    response = client.get(link("public:update-request", "not-a-real-link-secret"))

    assert response.status_code == 404
    assert rows_after(before) == []
