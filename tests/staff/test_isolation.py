"""LA isolation: another LA's child is not found, on every URL that takes an id (S1)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from registers.models import AuditEvent
from tests.factories import VisitFactory, child_with_record

pytestmark = pytest.mark.django_db


def _patterns(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def _id_routes() -> list[tuple[str, list[str]]]:
    """Every staff route that takes an id."""
    routes = []
    for name, pattern in _patterns(get_resolver()):
        converters = list(pattern.pattern.converters)
        if converters and name.startswith("staff:"):
            routes.append((name, converters))
    return routes


def _their_ids(child) -> dict[str, object]:
    """The ids of another LA's records, by the URL keyword that names each kind."""
    return {
        "child_id": child.pk,
        "entry_id": child.entries.get().pk,
        "provider_id": child.arrangements.get().provider_id,
        "relationship_id": child.relationships.get().pk,
        "arrangement_id": child.arrangements.get().pk,
        "visit_id": VisitFactory(entry=child.entries.get()).pk,
    }


def test_the_walk_finds_the_routes_that_take_an_id():
    names = [name for name, _ in _id_routes()]
    assert "staff:child" in names


@pytest.mark.parametrize(("name", "kwargs"), _id_routes())
def test_another_las_record_answers_404_on_every_route(officer_client, cornwall, name, kwargs):
    theirs = child_with_record(authority=cornwall, first_name="Kerensa", last_name="Trelawny")
    ids = _their_ids(theirs)
    unknown = [kwarg for kwarg in kwargs if kwarg not in ids]
    assert not unknown, f"{name} takes {unknown}: add that kind of record to _their_ids"
    url = reverse(name, kwargs={kwarg: ids[kwarg] for kwarg in kwargs})

    for method in (officer_client.get, officer_client.post):
        response = method(url)
        assert response.status_code == 404, f"{method.__name__.upper()} {url}"
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
