"""Reads behind update requests (s.436D) and parents' reports: the entry a reference names, and
what the LA holds about a child, as a parent is shown it."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.db import transaction
from django.db.models import Q, QuerySet
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
from registers.models.cases import UPDATE_REQUEST_ANCHOR
from registers.rules.cases import UPDATE_REQUEST_STATUSES
from registers.rules.codes import AddressKind
from registers.rules.deadlines import update_request_due_anchor
from registers.rules.identifiers import reference_normalise
from registers.selectors.links import information_request_for_link, link_read_record


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


@dataclass(frozen=True)
class UpdateRequestsDue:
    """The open entries whose update request interval has run (`entry_id`, `child_id`), and
    of those, the ones whose request is waiting for an answer and the children a parent of
    whom has an email address."""

    candidates: list[tuple[UUID, UUID]]
    waiting: set[UUID]
    reachable: set[UUID]

    def entry_ids(self, *, reachable: bool) -> list[UUID]:
        """The entries due and not waiting, whose parents can (or cannot) be emailed."""
        return [
            entry_id
            for entry_id, child_id in self.candidates
            if entry_id not in self.waiting and (child_id in self.reachable) == reachable
        ]


def update_requests_due(
    *, authorities: Iterable[LocalAuthority], today: date, lead_days: int, now: datetime
) -> UpdateRequestsDue:
    """The entries of these LAs due an update request `today`: on the register, the LA's
    minimum interval passed and its maximum ending within `lead_days`
    (rules.deadlines.update_request_due_anchor); with which of them have a request waiting for
    an answer and which children have a parent with an email address.

    At most three statements, whatever the size of the register: the entries whose interval
    has run are read from the index of the day it runs from (the last request, else
    registration); a waiting request and a parent's email are then looked up for those entries
    alone. (Asked in one statement, PostgreSQL cannot tell how few entries the range holds,
    having no statistics for a partial index, and reads every parent of every child to check
    for an email.)
    """
    interval_run = Q()
    for authority in authorities:
        interval_run |= Q(
            authority=authority,
            update_request_anchor__lte=update_request_due_anchor(
                on=today,
                lead_days=lead_days,
                min_months=authority.update_request_min_months,
                max_months=authority.update_request_max_months,
            ),
        )
    if not interval_run:
        return UpdateRequestsDue(candidates=[], waiting=set(), reachable=set())
    candidates = list(
        RegisterEntry.objects.alias(update_request_anchor=UPDATE_REQUEST_ANCHOR)
        .filter(interval_run, status__in=UPDATE_REQUEST_STATUSES)
        .values_list("pk", "child_id")
    )
    if not candidates:
        return UpdateRequestsDue(candidates=[], waiting=set(), reachable=set())
    # Each check is asked of the candidates alone, by their ids, so that PostgreSQL looks them
    # up through an index rather than joining the whole register to every parent.
    waiting = set(
        InformationRequest.objects.filter(
            entry_id__in=[entry_id for entry_id, _ in candidates],
            kind=InformationRequest.Kind.PARENT_UPDATE,
            used_at__isnull=True,
            expires_at__gt=now,
        ).values_list("entry_id", flat=True)
    )
    reachable = set(
        ChildPerson.objects.filter(child_id__in={child_id for _, child_id in candidates})
        .exclude(person__email="")
        .values_list("child_id", flat=True)
    )
    return UpdateRequestsDue(candidates=candidates, waiting=waiting, reachable=reachable)


def entries_due_update_request(
    *, authorities: Iterable[LocalAuthority], today: date, lead_days: int, now: datetime
) -> QuerySet[RegisterEntry]:
    """The entries of these LAs whose parents are due an update request `today`
    (`update_requests_due`), with no request waiting for an answer and a parent with an email
    address, with their authority and child: at most four statements, the last when the
    result is read."""
    due = update_requests_due(
        authorities=authorities, today=today, lead_days=lead_days, now=now
    ).entry_ids(reachable=True)
    if not due:
        return RegisterEntry.objects.none()
    return (
        RegisterEntry.objects.filter(pk__in=due, status__in=UPDATE_REQUEST_STATUSES)
        .select_related("authority", "child")
        .order_by("authority_id", "notified_on", "id")
    )
