"""The provider page's reads: scoped to the LA, audited, and without archived records."""

from datetime import date

import pytest

from registers.models import AuditEvent, InformationRequest
from registers.selectors.paging import PageAt
from registers.selectors.providers import (
    ProviderNotFound,
    provider_children,
    provider_get,
    provider_page_get,
    provider_request_list,
)
from registers.services.provider_requests import provider_request_send
from tests.factories import (
    ChildFactory,
    EducationArrangementFactory,
    ProviderFactory,
    staff_actor,
)

pytestmark = pytest.mark.django_db


def _attending(provider, **fields):
    child = ChildFactory(authority=provider.authority, **fields)
    EducationArrangementFactory(child=child, provider=provider)
    return child


def test_the_page_is_read_with_one_audit_row(officer, devon):
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    amelia = _attending(provider, last_name="Brightwater")
    sent = provider_request_send(provider=provider, actor=staff_actor(officer))

    page = provider_page_get(
        actor=staff_actor(officer),
        provider_id=provider.pk,
        today=date.today(),
        at=PageAt(),
        size=50,
    )

    assert page.provider == provider
    assert page.children.rows == [amelia]
    assert page.children.count == 1
    assert page.information_requests == [sent]
    assert page.information_requests[0].children_named == 1
    event = AuditEvent.objects.get(object_type="provider")
    assert (event.object_id, event.actor_id, event.action, event.categories) == (
        str(provider.pk),
        officer.pk,
        AuditEvent.Action.VIEW,
        ["education", "identity"],
    )


def test_another_las_provider_is_not_found(officer, cornwall):
    theirs = ProviderFactory(authority=cornwall)

    with pytest.raises(ProviderNotFound):
        provider_page_get(
            actor=staff_actor(officer),
            provider_id=theirs.pk,
            today=date.today(),
            at=PageAt(),
            size=50,
        )
    assert not AuditEvent.objects.exists()


def test_an_archived_provider_is_not_found(officer, devon):
    provider = ProviderFactory(authority=devon)
    provider.archive(actor=staff_actor(officer), reason="Closed down")

    with pytest.raises(ProviderNotFound):
        provider_get(authority=devon, provider_id=provider.pk)


def test_archived_children_arrangements_and_requests_are_left_out(officer, devon):
    actor = staff_actor(officer)
    provider = ProviderFactory(authority=devon, email="hello@oakwood.example")
    kept = _attending(provider)
    _attending(provider).archive(actor=actor, reason="Recorded twice")
    wrongly_linked = _attending(provider)
    wrongly_linked.arrangements.get().archive(actor=actor, reason="Attends another provider")
    sent = provider_request_send(provider=provider, actor=actor)
    sent.archive(actor=actor, reason="Sent in error")

    assert list(provider_children(provider=provider, today=date.today())) == [kept]
    assert list(provider_request_list(provider=provider)) == []
    assert InformationRequest.objects.filter(pk=sent.pk).exists()
