"""Reads for the pages that change a child's record and record contacts, visits and
suitability decisions: each scoped to the officer's LA through the child's page, audited as a
read of the child, and limited by the officer's clearance."""

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from django.http import Http404

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import (
    AuditEvent,
    ChildAddress,
    ChildPerson,
    ChildSafeguarding,
    Contact,
    EducationArrangement,
    Provider,
    RecordChange,
    SuitabilityDecision,
    Visit,
)
from registers.rules.codes import AddressKind
from registers.selectors.children import (
    SAFEGUARDING_CATEGORY,
    ChildNotFound,
    ChildPage,
    child_page_read,
)


class SafeguardingNotCleared(Http404):
    """A member of staff not cleared for safeguarding asked for safeguarding values: for them
    the page does not exist, whoever's record it is."""


def current_address(page: ChildPage) -> ChildAddress | None:
    return (
        ChildAddress.objects.live()
        .filter(child=page.child, kind=AddressKind.CURRENT)
        .select_related("address")
        .first()
    )


def relationship_of(relationship_id: int) -> Callable[[ChildPage], ChildPerson]:
    """The child's parent or carer by the link's id; another child's is not found."""

    def read(page: ChildPage) -> ChildPerson:
        link = (
            ChildPerson.objects.live()
            .filter(child=page.child, pk=relationship_id)
            .select_related("person")
            .first()
        )
        if link is None:
            raise ChildNotFound("No such parent or carer on this record")
        return link

    return read


def arrangement_of(arrangement_id: int) -> Callable[[ChildPage], EducationArrangement]:
    """The child's education arrangement by its id; another child's is not found."""

    def read(page: ChildPage) -> EducationArrangement:
        arrangement = (
            EducationArrangement.objects.live()
            .filter(child=page.child, pk=arrangement_id)
            .select_related("provider", "educator")
            .first()
        )
        if arrangement is None:
            raise ChildNotFound("No such education arrangement on this record")
        return arrangement

    return read


def visit_of(visit_id: int) -> Callable[[ChildPage], Visit]:
    """A visit on the child's cases by its id; another child's is not found."""

    def read(page: ChildPage) -> Visit:
        visit = (
            Visit.objects.live()
            .filter(entry__in=[entry.pk for entry in page.entries], pk=visit_id)
            .first()
        )
        if visit is None:
            raise ChildNotFound("No such visit on this record")
        return visit

    return read


def child_safeguarding_get(
    *, actor: Actor, child_id: UUID | str
) -> tuple[ChildPage, ChildSafeguarding | None]:
    """The child's safeguarding record, for staff cleared for it only: anyone else is refused
    before anything of the child is read, and the refusal is audited."""
    if not actor.user.can_view_safeguarding:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.DENIED,
            object_type="child",
            object_id=str(child_id),
            categories=[SAFEGUARDING_CATEGORY],
        )
        raise SafeguardingNotCleared("You are not cleared to see safeguarding information")
    return child_page_read(
        actor=actor,
        child_id=child_id,
        categories={SAFEGUARDING_CATEGORY},
        read=lambda page: ChildSafeguarding.objects.live().filter(child=page.child).first(),
    )


@dataclass(frozen=True)
class ChildContacts:
    """The contacts, visits and suitability decisions of the child's cases, newest first."""

    page: ChildPage
    contacts: list[Contact]
    visits: list[Visit]
    decisions: list[SuitabilityDecision]

    @property
    def decision(self) -> SuitabilityDecision | None:
        """The decision that holds: the newest."""
        return self.decisions[0] if self.decisions else None


def child_contacts_get(*, actor: Actor, child_id: UUID | str) -> ChildContacts:
    """The contacts and visits page: three statements after the child's, whatever their number."""

    def read(page: ChildPage) -> tuple[list, list, list]:
        entries = [entry.pk for entry in page.entries]
        return (
            list(Contact.objects.live().filter(entry__in=entries).select_related("created_by")),
            list(Visit.objects.live().filter(entry__in=entries).select_related("modified_by")),
            list(
                SuitabilityDecision.objects.live()
                .filter(entry__in=entries)
                .select_related("created_by")
            ),
        )

    page, (contacts, visits, decisions) = child_page_read(
        actor=actor, child_id=child_id, categories={"education"}, read=read
    )
    return ChildContacts(page=page, contacts=contacts, visits=visits, decisions=decisions)


def provider_version(provider: Provider) -> int:
    """How many changes an officer has made to the provider's details: the version its form
    carries, so that one loaded before another change is refused."""
    return RecordChange.objects.filter(provider=provider).count()
