"""The review queue: everything that has arrived and no officer has reviewed yet, and each item
beside what the register holds, field by field, with the differences marked.

Every read is scoped by the officer's LA (another LA's item is not found) and audited, naming
the children whose data it shows. The number of statements does not grow with the register.
"""

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

from django.db.models import CharField, Count, Value
from django.db.models.functions import Cast, Concat
from django.http import Http404

from registers.actors import Actor
from registers.audit import audit_record
from registers.intake.changes import ChangeKind
from registers.models import (
    AuditEvent,
    Child,
    ChildAddress,
    ChildPerson,
    DuplicateDecision,
    EducationArrangement,
    LocalAuthority,
    Notification,
    NotificationReview,
    RegisterEntry,
)
from registers.rules.codes import AddressKind, CaseStatus, ClosureReason, NotificationKind
from registers.rules.deadlines import long_date
from registers.selectors.duplicates import names_similar
from registers.validation import hours_text

# The address of each kind of item (/staff/review/<kind>/<id>/), in the order the queue's
# filter lists them.
REVIEW_KINDS: dict[str, NotificationKind] = {
    "notification": NotificationKind.NEW_REGISTRATION,
    "update": NotificationKind.UPDATE_RESPONSE,
    "change": NotificationKind.CHANGE_OF_CIRCUMSTANCES,
    "provider": NotificationKind.PROVIDER_RESPONSE,
    "support": NotificationKind.SUPPORT_REQUEST,
    "school-notice": NotificationKind.OFF_ROLL,
}
KIND_SLUGS = {kind: slug for slug, kind in REVIEW_KINDS.items()}

# The queue shows this many items, oldest first; the count of each kind says how many wait.
QUEUE_SHOWN = 50

# The fields a review can change on the register, by the name the review form gives them.
ADDRESS = "address"
PARENTS_HOURS = "hours_by_parents"
STATUS = "status"
PROVIDER_HOURS = "provider_hours_"
REGISTER = "register"

# Where a parent's report closes the case, why (registers.rules.codes.ClosureReason).
CHANGE_CLOSES = {
    ChangeKind.LEAVING_AREA: ClosureReason.MOVED_OUT_OF_AREA,
    ChangeKind.RETURNING_TO_SCHOOL: ClosureReason.RETURNED_TO_SCHOOL,
}
# The statuses from which a new notification can be entered on the register (by way of the
# eligibility check, as the case workflow requires).
ACCEPTABLE_STATUSES = (CaseStatus.NOTIFIED, CaseStatus.ELIGIBILITY_CHECK)

Outcome = NotificationReview.Outcome

NOT_RECORDED = "Not recorded"
NOT_GIVEN = "Not given"


class ReviewItemNotFound(Http404):
    """Another LA's item, an unknown one, or an unknown kind: all answer alike."""


@dataclass(frozen=True)
class Difference:
    """One field: what the sender gave beside what the register holds."""

    name: str
    label: str
    given: str
    held: str
    # Whether a review can write the given value onto the register.
    applicable: bool = False
    # The one child the field belongs to, where the item names several (a provider's answer),
    # and what the field is called on that child's own record (without their name), so that
    # one child's timeline never shows another's.
    child: UUID | None = None
    own_label: str = ""

    @property
    def changed(self) -> bool:
        return _same(self.given) != _same(self.held)

    @property
    def as_applied(self) -> dict[str, str]:
        """How a review keeps the field it applied (NotificationReview.applied)."""
        return {"field": self.own_label or self.label, "child": str(self.child or "")}


@dataclass(frozen=True)
class ReviewItem:
    notification: Notification
    slug: str
    child: Child | None
    entry: RegisterEntry | None
    differences: list[Difference]
    # What the sender said that is not a field of the register, for the officer to read.
    details: list[tuple[str, str]]
    # The children whose data the item shows (for the audit trail and the timeline).
    children: list[UUID]
    # What the register holds now, for an officer's own eyes: a form posted after it changed is
    # refused rather than applied on top.
    held_current_address: ChildAddress | None = None
    parents_arrangement: EducationArrangement | None = None
    provider_arrangements: dict[UUID, EducationArrangement] = field(default_factory=dict)

    @property
    def to_apply(self) -> list[Difference]:
        """The fields the officer may choose to apply."""
        return [row for row in self.differences if row.applicable and row.changed]

    @property
    def version(self) -> str:
        """A digest of what the register holds of each field shown, and the case's version."""
        held = [(row.name, row.held) for row in self.differences]
        held.append(("entry", self.entry.version if self.entry else None))
        return hashlib.sha256(json.dumps(held).encode()).hexdigest()[:20]

    @property
    def reviewed(self) -> bool:
        return self.notification.reviewed_at is not None

    @property
    def outcomes(self) -> list[tuple[str, str]]:
        """The decisions open to the officer, as the review form offers them."""
        if self.to_apply:
            first = (Outcome.APPLIED, "Apply the changes I have selected")
        elif self.notification.kind == NotificationKind.SUPPORT_REQUEST:
            first = (Outcome.NOTED, "Mark as dealt with")
        else:
            first = (Outcome.NOTED, "Mark as reviewed: there is nothing to apply")
        return [first, (Outcome.NOT_APPLIED, "Do not apply it, and record why")]


def _same(text: str) -> str:
    return " ".join(text.replace(",", " ").split()).casefold()


# The queue ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    notification: Notification
    slug: str
    about: str


@dataclass(frozen=True)
class KindCount:
    slug: str
    label: str
    count: int


@dataclass(frozen=True)
class ReviewQueue:
    rows: list[QueueRow]
    counts: list[KindCount]
    kind: str
    newest_first: bool

    @property
    def total(self) -> int:
        return sum(count.count for count in self.counts)

    @property
    def listed(self) -> int:
        """How many items of the kind chosen (all kinds, if none) wait."""
        return sum(
            count.count for count in self.counts if count.slug == self.kind or not self.kind
        )


def _about(notification: Notification) -> str:
    """Who the item is about: the child on the register, else as the sender named them."""
    if notification.child is not None:
        return notification.child.full_name
    payload = notification.payload
    if notification.kind == NotificationKind.PROVIDER_RESPONSE:
        named = len(payload.get("children", []))
        provider = payload.get("provider", {}).get("name", "")
        return f"{provider}: {named} {'child' if named == 1 else 'children'}"
    return payload.get("child_name") or payload.get("reference") or NOT_GIVEN


def _waiting(authority: LocalAuthority):
    return Notification.objects.filter(authority=authority, reviewed_at__isnull=True)


def review_queue_get(*, actor: Actor, kind: str = "", newest_first: bool = False) -> ReviewQueue:
    """What waits for review in the officer's LA, oldest first (or newest): the first
    QUEUE_SHOWN items of `kind` (a REVIEW_KINDS key; any other value lists every kind), and a
    count of each kind. Three statements: the counts, the items, the audit row."""
    authority = actor.user.authority
    kind = kind if kind in REVIEW_KINDS else ""
    counted = dict(_waiting(authority).values_list("kind").annotate(count=Count("id")).order_by())
    counts = [
        KindCount(slug=slug, label=code.label, count=counted.get(code, 0))
        for slug, code in REVIEW_KINDS.items()
    ]
    waiting = _waiting(authority).select_related("child")
    if kind:
        waiting = waiting.filter(kind=REVIEW_KINDS[kind])
    order = ("-received_at", "-id") if newest_first else ("received_at", "id")
    notifications = list(waiting.order_by(*order)[:QUEUE_SHOWN])
    rows = [
        QueueRow(
            notification=notification,
            slug=KIND_SLUGS.get(notification.kind, ""),
            about=_about(notification),
        )
        for notification in notifications
    ]
    audit_record(
        actor=actor,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="review_queue",
        categories=["identity"],
        children=sorted(
            {str(row.notification.child_id) for row in rows if row.notification.child_id}
        ),
    )
    return ReviewQueue(rows=rows, counts=counts, kind=kind, newest_first=newest_first)


# One item -------------------------------------------------------------------------------------


def _address_text(parts: dict | None) -> str:
    if not parts:
        return NOT_GIVEN
    return ", ".join(
        str(parts[name]).strip()
        for name in ("line_1", "line_2", "town", "postcode")
        if parts.get(name)
    )


def _held_address_text(held: ChildAddress | None) -> str:
    return str(held.address) if held is not None else NOT_RECORDED


def _given_address(payload: dict) -> dict | None:
    """The address a parent gave in an update or a report of a move, as address parts."""
    if not payload.get("address_line_1"):
        return None
    return {
        "line_1": payload.get("address_line_1", ""),
        "line_2": payload.get("address_line_2", ""),
        "town": payload.get("town", ""),
        "postcode": payload.get("postcode", ""),
    }


def _hours(value: Decimal | str | None) -> str:
    return (
        NOT_RECORDED if value in (None, "") else f"{hours_text(Decimal(str(value)))} hours a week"
    )


def _day(value: str | None) -> str:
    return long_date(date.fromisoformat(value)) if value else NOT_GIVEN


@dataclass
class _Held:
    """What the register holds that a kind of item is compared with, read in fixed statements."""

    current_address: ChildAddress | None = None
    parents_arrangement: EducationArrangement | None = None
    provider_arrangements: dict[UUID, EducationArrangement] = field(default_factory=dict)
    children: dict[UUID, Child] = field(default_factory=dict)


def _current_address(child: Child | None) -> ChildAddress | None:
    if child is None:
        return None
    return (
        ChildAddress.objects.live()
        .filter(child=child, kind=AddressKind.CURRENT)
        .select_related("address")
        .first()
    )


def _parents_arrangement(child: Child | None) -> EducationArrangement | None:
    if child is None:
        return None
    return (
        EducationArrangement.objects.live()
        .filter(child=child, educator__isnull=False, ends_on__isnull=True)
        .order_by("id")
        .first()
    )


def _status_text(entry: RegisterEntry | None) -> str:
    return entry.get_status_display() if entry is not None else NOT_RECORDED


def _new_registration(notification: Notification) -> tuple[list[Difference], list, _Held]:
    payload, child, entry = notification.payload, notification.child, notification.entry
    held = _Held(current_address=_current_address(child))
    given_child = payload.get("child", {})
    given_name = " ".join(
        part
        for part in (
            given_child.get("first_name"),
            given_child.get("middle_names"),
            given_child.get("last_name"),
        )
        if part
    )
    acceptable = entry is not None and entry.status in ACCEPTABLE_STATUSES
    differences = [
        Difference("name", "Name", given_name, child.full_name if child else NOT_RECORDED),
        Difference(
            "date_of_birth",
            "Date of birth",
            _day(given_child.get("date_of_birth")),
            long_date(child.date_of_birth) if child else NOT_RECORDED,
        ),
        Difference(
            "home_address",
            "Home address",
            _address_text(payload.get("home_address")),
            _held_address_text(held.current_address),
        ),
        Difference(
            REGISTER,
            "Case status",
            CaseStatus.REGISTERED.label if acceptable else _status_text(entry),
            _status_text(entry),
            applicable=acceptable,
        ),
    ]
    school = payload.get("school") or {}
    details = [
        ("Previous school", school.get("name") or NOT_GIVEN),
        (
            "Parents and carers",
            ", ".join(
                f"{parent.get('first_name', '')} {parent.get('last_name', '')}".strip()
                for parent in payload.get("parents", [])
            )
            or NOT_GIVEN,
        ),
        (
            "Providers",
            ", ".join(provider.get("name", "") for provider in payload.get("providers", []))
            or "None",
        ),
    ]
    return differences, details, held


def _update_response(notification: Notification) -> tuple[list[Difference], list, _Held]:
    payload, child = notification.payload, notification.child
    changes = payload.get("changes", {})
    held = _Held(
        current_address=_current_address(child), parents_arrangement=_parents_arrangement(child)
    )
    details = [
        ("Update request sent", _day(payload.get("sent_on"))),
        (
            "Is the information still correct?",
            "Yes" if payload.get("still_correct") else "No, the parent told us about changes",
        ),
    ]
    differences = []
    if given_address := _given_address(changes):
        differences.append(
            Difference(
                ADDRESS,
                "Home address",
                _address_text(given_address),
                _held_address_text(held.current_address),
                applicable=child is not None,
            )
        )
    if changes.get("hours_by_parents") not in (None, ""):
        differences.append(
            Difference(
                PARENTS_HOURS,
                "Hours a week taught by the parents",
                _hours(changes["hours_by_parents"]),
                _hours(held.parents_arrangement.hours_per_week)
                if held.parents_arrangement
                else NOT_RECORDED,
                applicable=held.parents_arrangement is not None,
            )
        )
    if changes.get("providers"):
        details.append(("Changes to providers", changes["providers"]))
    if changes.get("anything_else"):
        details.append(("Anything else", changes["anything_else"]))
    return differences, details, held


def _change_of_circumstances(notification: Notification) -> tuple[list[Difference], list, _Held]:
    payload, child, entry = notification.payload, notification.child, notification.entry
    held = _Held(current_address=_current_address(child))
    kind = ChangeKind(payload["kind"])
    details = [("What has changed", kind.label)]
    if not payload.get("matched"):
        details.append(
            (
                "Matched to the register",
                f"No: reference {payload.get('reference', NOT_GIVEN)} and the date of birth "
                "given did not match a child",
            )
        )
    differences = []
    if kind == ChangeKind.MOVING_IN_AREA:
        moved = f" from {_day(payload['moving_on'])}" if payload.get("moving_on") else ""
        differences.append(
            Difference(
                ADDRESS,
                "Home address",
                _address_text(_given_address(payload)) + moved,
                _held_address_text(held.current_address),
                applicable=child is not None,
            )
        )
    elif kind in CHANGE_CLOSES:
        open_entry = entry is not None and entry.status != CaseStatus.CLOSED
        differences.append(
            Difference(
                STATUS,
                "Case status",
                f"{CaseStatus.CLOSED.label}: {CHANGE_CLOSES[kind].label}",
                _status_text(entry),
                applicable=open_entry,
            )
        )
    for label, name in (
        ("Date of the move", "moving_on"),
        ("Moving to", "destination"),
        ("School", "school_name"),
        ("Starts school", "school_from"),
    ):
        if payload.get(name) and not (name == "moving_on" and kind == ChangeKind.MOVING_IN_AREA):
            value = payload[name]
            details.append((label, _day(value) if name.endswith(("_on", "_from")) else value))
    if payload.get("details"):
        details.append(("What the parent wrote", payload["details"]))
    return differences, details, held


def _provider_response(notification: Notification) -> tuple[list[Difference], list, _Held]:
    payload = notification.payload
    provider = payload.get("provider", {})
    named = []
    for given in payload.get("children", []):
        try:
            named.append(UUID(given["child_id"]))
        except (KeyError, ValueError):
            continue
    held = _Held(
        children={
            child.pk: child
            for child in Child.objects.live().filter(
                authority_id=notification.authority_id, pk__in=named
            )
        },
        provider_arrangements={
            arrangement.child_id: arrangement
            for arrangement in EducationArrangement.objects.live()
            .filter(child_id__in=named, provider_id=provider.get("id"), ends_on__isnull=True)
            .order_by("-id")
        },
    )
    differences = []
    for given in payload.get("children", []):
        child_id = UUID(given["child_id"])
        arrangement = held.provider_arrangements.get(child_id)
        differences.append(
            Difference(
                f"{PROVIDER_HOURS}{child_id}",
                f"{given.get('name', '')}: time at {provider.get('name', '')}",
                _attendance(
                    given.get("attends"),
                    given.get("hours_per_week"),
                    given.get("hours_without_parent"),
                ),
                _attendance(True, arrangement.hours_per_week, arrangement.hours_without_parent)
                if arrangement
                else "Not recorded as attending",
                applicable=child_id in held.children,
                child=child_id,
                own_label=f"Time at {provider.get('name', '')}",
            )
        )
    setting = payload.get("setting", {})
    details = [
        (label.replace("_", " ").capitalize(), str(value))
        for label, value in setting.items()
        if value not in ("", None) and not isinstance(value, dict)
    ]
    return differences, details, held


def _attendance(attends: bool | None, hours: object, without_parent: object) -> str:
    if not attends:
        return "Does not attend"
    text = f"Attends, {_hours(hours)}"
    if without_parent not in (None, ""):
        text += f" ({hours_text(Decimal(str(without_parent)))} without a parent present)"
    return text


def _support_request(notification: Notification) -> tuple[list[Difference], list, _Held]:
    payload = notification.payload
    details = [
        ("Name", payload.get("name", NOT_GIVEN)),
        ("Email address", payload.get("email", NOT_GIVEN)),
        ("Phone number", payload.get("phone", NOT_GIVEN)),
        ("Child's name", payload.get("child_name", NOT_GIVEN)),
        ("Reference given", payload.get("reference", NOT_GIVEN)),
        ("Support wanted", payload.get("support_wanted", NOT_GIVEN)),
    ]
    return [], details, _Held()


def _as_given(notification: Notification) -> tuple[list[Difference], list, _Held]:
    details = [
        (
            str(label).replace("_", " ").capitalize(),
            json.dumps(value) if isinstance(value, (dict, list)) else str(value),
        )
        for label, value in notification.payload.items()
    ]
    return [], details, _Held()


COMPARED: dict[str, Callable[[Notification], tuple[list[Difference], list, _Held]]] = {
    NotificationKind.NEW_REGISTRATION: _new_registration,
    NotificationKind.UPDATE_RESPONSE: _update_response,
    NotificationKind.CHANGE_OF_CIRCUMSTANCES: _change_of_circumstances,
    NotificationKind.PROVIDER_RESPONSE: _provider_response,
    NotificationKind.SUPPORT_REQUEST: _support_request,
}


def notification_for_review(
    *, authority: LocalAuthority, slug: str, notification_id: int | str, lock: bool = False
) -> Notification:
    """The LA's notification of the kind the address names; ReviewItemNotFound otherwise.
    `lock` holds its row until the caller's transaction ends (a review being recorded)."""
    kind = REVIEW_KINDS.get(slug)
    try:
        notification_id = int(notification_id)
    except (TypeError, ValueError):
        kind = None
    if kind is None:
        raise ReviewItemNotFound("No such item to review")
    found = Notification.objects.filter(authority=authority, kind=kind, pk=notification_id)
    if lock:
        found = found.select_for_update(of=("self",))
    notification = found.select_related("child", "entry", "reviewed_by").first()
    if notification is None or (
        notification.child is not None and notification.child.archived_at is not None
    ):
        raise ReviewItemNotFound("No such item to review")
    return notification


def review_item_read(notification: Notification) -> ReviewItem:
    """The item beside what the register holds now (not audited: for the review service)."""
    compare = COMPARED.get(notification.kind, _as_given)
    differences, details, held = compare(notification)
    children = [notification.child_id] if notification.child_id else list(held.children)
    return ReviewItem(
        notification=notification,
        slug=KIND_SLUGS.get(notification.kind, ""),
        child=notification.child,
        entry=notification.entry,
        differences=differences,
        details=details,
        children=children,
        held_current_address=held.current_address,
        parents_arrangement=held.parents_arrangement,
        provider_arrangements=held.provider_arrangements,
    )


def review_item_get(*, actor: Actor, slug: str, notification_id: int | str) -> ReviewItem:
    """One item of the officer's LA to review, and one audit row naming its children.

    Another LA's item, or an unknown one, leaves a VIEW/DENIED row and raises
    ReviewItemNotFound."""
    try:
        notification = notification_for_review(
            authority=actor.user.authority, slug=slug, notification_id=notification_id
        )
    except ReviewItemNotFound:
        _item_read_record(actor=actor, notification_id=notification_id, children=None)
        raise
    item = review_item_read(notification)
    _item_read_record(actor=actor, notification_id=notification.pk, children=item.children)
    return item


def _item_read_record(
    *, actor: Actor, notification_id: object, children: Iterable[UUID] | None
) -> None:
    audit_record(
        actor=actor,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.DENIED if children is None else AuditEvent.Outcome.ALLOWED,
        object_type="notification",
        object_id=str(notification_id),
        categories=[] if children is None else ["identity", "address", "family", "education"],
        children=children or [],
    )


# Possible duplicates ----------------------------------------------------------------------------

# The list of possible duplicates shows this many pairs, oldest born first.
DUPLICATES_SHOWN = 50


@dataclass(frozen=True)
class DuplicatePair:
    """Two live children of one LA who may be the same child; `first` has the smaller id."""

    first: Child
    second: Child


@dataclass(frozen=True)
class ChildSide:
    """One side of a pair, as the page shows it."""

    child: Child
    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class DuplicateSides:
    first: ChildSide
    second: ChildSide
    # Labels of the rows whose values differ between the two.
    differ: frozenset[str]

    @property
    def version(self) -> str:
        """A digest of both sides as shown: a change to either refuses a merge chosen from it."""
        shown = [self.first.rows, self.second.rows]
        return hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:20]

    @property
    def children(self) -> list[Child]:
        return [self.first.child, self.second.child]


def _live_current_addresses(authority: LocalAuthority):
    return ChildAddress.objects.filter(
        kind=AddressKind.CURRENT,
        archived_at__isnull=True,
        child__authority=authority,
        child__archived_at__isnull=True,
    )


def duplicate_pairs_read(*, authority: LocalAuthority) -> list[DuplicatePair]:
    """Pairs of the LA's live children born the same day, living at the same postcode, with a
    similar name (registers.selectors.duplicates.names_similar), not yet decided: the first
    DUPLICATES_SHOWN, in order of birth.

    Three statements however large the register: the few children who share a birthday and a
    postcode with another (their ids and names only), the decisions among them, and the
    children of the pairs shown.
    """
    # A birthday and a postcode as one value, so that the database finds the children who
    # share both with another child by one hashed lookup rather than pair by pair.
    place = Concat(Cast("child__date_of_birth", CharField()), Value(" "), "address__postcode")
    shared = (
        _live_current_addresses(authority)
        .annotate(place=place)
        .values("place")
        .annotate(children=Count("child_id", distinct=True))
        .filter(children__gt=1)
        .values("place")
    )
    groups: dict[tuple, list[tuple]] = {}
    for child_id, born, postcode, first_name, last_name in (
        _live_current_addresses(authority)
        .annotate(place=place)
        .filter(place__in=shared)
        .order_by("child__date_of_birth", "address__postcode", "child_id")
        .values_list(
            "child_id",
            "child__date_of_birth",
            "address__postcode",
            "child__first_name",
            "child__last_name",
        )
    ):
        groups.setdefault((born, postcode), []).append((child_id, first_name, last_name))
    candidates = [
        (first[0], second[0])
        for children in groups.values()
        for position, first in enumerate(children)
        for second in children[position + 1 :]
        if names_similar(
            first_name=first[1], last_name=first[2], other_first=second[1], other_last=second[2]
        )
    ]
    if not candidates:
        return []
    decided = set(
        DuplicateDecision.objects.filter(first__in={first for first, _ in candidates}).values_list(
            "first_id", "second_id"
        )
    )
    shown = [pair for pair in candidates if pair not in decided][:DUPLICATES_SHOWN]
    children = Child.objects.in_bulk({child_id for pair in shown for child_id in pair})
    return [
        DuplicatePair(first=children[first], second=children[second]) for first, second in shown
    ]


def duplicate_pairs_get(*, actor: Actor) -> list[DuplicatePair]:
    """The pairs to decide in the officer's LA, and one audit row naming their children."""
    pairs = duplicate_pairs_read(authority=actor.user.authority)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="possible_duplicates",
        categories=["identity"],
        children=sorted({str(child.pk) for pair in pairs for child in (pair.first, pair.second)}),
    )
    return pairs


class DuplicatePairNotFound(Http404):
    """Not two live children of the officer's LA, or a pair already decided."""


def _side(child: Child, addresses, entries, relationships, notifications) -> ChildSide:
    current = next((held for held in addresses if held.child_id == child.pk), None)
    parents = [
        f"{link.person.first_name} {link.person.last_name}"
        for link in relationships
        if link.child_id == child.pk
    ]
    cases = [
        f"{entry.reference}: {entry.get_status_display()}"
        for entry in entries
        if entry.child_id == child.pk
    ]
    return ChildSide(
        child=child,
        rows=[
            ("Name", child.full_name),
            ("Date of birth", long_date(child.date_of_birth)),
            ("Sex", child.get_sex_display()),
            ("UPN", child.upn or NOT_RECORDED),
            ("NHS number", child.nhs_number or NOT_RECORDED),
            ("Home address", _held_address_text(current)),
            ("Parents and carers", ", ".join(parents) or NOT_RECORDED),
            ("Register entries", ", ".join(cases) or "None"),
            ("Notifications", str(notifications.get(child.pk, 0))),
        ],
    )


def duplicate_pair_read(
    *, authority: LocalAuthority, first_id: UUID | str, second_id: UUID | str, lock: bool = False
) -> DuplicateSides:
    """Both records side by side, read in fixed statements; DuplicatePairNotFound unless they
    are two live children of the LA, in order, not yet decided. `lock` holds both children's
    rows until the caller's transaction ends (a merge)."""
    try:
        ids = [UUID(str(first_id)), UUID(str(second_id))]
    except ValueError as error:
        raise DuplicatePairNotFound("No such pair") from error
    if not ids[0] < ids[1]:
        raise DuplicatePairNotFound("No such pair")
    found = Child.objects.live().filter(authority=authority, pk__in=ids).order_by("id")
    if lock:
        found = found.select_for_update()
    children = list(found)
    if (
        len(children) != 2
        or DuplicateDecision.objects.filter(first=ids[0], second=ids[1]).exists()
    ):
        raise DuplicatePairNotFound("No such pair")
    addresses = list(
        ChildAddress.objects.live()
        .filter(child__in=ids, kind=AddressKind.CURRENT)
        .select_related("address")
    )
    entries = list(
        RegisterEntry.objects.live().filter(child__in=ids).order_by("-notified_on", "id")
    )
    relationships = list(
        ChildPerson.objects.live().filter(child__in=ids).select_related("person").order_by("id")
    )
    notifications = dict(
        Notification.objects.filter(child__in=ids)
        .values_list("child_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    first, second = (
        _side(child, addresses, entries, relationships, notifications) for child in children
    )
    differ = frozenset(
        label
        for (label, one), (_, other) in zip(first.rows, second.rows, strict=True)
        if _same(one) != _same(other)
    )
    return DuplicateSides(first=first, second=second, differ=differ)


def duplicate_pair_get(*, actor: Actor, first_id: str, second_id: str) -> DuplicateSides:
    """The pair side by side, and one audit row naming both children (or a DENIED row)."""
    try:
        sides = duplicate_pair_read(
            authority=actor.user.authority, first_id=first_id, second_id=second_id
        )
    except DuplicatePairNotFound:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.DENIED,
            object_type="possible_duplicate",
            object_id=str(first_id)[:64],
        )
        raise
    audit_record(
        actor=actor,
        action=AuditEvent.Action.VIEW,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="possible_duplicate",
        object_id=str(first_id)[:64],
        categories=["identity", "address", "family", "education"],
        children=[child.pk for child in sides.children],
    )
    return sides
