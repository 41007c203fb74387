"""LA isolation: another LA's child is not found, on every URL that takes an id (S1)."""

from datetime import date

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from registers.models import AuditEvent, BulkJob, ConsentRequest, Notification, StaffRole, Task
from registers.rules.codes import NotificationKind, NotificationSource
from registers.rules.letters import LetterKind, letter_digest
from registers.selectors.letters import letter_preview_get
from registers.services.consent import consent_request_record
from registers.services.letters import letter_make
from tests.conftest import sign_in_fully
from tests.factories import (
    ChildFactory,
    StaffUserFactory,
    VisitFactory,
    child_with_record,
    staff_actor,
)

pytestmark = pytest.mark.django_db


def _patterns(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


# A new member of staff's invitation: its address carries a link's secret, not an id.
NOT_AN_ID = {"staff:invitation"}


def _id_routes() -> list[tuple[str, list[str]]]:
    """Every staff route that takes an id."""
    routes = []
    for name, pattern in _patterns(get_resolver()):
        converters = list(pattern.pattern.converters)
        if converters and name.startswith("staff:") and name not in NOT_AN_ID:
            routes.append((name, converters))
    return routes


def _ids_of(child) -> dict[str, object]:
    """The ids of an LA's records, by the URL keyword that names each kind: the child, their
    entry and provider, a reported change about them waiting for review, and the child with
    another of the LA's children as a pair of possible duplicates; a letter about them and a
    consent request; a task, a bulk job, an officer whose caseload is shown; a parent, an
    education arrangement and a visit; a member of staff."""
    entry = child.entries.get()
    report = Notification.objects.create(
        authority=child.authority,
        kind=NotificationKind.CHANGE_OF_CIRCUMSTANCES,
        source=NotificationSource.PARENT,
        idempotency_key=f"change-{child.pk}",
        reference=entry.reference,
        payload={"kind": "other", "details": "A new dog", "matched": True},
        received_at=timezone.now(),
        child=child,
        entry=entry,
    )
    first, second = sorted([child.pk, ChildFactory(authority=child.authority).pk])
    officer = StaffUserFactory(authority=child.authority)
    _page, draft = letter_preview_get(
        actor=staff_actor(officer), child_id=child.pk, kind=LetterKind.WELCOME
    )
    letter = letter_make(
        actor=staff_actor(officer),
        child_id=child.pk,
        kind=LetterKind.WELCOME,
        previewed=letter_digest(draft.text),
    )
    consent = consent_request_record(
        actor=staff_actor(officer),
        child_id=child.pk,
        condition=ConsentRequest.Condition.SPECIAL_SCHOOL,
        school_name="Truro School",
        requested_on=date.today(),
    )
    return {
        "child_id": child.pk,
        "entry_id": entry.pk,
        "provider_id": child.arrangements.get().provider_id,
        "kind": "change",
        "notification_id": report.pk,
        "first_id": first,
        "second_id": second,
        "letter_id": letter.pk,
        "consent_id": consent.pk,
        "task_id": Task.objects.create(
            authority=child.authority,
            kind=Task.Kind.SUPPORT_REQUEST,
            entry=entry,
            due_on=date(2026, 10, 5),
        ).pk,
        "showing": officer.pk,
        "job_id": BulkJob.objects.create(
            authority=child.authority,
            kind=BulkJob.Kind.UPDATE_REQUESTS_DUE_THIS_MONTH,
            requested_by=officer,
            due_by=date(2026, 10, 31),
        ).pk,
        "relationship_id": child.relationships.get().pk,
        "arrangement_id": child.arrangements.get().pk,
        "user_id": StaffUserFactory(authority=child.authority).pk,
        "visit_id": VisitFactory(entry=entry).pk,
    }


def test_the_walk_finds_the_routes_that_take_an_id():
    names = [name for name, _ in _id_routes()]
    assert "staff:child" in names


@pytest.mark.parametrize(("name", "kwargs"), _id_routes())
def test_another_las_record_answers_404_on_every_route(client, devon, cornwall, name, kwargs):
    # The settings pages are an LA admin's; every other page is open to an officer.
    role = StaffRole.LA_ADMIN if name.startswith("staff:settings-") else StaffRole.OFFICER
    officer_client = sign_in_fully(client, StaffUserFactory(authority=devon, role=role))
    theirs = child_with_record(authority=cornwall, first_name="Kerensa", last_name="Trelawny")
    ids = _ids_of(theirs)
    unknown = [kwarg for kwarg in kwargs if kwarg not in ids]
    assert not unknown, f"{name} takes {unknown}: add that kind of record to _ids_of"
    url = reverse(name, kwargs={kwarg: ids[kwarg] for kwarg in kwargs})

    for method in ("get", "post"):
        response = getattr(officer_client, method)(url)
        if response.status_code == 403:
            # A page for managers alone: a manager is refused the other LA's record too.
            manager = StaffUserFactory(authority=devon, role=StaffRole.MANAGER)
            response = getattr(sign_in_fully(Client(), manager), method)(url)
        assert response.status_code == 404, f"{method.upper()} {url}"
        assert b"Trelawny" not in response.content
        assert b"Page not found" in response.content


def test_a_refused_read_is_audited_as_denied(officer_client, officer, cornwall):
    theirs = child_with_record(authority=cornwall)

    officer_client.get(reverse("staff:child", kwargs={"child_id": theirs.pk}))

    event = AuditEvent.objects.get(object_id=str(theirs.pk))
    assert (event.actor_id, event.action, event.outcome) == (
        officer.pk,
        AuditEvent.Action.VIEW,
        AuditEvent.Outcome.DENIED,
    )


def test_the_register_lists_only_the_officers_own_la(officer_client, devon, cornwall):
    child_with_record(authority=devon, last_name="Ashburton")
    child_with_record(authority=cornwall, last_name="Trelawny")

    response = officer_client.get(reverse("staff:register"))

    assert b"Ashburton" in response.content
    assert b"Trelawny" not in response.content
    assert response.context["page"].count == 1
