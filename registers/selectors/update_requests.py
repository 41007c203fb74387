"""Reads behind update requests (s.436D) and parents' reports: the entry a reference names, and
what the LA holds about a child, as a parent is shown it."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from registers.actors import Actor
from registers.models import (
    ChildAddress,
    ChildPerson,
    EducationArrangement,
    InformationRequest,
    LocalAuthority,
    RegisterEntry,
)
from registers.rules.codes import AddressKind, CaseStatus
from registers.rules.identifiers import reference_normalise
from registers.selectors.links import information_request_for_link, link_read_record

# The statuses in which a child is on the register and parents may be asked for an update.
OPEN_STATUSES = (
    CaseStatus.REGISTERED,
    CaseStatus.SUITABLE_MONITORING,
    CaseStatus.ENQUIRY,
    CaseStatus.INFO_OUTSTANDING,
)


class EntryNotFound(Http404):
    """Another LA's entry answers exactly as an entry that does not exist."""


def register_entry_get(*, authority: LocalAuthority, entry_id: UUID | str) -> RegisterEntry:
    """One live register entry of this LA, of a live child, with its child and authority."""
    try:
        return (
            RegisterEntry.objects.live()
            .select_related("child", "authority")
            .get(authority=authority, child__archived_at__isnull=True, pk=entry_id)
        )
    except (RegisterEntry.DoesNotExist, ValueError) as error:
        raise EntryNotFound("No such register entry") from error


def register_entry_for_reference(
    *, authority: LocalAuthority, reference: str, date_of_birth: date
) -> RegisterEntry | None:
    """The LA's entry with this reference, if the child's date of birth matches too.

    Both must match, so that a guessed reference alone finds nothing.
    """
    return (
        RegisterEntry.objects.select_related("child", "authority")
        .filter(
            authority=authority,
            reference=reference_normalise(reference),
            child__date_of_birth=date_of_birth,
        )
        .first()
    )


@dataclass(frozen=True)
class HeldParent:
    name: str
    address: str
    educates: bool


@dataclass(frozen=True)
class HeldEducation:
    """One line of who educates the child: a parent or a provider, with weekly hours."""

    name: str
    hours_per_week: Decimal
    hours_without_parent: Decimal | None = None


@dataclass(frozen=True)
class HeldRecord:
    """What the LA holds now about the child an update request is about."""

    child_name: str
    date_of_birth: date
    address: str
    parents: list[HeldParent] = field(default_factory=list)
    taught_by_parents: list[HeldEducation] = field(default_factory=list)
    providers: list[HeldEducation] = field(default_factory=list)

    def as_payload(self) -> dict:
        """The same, as JSON for the notification that records what the parent confirmed."""
        return {
            "child_name": self.child_name,
            "date_of_birth": self.date_of_birth.isoformat(),
            "address": self.address,
            "parents": [
                {"name": p.name, "address": p.address, "educates": p.educates}
                for p in self.parents
            ],
            "taught_by_parents": [
                {"name": e.name, "hours_per_week": str(e.hours_per_week)}
                for e in self.taught_by_parents
            ],
            "providers": [
                {
                    "name": e.name,
                    "hours_per_week": str(e.hours_per_week),
                    "hours_without_parent": (
                        None if e.hours_without_parent is None else str(e.hours_without_parent)
                    ),
                }
                for e in self.providers
            ],
        }


# What the pages of a parent's link show of the child: the whole record the LA holds (first
# page), then the child's name.
UPDATE_LINK_CATEGORIES = ("identity", "address", "family", "education")


def update_request_for_link(*, token: str, actor: Actor) -> InformationRequest:
    """The open update request a parent's link stands for, with its entry, child and LA, and
    the audit row of the page's read of the child's data (each page opens the link afresh).

    Raises LinkNotUsable (unknown, used or expired) exactly as the answer would, recording
    nothing: such a link shows no child.
    """
    with transaction.atomic():
        opened = information_request_for_link(
            token=token, kind=InformationRequest.Kind.PARENT_UPDATE
        )
        information_request = InformationRequest.objects.select_related(
            "authority", "entry__child"
        ).get(pk=opened.pk)
        link_read_record(
            actor=actor,
            information_request=information_request,
            children=[information_request.entry.child_id],
            categories=UPDATE_LINK_CATEGORIES,
        )
    return information_request


def update_request_held(*, information_request: InformationRequest) -> HeldRecord:
    """What the LA holds now about the request's child, in four queries."""
    child = information_request.entry.child
    current = (
        ChildAddress.objects.filter(child=child, kind=AddressKind.CURRENT)
        .select_related("address")
        .first()
    )
    relationships = ChildPerson.objects.filter(child=child).select_related("person__address")
    arrangements = (
        EducationArrangement.objects.filter(child=child, ends_on__isnull=True)
        .select_related("educator", "provider")
        .order_by("id")
    )
    home = str(current.address) if current else ""
    parents = [
        HeldParent(
            name=str(link.person),
            address=str(link.person.address) if link.person.address else home,
            educates=link.provides_education,
        )
        for link in relationships.order_by("-is_main_contact", "id")
    ]
    taught_by_parents = [
        HeldEducation(name=str(a.educator), hours_per_week=a.hours_per_week)
        for a in arrangements
        if a.educator is not None
    ]
    providers = [
        HeldEducation(
            name=a.provider.name,
            hours_per_week=a.hours_per_week,
            hours_without_parent=a.hours_without_parent,
        )
        for a in arrangements
        if a.provider is not None
    ]
    return HeldRecord(
        child_name=child.full_name,
        date_of_birth=child.date_of_birth,
        address=home,
        parents=parents,
        taught_by_parents=taught_by_parents,
        providers=providers,
    )


def entries_with_update_history(*, authority_ids: list[int]) -> QuerySet[RegisterEntry]:
    """Open entries of these LAs, each with its parent update requests (newest first, as
    `parent_requests`) and its child's parents (main contact first)."""
    return (
        RegisterEntry.objects.filter(authority_id__in=authority_ids, status__in=OPEN_STATUSES)
        .select_related("authority", "child")
        .prefetch_related(
            Prefetch(
                "information_requests",
                queryset=InformationRequest.objects.filter(
                    kind=InformationRequest.Kind.PARENT_UPDATE
                ).order_by("-sent_at"),
                to_attr="parent_requests",
            ),
            Prefetch(
                "child__relationships",
                queryset=ChildPerson.objects.select_related("person").order_by(
                    "-is_main_contact", "id"
                ),
                to_attr="contacts",
            ),
        )
        .order_by("authority_id", "notified_on", "id")
    )
