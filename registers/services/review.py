"""Reviewing what arrives: an officer applies an item to the register field by field, or records
why not; and decides whether two children who look alike are the same child.

Each decision is one transaction: the register's changes (an address moved with its history
kept, a provider's hours on the arrangement, a case moved through the case service), the item
taken out of the queue, its tasks done, and the audit trail. A form posted after the item was
reviewed, or after what the register holds of it changed, is refused and changes nothing.
"""

from datetime import date
from decimal import Decimal
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.intake.changes import ChangeKind
from registers.models import (
    Address,
    AuditEvent,
    Child,
    ChildAddress,
    ChildPerson,
    ChildSafeguarding,
    ConsentRequest,
    DuplicateDecision,
    EducationArrangement,
    InformationRequest,
    LocalAuthority,
    Notification,
    NotificationReview,
    RegisterEntry,
    Task,
)
from registers.rules.codes import AddressKind, CaseStatus
from registers.selectors.review import (
    ADDRESS,
    CHANGE_CLOSES,
    PARENTS_HOURS,
    PROVIDER_HOURS,
    REGISTER,
    STATUS,
    DuplicatePairNotFound,
    ReviewItem,
    duplicate_pair_read,
    notification_for_review,
    review_item_read,
)
from registers.services.cases import register_entry_transition
from registers.validation import Invalid, Text

Outcome = NotificationReview.Outcome

ALREADY_REVIEWED = "This item has already been reviewed, so it has been taken out of the queue"
STALE_ITEM = (
    "The register has changed since you opened this item – check what it holds now and "
    "choose again"
)
OUTCOME_MISSING = "Select what to do with it"
NOTHING_CHOSEN = "Select the changes to apply"
NOTHING_TO_APPLY = "There is nothing in this item that can be applied – mark it as reviewed"
REASON = Text(
    "Why are you not applying it?",
    2000,
    required="Enter why you are not applying it",
    length_label="Why you are not applying it",
    multiline=True,
)
NOTE = Text("Note (optional)", 2000, length_label="Note", multiline=True)

# The tasks a review finishes: the officer has dealt with what arrived.
REVIEW_TASKS = (Task.Kind.REVIEW_NOTIFICATION, Task.Kind.SUPPORT_REQUEST)


def _errors_check(
    *, item: ReviewItem, outcome: str, fields: list[str], reason: str, version: str
) -> tuple[str, list[str], str]:
    """The decision, tidied; ApplicationError naming each field that is wrong."""
    if item.reviewed:
        raise ApplicationError(ALREADY_REVIEWED)
    if version != item.version:
        raise ApplicationError(STALE_ITEM)
    errors: dict[str, list[str]] = {}
    offered = {row.name for row in item.to_apply}
    chosen = [row.name for row in item.to_apply if row.name in set(fields)]
    if outcome not in Outcome.values:
        errors["outcome"] = [OUTCOME_MISSING]
    elif outcome == Outcome.APPLIED and not offered:
        errors["outcome"] = [NOTHING_TO_APPLY]
    elif outcome == Outcome.APPLIED and (not chosen or set(fields) - offered):
        errors["fields"] = [NOTHING_CHOSEN]
    text = reason.strip() if isinstance(reason, str) else ""
    spec = REASON if outcome == Outcome.NOT_APPLIED else NOTE
    try:
        text = spec.clean(text)
    except Invalid as problem:
        errors["reason"] = [str(problem)]
    if errors:
        raise ApplicationError(errors)
    return outcome, chosen, text


def _address_move(*, item: ReviewItem, actor: Actor, today: date) -> None:
    """The old current address ends where the new one begins; both are kept."""
    payload = item.notification.payload
    given = payload.get("changes", payload)
    moved_on = date.fromisoformat(given["moving_on"]) if given.get("moving_on") else today
    held = item.held_current_address
    if held is not None:
        held.kind = AddressKind.PREVIOUS
        held.lived_until = max(moved_on, held.lived_from or moved_on)
        held.modified_by = actor.user
        held.save(update_fields=["kind", "lived_until", "modified_by", "modified_at"])
    address = Address.objects.create(
        line_1=given["address_line_1"],
        line_2=given.get("address_line_2", ""),
        town=given["town"],
        postcode=given["postcode"],
        created_by=actor.user,
        modified_by=actor.user,
    )
    ChildAddress.objects.create(
        child=item.child,
        address=address,
        kind=AddressKind.CURRENT,
        lived_from=moved_on,
        created_by=actor.user,
        modified_by=actor.user,
    )


def _parents_hours(*, item: ReviewItem, actor: Actor) -> None:
    arrangement = item.parents_arrangement
    arrangement.hours_per_week = Decimal(str(item.notification.payload["changes"][PARENTS_HOURS]))
    if (
        arrangement.hours_without_parent is not None
        and arrangement.hours_without_parent > arrangement.hours_per_week
    ):
        arrangement.hours_without_parent = arrangement.hours_per_week
    arrangement.modified_by = actor.user
    arrangement.save(
        update_fields=["hours_per_week", "hours_without_parent", "modified_by", "modified_at"]
    )


def _provider_hours(*, item: ReviewItem, child_id: UUID, actor: Actor, today: date) -> None:
    payload = item.notification.payload
    given = next(child for child in payload["children"] if UUID(child["child_id"]) == child_id)
    arrangement = item.provider_arrangements.get(child_id)
    if not given.get("attends"):
        if arrangement is not None:
            arrangement.ends_on = max(today, arrangement.starts_on or today)
            arrangement.modified_by = actor.user
            arrangement.save(update_fields=["ends_on", "modified_by", "modified_at"])
        return
    hours = Decimal(given["hours_per_week"])
    without_parent = (
        None
        if given.get("hours_without_parent") is None
        else Decimal(given["hours_without_parent"])
    )
    if arrangement is None:
        EducationArrangement.objects.create(
            child_id=child_id,
            provider_id=payload["provider"]["id"],
            hours_per_week=hours,
            hours_without_parent=without_parent,
            starts_on=today,
            created_by=actor.user,
            modified_by=actor.user,
        )
        return
    arrangement.hours_per_week = hours
    arrangement.hours_without_parent = without_parent
    arrangement.modified_by = actor.user
    arrangement.save(
        update_fields=["hours_per_week", "hours_without_parent", "modified_by", "modified_at"]
    )


def _case_closed(*, item: ReviewItem, actor: Actor) -> None:
    kind = ChangeKind(item.notification.payload["kind"])
    register_entry_transition(
        entry=item.entry,
        to_status=CaseStatus.CLOSED,
        closure_reason=CHANGE_CLOSES[kind],
        reason=(f"Reported by the parent (reference {item.notification.reference}): {kind.label}"),
        actor=actor,
        expected_version=item.entry.version,
    )


def _registered(*, item: ReviewItem, actor: Actor) -> None:
    """A new notification accepted: the case is checked and entered on the register, through
    the case workflow's own moves."""
    entry, reason = item.entry, f"Notification {item.notification.reference} reviewed"
    if entry.status == CaseStatus.NOTIFIED:
        entry = register_entry_transition(
            entry=entry,
            to_status=CaseStatus.ELIGIBILITY_CHECK,
            reason=reason,
            actor=actor,
            expected_version=entry.version,
        )
    register_entry_transition(
        entry=entry,
        to_status=CaseStatus.REGISTERED,
        reason=f"{reason}: accepted onto the register",
        actor=actor,
        expected_version=entry.version,
    )


def _apply(*, item: ReviewItem, name: str, actor: Actor, today: date) -> None:
    if name == ADDRESS:
        _address_move(item=item, actor=actor, today=today)
    elif name == PARENTS_HOURS:
        _parents_hours(item=item, actor=actor)
    elif name == STATUS:
        _case_closed(item=item, actor=actor)
    elif name == REGISTER:
        _registered(item=item, actor=actor)
    elif name.startswith(PROVIDER_HOURS):
        _provider_hours(
            item=item, child_id=UUID(name.removeprefix(PROVIDER_HOURS)), actor=actor, today=today
        )


@transaction.atomic
def notification_review_record(
    *,
    authority: LocalAuthority,
    slug: str,
    notification_id: int | str,
    outcome: str,
    fields: list[str],
    reason: str,
    version: str,
    actor: Actor,
) -> NotificationReview:
    """Record the officer's review of one item: the fields chosen applied (APPLIED), nothing
    applied and why (NOT_APPLIED, a reason required), or read with nothing to apply (NOTED).

    `version` is the item's version on the page the officer chose from (ReviewItem.version):
    if the item has been reviewed since, or what the register holds of it has changed, the
    review is refused. Any refusal is an ApplicationError by field and changes nothing.
    """
    notification = notification_for_review(
        authority=authority, slug=slug, notification_id=notification_id, lock=True
    )
    item = review_item_read(notification)
    outcome, chosen, text = _errors_check(
        item=item, outcome=outcome, fields=fields, reason=reason, version=version
    )
    now = timezone.now()
    today = timezone.localdate(now)
    for name in chosen:
        _apply(item=item, name=name, actor=actor, today=today)
    rows = {row.name: row for row in item.differences}
    notification.reviewed_at = now
    notification.reviewed_by = actor.user
    notification.save(update_fields=list(Notification.REVIEW_FIELDS))
    review = NotificationReview.objects.create(
        authority=authority,
        notification=notification,
        outcome=outcome,
        applied=[rows[name].as_applied for name in chosen],
        reason=text,
        reviewed_at=now,
        reviewed_by=actor.user,
    )
    review.children.set(item.children)
    Task.objects.filter(
        notification=notification, kind__in=REVIEW_TASKS, status=Task.Status.OPEN
    ).update(status=Task.Status.DONE, completed_at=now, modified_at=now, modified_by=actor.user)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="notification",
        object_id=notification.pk,
        categories=["identity", "address", "education"],
        children=item.children,
    )
    return review


# Possible duplicates ----------------------------------------------------------------------------

KEPT_MISSING = "Select whether they are the same child, and which record to keep"
ALREADY_DECIDED = "These two records have already been looked at, so they are not offered again"
STALE_PAIR = (
    "One of these records has changed since you opened the page – check them again and choose"
)


def _tasks_done(*, children: list, actor: Actor, now) -> None:
    """The checks of a possible duplicate asked of an officer for either child, done."""
    Task.objects.filter(
        kind=Task.Kind.POSSIBLE_DUPLICATE,
        status=Task.Status.OPEN,
        entry__child__in=children,
    ).update(status=Task.Status.DONE, completed_at=now, modified_at=now, modified_by=actor.user)


def _decision_record(
    *, authority: LocalAuthority, sides, actor: Actor, kept=None
) -> DuplicateDecision:
    now = timezone.now()
    first, second = sides.children
    try:
        with transaction.atomic():
            decision = DuplicateDecision.objects.create(
                authority=authority,
                first=first,
                second=second,
                same_child=kept is not None,
                kept=kept,
                decided_at=now,
                decided_by=actor.user,
            )
    except IntegrityError as error:
        raise ApplicationError(ALREADY_DECIDED) from error
    _tasks_done(children=sides.children, actor=actor, now=now)
    return decision


def _pair(*, authority: LocalAuthority, first_id, second_id):
    try:
        return duplicate_pair_read(
            authority=authority, first_id=first_id, second_id=second_id, lock=True
        )
    except DuplicatePairNotFound as error:
        raise ApplicationError(ALREADY_DECIDED) from error


@transaction.atomic
def children_not_the_same(
    *, authority: LocalAuthority, first_id: UUID | str, second_id: UUID | str, actor: Actor
) -> DuplicateDecision:
    """Record that two children who look alike are different children: the pair is never
    offered again."""
    sides = _pair(authority=authority, first_id=first_id, second_id=second_id)
    decision = _decision_record(authority=authority, sides=sides, actor=actor)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="possible_duplicate",
        object_id=str(decision.first_id),
        categories=["identity"],
        children=[decision.first_id, decision.second_id],
    )
    return decision


@transaction.atomic
def children_merge(
    *,
    authority: LocalAuthority,
    kept_id: UUID | str,
    first_id: UUID | str,
    second_id: UUID | str,
    version: str,
    actor: Actor,
) -> Child:
    """Two records found to be the same child become one: the kept child takes every
    notification, register entry (with its history), address, parent and carer, education
    arrangement, consent request and information request of the other, which is archived.

    A child can have one open case: where both had one, the other's is archived with the child
    it came from named, and kept with its history. `version` is the pair's version on the page
    the officer chose from (DuplicateSides.version); a change since refuses the merge.
    """
    sides = _pair(authority=authority, first_id=first_id, second_id=second_id)
    if version != sides.version:
        raise ApplicationError(STALE_PAIR)
    by_id = {str(child.pk): child for child in sides.children}
    kept = by_id.get(str(kept_id))
    if kept is None:
        raise ApplicationError({"decision": [KEPT_MISSING]})
    (other,) = (child for child in sides.children if child is not kept)
    reason = f"Same child as {kept.full_name} ({kept.pk}): merged into that record"
    open_entries = RegisterEntry.objects.live().filter(
        child__in=[kept, other], closed_on__isnull=True
    )
    if open_entries.filter(child=kept).exists():
        for entry in open_entries.filter(child=other):
            entry.archive(actor=actor, reason=reason)
    RegisterEntry.objects.filter(child=other).update(child=kept)
    # A notification is kept as it arrived; which record it is about is not part of what
    # arrived, and follows the child.
    Notification.objects.filter(child=other).update(child=kept)
    ChildAddress.objects.filter(child=other, kind=AddressKind.CURRENT).update(
        kind=AddressKind.ADDITIONAL
    )
    ChildAddress.objects.filter(child=other).update(child=kept)
    already_linked = ChildPerson.objects.filter(child=kept).values("person_id")
    ChildPerson.objects.filter(child=other).exclude(person_id__in=already_linked).update(
        child=kept
    )
    EducationArrangement.objects.filter(child=other).update(child=kept)
    ConsentRequest.objects.filter(child=other).update(child=kept)
    for through, owner in (
        (InformationRequest.children.through, "informationrequest_id"),
        (NotificationReview.children.through, "notificationreview_id"),
    ):
        held = through.objects.filter(child=kept).values(owner)
        through.objects.filter(child=other).exclude(**{f"{owner}__in": held}).update(child=kept)
    if not ChildSafeguarding.objects.filter(child=kept).exists():
        ChildSafeguarding.objects.filter(child=other).update(child=kept)
    other.archive(actor=actor, reason=reason)
    _decision_record(authority=authority, sides=sides, actor=actor, kept=kept)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="child",
        object_id=kept.pk,
        categories=["identity", "address", "family", "education"],
        children=[kept.pk, other.pk],
    )
    return kept
