"""The child record as an LA's staff see it: scoped to their LA, limited by their clearance, and
audited with every read, allowed or refused (ASVS 8.4.1, 8.2.3, 16.3.2)."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar
from uuid import UUID

from django.http import Http404
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import (
    AuditEvent,
    Child,
    ChildAddress,
    ChildPerson,
    ChildSafeguarding,
    EducationArrangement,
    InformationRequest,
    LocalAuthority,
    Notification,
    RegisterEntry,
)
from registers.rules.cases import UPDATE_REQUEST_STATUSES
from registers.rules.codes import CaseStatus
from registers.rules.deadlines import update_request_refusal

# What every member of an LA's staff is shown on a record, as the audit trail names it.
RECORD_CATEGORIES = (
    "identity",
    "address",
    "family",
    "education",
    "special_educational_needs",
)
SAFEGUARDING_CATEGORY = "safeguarding"

T = TypeVar("T")


class ChildNotFound(Http404):
    """Another LA's child, or an archived one, answers exactly as a child that does not exist."""


@dataclass(frozen=True)
class ChildRecord:
    """One child and everything the record page shows, each list in the order it is shown.

    Each of `entries` carries `update_requests`, its parent update requests (s.436D), newest
    first. `safeguarding` is None unless the reader is cleared for it and a record exists.
    `categories` are the kinds of data read, as the audit row records them.
    """

    child: Child
    addresses: list[ChildAddress]
    relationships: list[ChildPerson]
    arrangements: list[EducationArrangement]
    entries: list[RegisterEntry]
    notifications: list[Notification]
    provider_requests: list[InformationRequest]
    safeguarding: ChildSafeguarding | None
    categories: tuple[str, ...]


@dataclass(frozen=True)
class ChildPage:
    """What every page of a child's record shows above its own content (the identity bar): the
    child and their live register entries, newest first."""

    child: Child
    entries: list[RegisterEntry]

    @property
    def entry(self) -> RegisterEntry | None:
        """The current case: the newest live entry."""
        return self.entries[0] if self.entries else None

    @property
    def editable(self) -> bool:
        """Whether officers may change the record: not once the current case is closed."""
        return self.entry is None or self.entry.status != CaseStatus.CLOSED


def child_page_read(
    *,
    actor: Actor,
    child_id: UUID | str,
    categories: Iterable[str],
    read: Callable[[ChildPage], T],
) -> tuple[ChildPage, T]:
    """One page of a child's record: the child and entries, then `read` of what the page
    shows, then one audit row naming the child and the `categories` shown (plus identity, as
    every page names the child).

    Another LA's child, an archived or an unknown one leaves a VIEW/DENIED row and raises
    ChildNotFound, as the record does. Like the record, no transaction is opened: the audit row
    is committed before anything is returned.
    """
    try:
        child_id = child_id if isinstance(child_id, UUID) else UUID(str(child_id))
        child, entries = _child_and_entries(
            authority=actor.user.authority, child_id=child_id, with_safeguarding=False
        )
    except (ValueError, ChildNotFound) as error:
        _child_read_record(actor=actor, child_id=child_id, allowed=False)
        raise ChildNotFound("No such child on this register") from error
    page = ChildPage(child=child, entries=entries)
    shown = read(page)
    _child_read_record(
        actor=actor, child_id=child.pk, allowed=True, categories={"identity", *categories}
    )
    return page, shown


def _child_read_record(
    *, actor: Actor, child_id: object, allowed: bool, categories: Iterable[str] = ()
) -> None:
    """The one audit row of a read of a child's record: allowed, naming the child and the
    kinds of data shown, or refused, naming only what was asked for."""
    audit_record(
        actor=actor,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.ALLOWED if allowed else AuditEvent.Outcome.DENIED,
        object_type="child",
        object_id=str(child_id),
        categories=categories,
        children=[child_id] if allowed else [],
    )


def child_record_get(*, actor: Actor, child_id: UUID | str) -> ChildRecord:
    """The record of one child of the acting officer's LA, and exactly one audit row for it.

    The record is read, then its VIEW/ALLOWED row is written, before anything is returned.
    Another LA's child, an archived or an unknown one leaves a VIEW/DENIED row and raises
    ChildNotFound. The safeguarding record is read only for staff cleared for it. Seven
    statements whatever the size of the record (eight for a child whose entries are all
    archived).

    No transaction is opened around them: the reads change nothing and the audit row is one
    INSERT, committed before the record leaves this function, so a failed write still shows
    nothing; a transaction would add two round trips (BEGIN and COMMIT) and no guarantee.
    """
    user = actor.user
    try:
        record = _child_record_read(
            authority=user.authority,
            child_id=child_id,
            with_safeguarding=user.can_view_safeguarding,
        )
    except ChildNotFound:
        _child_read_record(actor=actor, child_id=child_id, allowed=False)
        raise
    _child_read_record(
        actor=actor, child_id=record.child.pk, allowed=True, categories=record.categories
    )
    return record


def _update_request_refusal(
    *,
    authority: LocalAuthority,
    entry: RegisterEntry,
    relationships: list[ChildPerson],
    today: date,
) -> str | None:
    """Why the officer may not send the entry's parents an update request today (saying when
    they next may), or None: the rule the service applies when the button is pressed."""
    last = entry.update_requests[0] if entry.update_requests else None
    return update_request_refusal(
        on_register=entry.status in UPDATE_REQUEST_STATUSES,
        last_request_on=timezone.localdate(last.sent_at) if last else None,
        registered_on=entry.registered_on or entry.notified_on,
        parent_email=any(link.person.email for link in relationships),
        today=today,
        min_months=authority.update_request_min_months,
        max_months=authority.update_request_max_months,
    )


def _child_record_read(
    *, authority: LocalAuthority, child_id: UUID | str, with_safeguarding: bool
) -> ChildRecord:
    try:
        child_id = child_id if isinstance(child_id, UUID) else UUID(str(child_id))
    except ValueError as error:
        raise ChildNotFound("No such child on this register") from error
    child, entries = _child_and_entries(
        authority=authority, child_id=child_id, with_safeguarding=with_safeguarding
    )
    update_requests, provider_requests = _requests(
        authority=authority, child=child, entries=entries
    )
    relationships = list(
        ChildPerson.objects.live()
        .filter(child=child)
        .select_related("person__address")
        .order_by("id")
    )
    today = timezone.localdate()
    for entry in entries:
        entry.update_requests = update_requests[entry.pk]
        entry.update_request_refusal = _update_request_refusal(
            authority=authority, entry=entry, relationships=relationships, today=today
        )
    categories = RECORD_CATEGORIES
    safeguarding = None
    if with_safeguarding:
        categories += (SAFEGUARDING_CATEGORY,)
        safeguarding = _safeguarding(child)
    return ChildRecord(
        child=child,
        addresses=list(
            ChildAddress.objects.live()
            .filter(child=child)
            .select_related("address")
            .order_by("kind", "-lived_from", "id")
        ),
        relationships=relationships,
        arrangements=list(
            EducationArrangement.objects.live()
            .filter(child=child)
            .select_related("educator", "provider__address")
            .order_by("id")
        ),
        entries=entries,
        # Notifications are kept as they arrived and are never archived.
        notifications=list(Notification.objects.filter(child=child).order_by("-received_at")),
        provider_requests=provider_requests,
        safeguarding=safeguarding,
        categories=categories,
    )


def _child_and_entries(
    *, authority: LocalAuthority, child_id: UUID, with_safeguarding: bool
) -> tuple[Child, list[RegisterEntry]]:
    """The child and its live register entries, newest first.

    The child is read joined to its entries, so that the two cost one query: a child on the
    register has an entry. Only a child whose entries are all archived is read on its own.
    """
    related = ["child__safeguarding"] if with_safeguarding else []
    entries = list(
        RegisterEntry.objects.live()
        .filter(child_id=child_id, child__authority=authority, child__archived_at__isnull=True)
        .select_related("child", "assigned_officer", *related)
        .order_by("-notified_on", "id")
    )
    if entries:
        return entries[0].child, entries
    related = ["safeguarding"] if with_safeguarding else []
    child = (
        Child.objects.live()
        .filter(authority=authority, pk=child_id)
        .select_related(*related)
        .first()
    )
    if child is None:
        raise ChildNotFound("No such child on this register")
    return child, []


def _requests(
    *, authority: LocalAuthority, child: Child, entries: list[RegisterEntry]
) -> tuple[defaultdict[UUID, list[InformationRequest]], list[InformationRequest]]:
    """The parent update requests of the entries (s.436D), by entry, and the provider requests
    that named the child (s.436E), each newest first, each with its email (whether it went).

    One statement, a UNION ALL, so that each half is found through its own index (the entry,
    the child named) rather than by testing each of the LA's requests.
    """
    live = (
        InformationRequest.objects.live()
        .filter(authority=authority)
        .select_related("provider", "email")
    )
    to_parents = live.filter(
        kind=InformationRequest.Kind.PARENT_UPDATE, entry_id__in=[entry.pk for entry in entries]
    )
    to_providers = live.filter(kind=InformationRequest.Kind.PROVIDER, children=child)
    update_requests: defaultdict[UUID, list[InformationRequest]] = defaultdict(list)
    provider_requests = []
    for information_request in to_parents.union(to_providers, all=True).order_by(
        "-sent_at", "-id"
    ):
        if information_request.kind == InformationRequest.Kind.PROVIDER:
            provider_requests.append(information_request)
        else:
            update_requests[information_request.entry_id].append(information_request)
    return update_requests, provider_requests


def _safeguarding(child: Child) -> ChildSafeguarding | None:
    """The child's live safeguarding record, loaded with the child (select_related)."""
    try:
        safeguarding = child.safeguarding
    except ChildSafeguarding.DoesNotExist:
        return None
    return safeguarding if safeguarding.archived_at is None else None
