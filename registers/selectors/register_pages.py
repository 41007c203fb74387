"""The register as an LA's own systems read it: children and their cases (register entries),
a page at a time, never another LA's, never an archived record, never safeguarding data.

Pages are keyset pages: each ends with the position of its last row, and the next page starts
after it, so a page deep in the register costs what the first does. Every read writes one
audit row in its transaction, naming the children it shows (a page: every child on it).
"""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import (
    AuditEvent,
    CaseTransition,
    Child,
    ChildAddress,
    ChildPerson,
    EducationArrangement,
    LocalAuthority,
    RegisterEntry,
)
from registers.selectors.children import RECORD_CATEGORIES, ChildNotFound

CASE_CATEGORIES = ("identity", "education")
CASE_NOT_FOUND = "No such case on this register"
CHILD_NOT_FOUND = "No such child on this register"


class CaseNotFound(ChildNotFound):
    """Another LA's case answers exactly as a case that does not exist."""


@dataclass(frozen=True, kw_only=True)
class RegisterFilters:
    """What a list may be narrowed to; for children, through any of their live cases."""

    status: str | None = None
    primary_reason: str | None = None
    notified_since: date | None = None

    def of_entries(self) -> Q:
        wanted = Q()
        if self.status:
            wanted &= Q(status=self.status)
        if self.primary_reason:
            wanted &= Q(primary_reason=self.primary_reason)
        if self.notified_since:
            wanted &= Q(notified_on__gte=self.notified_since)
        return wanted

    def __bool__(self) -> bool:
        return any((self.status, self.primary_reason, self.notified_since))


@dataclass(frozen=True)
class Page:
    rows: list
    # How many rows the whole list has, with its filters.
    count: int
    # Where the next page starts, or None on the last page.
    after: tuple | None


def _live_entries(authority: LocalAuthority) -> QuerySet[RegisterEntry]:
    return RegisterEntry.objects.live().filter(
        authority=authority, child__archived_at__isnull=True
    )


def _uuid(value: UUID | str) -> UUID | None:
    try:
        return value if isinstance(value, UUID) else UUID(str(value))
    except ValueError:
        return None


def _page_audit(*, actor: Actor, authority: LocalAuthority, object_type: str, children) -> None:
    audit_record(
        actor=actor,
        authority=authority,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type=object_type,
        categories=CASE_CATEGORIES if object_type == "case_list" else ("identity",),
        children=children,
    )


def _keyset_page(rows: QuerySet, *, size: int, position) -> tuple[list, tuple | None]:
    """The first `size` rows and, if more follow, the position of the last one shown."""
    shown = list(rows[: size + 1])
    if len(shown) <= size:
        return shown, None
    shown = shown[:size]
    return shown, position(shown[-1])


@transaction.atomic
def case_page(
    *,
    actor: Actor,
    authority: LocalAuthority,
    filters: RegisterFilters,
    after: tuple[date, UUID] | None,
    size: int,
) -> Page:
    """The LA's cases, newest notification first, each with its child. Three statements."""
    entries = _live_entries(authority).filter(filters.of_entries())
    count = entries.count()
    if after is not None:
        notified_on, entry_id = after
        entries = entries.filter(
            Q(notified_on__lt=notified_on) | Q(notified_on=notified_on, id__lt=entry_id)
        )
    rows, next_after = _keyset_page(
        entries.select_related("child").order_by("-notified_on", "-id"),
        size=size,
        position=lambda entry: (entry.notified_on, entry.pk),
    )
    _page_audit(
        actor=actor,
        authority=authority,
        object_type="case_list",
        children=dict.fromkeys(entry.child_id for entry in rows),
    )
    return Page(rows, count, next_after)


def _record_read(
    *,
    actor: Actor,
    authority: LocalAuthority,
    object_type: str,
    object_id: UUID | str,
    found: QuerySet,
    categories: tuple[str, ...],
    child_of,
):
    """The one record `found` holds, with an ALLOWED row naming its child; or None, after a
    DENIED row written outside the failed read's transaction, so that the refusal is kept."""
    with transaction.atomic():
        record = found.first() if _uuid(object_id) else None
        if record is not None:
            audit_record(
                actor=actor,
                authority=authority,
                action=AuditEvent.Action.VIEW,
                outcome=AuditEvent.Outcome.ALLOWED,
                object_type=object_type,
                object_id=str(record.pk),
                categories=categories,
                children=[child_of(record)],
            )
            return record
    audit_record(
        actor=actor,
        authority=authority,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.DENIED,
        object_type=object_type,
        object_id=str(object_id),
    )
    return None


def case_get(*, actor: Actor, authority: LocalAuthority, case_id: UUID | str) -> RegisterEntry:
    """One case with its child and its history of status changes (`transitions`, oldest
    first). Another LA's case, or an unknown one, raises CaseNotFound after a DENIED row."""
    entry = _record_read(
        actor=actor,
        authority=authority,
        object_type="register_entry",
        object_id=case_id,
        found=_live_entries(authority)
        .filter(pk=_uuid(case_id))
        .select_related("child")
        .prefetch_related(
            Prefetch("transitions", queryset=CaseTransition.objects.order_by("occurred_at"))
        ),
        categories=CASE_CATEGORIES,
        child_of=lambda entry: entry.child_id,
    )
    if entry is None:
        raise CaseNotFound(CASE_NOT_FOUND)
    return entry


@transaction.atomic
def child_page(
    *,
    actor: Actor,
    authority: LocalAuthority,
    filters: RegisterFilters,
    after: tuple[str, str, UUID] | None,
    size: int,
) -> Page:
    """The LA's children with a live case, by name, each with its newest case's reference
    and status (`case_id`, `case_reference`, `case_status`). Three statements."""
    entries = _live_entries(authority).filter(child=OuterRef("pk"))
    newest = entries.order_by("-notified_on", "-id")
    children = (
        Child.objects.live()
        .filter(authority=authority)
        .filter(Exists(entries.filter(filters.of_entries())))
    )
    count = children.count()
    if after is not None:
        last_name, first_name, child_id = after
        children = children.filter(
            Q(last_name__gt=last_name)
            | Q(last_name=last_name, first_name__gt=first_name)
            | Q(last_name=last_name, first_name=first_name, id__gt=child_id)
        )
    rows, next_after = _keyset_page(
        children.annotate(
            case_id=Subquery(newest.values("id")[:1]),
            case_reference=Subquery(newest.values("reference")[:1]),
            case_status=Subquery(newest.values("status")[:1]),
        ).order_by("last_name", "first_name", "id"),
        size=size,
        position=lambda child: (child.last_name, child.first_name, child.pk),
    )
    _page_audit(
        actor=actor,
        authority=authority,
        object_type="child_list",
        children=[child.pk for child in rows],
    )
    return Page(rows, count, next_after)


def child_get(*, actor: Actor, authority: LocalAuthority, child_id: UUID | str) -> Child:
    """One child of the LA with their addresses, parents and carers, who educates them, and
    their cases, prefetched (`addresses`, `relationships`, `arrangements`, `entries`), and never
    their safeguarding record. Another LA's child raises ChildNotFound after a DENIED row."""
    child = _record_read(
        actor=actor,
        authority=authority,
        object_type="child",
        object_id=child_id,
        found=Child.objects.live()
        .filter(authority=authority, pk=_uuid(child_id))
        .prefetch_related(
            Prefetch(
                "addresses",
                queryset=ChildAddress.objects.live()
                .select_related("address")
                .order_by("kind", "-lived_from", "id"),
            ),
            Prefetch(
                "relationships",
                queryset=ChildPerson.objects.live()
                .select_related("person__address")
                .order_by("id"),
            ),
            Prefetch(
                "arrangements",
                queryset=EducationArrangement.objects.live()
                .select_related("educator", "provider__address")
                .order_by("id"),
            ),
            Prefetch(
                "entries", queryset=RegisterEntry.objects.live().order_by("-notified_on", "-id")
            ),
        ),
        categories=RECORD_CATEGORIES,
        child_of=lambda child: child.pk,
    )
    if child is None:
        raise ChildNotFound(CHILD_NOT_FOUND)
    return child
