"""A child's timeline: everything that has happened on their record, newest first, in one list.

Each kind of event is read by one source, a function given the child's page (the child and their
entries) that returns its events in one statement. A new kind of event (a visit, a letter, a
decision, a field changed) is a new source listed in TIMELINE_SOURCES, with the audit category
of the data it shows; the page's query count grows by one per source, never with the number of
events.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from django.db.models import CharField, DateField, F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from registers.actors import Actor
from registers.models import (
    AttendanceOrderStep,
    AuditEvent,
    CaseTransition,
    ConsentRequest,
    Contact,
    DuplicateDecision,
    InformationRequest,
    Letter,
    Notification,
    NotificationReview,
    RecordChange,
    StaffRole,
    SuitabilityDecision,
    Visit,
)
from registers.rules.attendance_orders import stage_label, step_date_label
from registers.rules.cases import status_label
from registers.rules.deadlines import long_date
from registers.selectors.children import SAFEGUARDING_CATEGORY, ChildPage, child_page_read


@dataclass(frozen=True)
class TimelineItem:
    occurred_at: datetime
    title: str
    # Who did it, where someone did: a member of staff's name, "the parent", "the provider".
    byline: str = ""
    description: str = ""


def everyone(user) -> bool:
    return True


@dataclass(frozen=True)
class TimelineSource:
    read: Callable[[ChildPage], Iterable[TimelineItem]]
    # The kind of data its events show, as the audit trail names it.
    category: str
    # Whether a member of staff may see its events at all; a source they may not see is not
    # read, so its values never reach their page.
    allowed: Callable[[object], bool] = everyone
    # Other kinds of data its events may show.
    also: tuple[str, ...] = ()


def _staff_name(user) -> str:
    return str(user) if user is not None else ""


def notifications_received(page: ChildPage) -> Iterable[TimelineItem]:
    for notification in Notification.objects.filter(child=page.child):
        yield TimelineItem(
            occurred_at=notification.received_at,
            title=f"{notification.get_kind_display()} received",
            byline=notification.get_source_display().lower(),
            description=f"Reference {notification.reference}",
        )


def reviews(page: ChildPage) -> Iterable[TimelineItem]:
    """What an officer decided about each item that arrived about the child (a provider's
    answer names several children: it is on each one's timeline)."""
    for review in NotificationReview.objects.filter(children=page.child).select_related(
        "notification", "reviewed_by"
    ):
        outcome = review.get_outcome_display().lower()
        # Only what was applied to this child: a provider's answer names other children too.
        applied = [
            field["field"]
            for field in review.applied
            if field["child"] in ("", str(page.child.pk))
        ]
        if applied:
            description = "Applied: " + ", ".join(applied)
        elif review.applied:
            description = "Nothing applied to this child's record"
        else:
            description = review.reason
        yield TimelineItem(
            occurred_at=review.reviewed_at,
            title=f"{review.notification.get_kind_display()} {outcome}",
            byline=_staff_name(review.reviewed_by),
            description=description,
        )


def duplicates_decided(page: ChildPage) -> Iterable[TimelineItem]:
    """Children found, on review, to be this child (merged into the record) or not."""
    for decision in DuplicateDecision.objects.filter(
        Q(first=page.child) | Q(second=page.child)
    ).select_related("first", "second", "decided_by"):
        other = decision.second if decision.first_id == page.child.pk else decision.first
        if decision.same_child:
            title = "Duplicate record merged into this one"
            if decision.kept_id != page.child.pk:
                title = "Merged into another record"
        else:
            title = "Possible duplicate: not the same child"
        yield TimelineItem(
            occurred_at=decision.decided_at,
            title=title,
            byline=_staff_name(decision.decided_by),
            description=f"{other.full_name}, born {other.date_of_birth:%-d %B %Y}",
        )


def status_changes(page: ChildPage) -> Iterable[TimelineItem]:
    for transition in CaseTransition.objects.filter(
        entry__in=[entry.pk for entry in page.entries]
    ).select_related("actor", "entry"):
        yield TimelineItem(
            occurred_at=transition.occurred_at,
            title="Status: "
            + status_label(regime=transition.entry.regime, status=transition.to_status),
            byline=_staff_name(transition.actor),
            description=transition.reason,
        )


def attendance_order_steps(page: ChildPage) -> Iterable[TimelineItem]:
    for step in (
        AttendanceOrderStep.objects.live()
        .filter(entry__in=[entry.pk for entry in page.entries])
        .select_related("created_by")
    ):
        details = [
            f"{step_date_label(regime=step.regime, stage=step.stage)}: {long_date(step.served_on)}"
        ]
        if step.respond_by:
            details.append(f"the parent's period ends on {long_date(step.respond_by)}")
        if step.named_school:
            details.append(f"school named: {step.named_school}")
        if step.outcome:
            details.append(f"outcome: {step.get_outcome_display().lower()}")
        yield TimelineItem(
            occurred_at=step.created_at,
            title=stage_label(regime=step.regime, stage=step.stage),
            byline=_staff_name(step.created_by),
            description="; ".join(details),
        )


def information_requests(page: ChildPage) -> Iterable[TimelineItem]:
    for request in (
        InformationRequest.objects.live()
        .filter(
            Q(entry__in=[entry.pk for entry in page.entries]) | Q(children=page.child),
            authority=page.child.authority_id,
        )
        .select_related("provider", "created_by")
        .distinct()
    ):
        sent_to = request.provider.name if request.provider else "the parent"
        yield TimelineItem(
            occurred_at=request.sent_at,
            title=f"{request.get_kind_display()} sent to {sent_to}",
            byline=_staff_name(request.created_by),
            description=f"Answer asked for by {request.respond_by:%-d %B %Y}",
        )
        if request.used_at:
            yield TimelineItem(
                occurred_at=request.used_at,
                title=f"{request.get_kind_display()} answered",
                byline=sent_to,
            )


def letters_made(page: ChildPage) -> Iterable[TimelineItem]:
    """The letters made for the child, without their PDFs. A letter that carries safeguarding
    information is listed by its kind alone: its title is shown only on the Letters tab, to
    staff cleared for it."""
    for letter in (
        Letter.objects.live().filter(child=page.child).select_related("made_by").defer("pdf")
    ):
        yield TimelineItem(
            occurred_at=letter.made_at,
            title=f"Letter made: {letter.get_kind_display()}",
            byline=_staff_name(letter.made_by),
            description=(
                ""
                if letter.shows_safeguarding
                else letter.title
                + (f". Emailed to {letter.emailed_to}" if letter.emailed_to else "")
            ),
        )


def consent_requests(page: ChildPage) -> Iterable[TimelineItem]:
    """Consent requests (s.434A) and their decisions, without the condition (which may be
    safeguarding information): the Consent tab shows it to staff cleared for it."""
    for request in (
        ConsentRequest.objects.live()
        .filter(child=page.child)
        .select_related("created_by", "decided_by")
    ):
        yield TimelineItem(
            occurred_at=request.created_at,
            title="Consent request recorded",
            byline=_staff_name(request.created_by),
            description=(
                f"The parent asked on {request.requested_on:%-d %B %Y} for consent to withdraw "
                f"the child from {request.school_name}"
            ),
        )
        if request.decided_on:
            yield TimelineItem(
                occurred_at=request.modified_at,
                title=f"Consent {request.get_status_display().lower()}",
                byline=_staff_name(request.decided_by),
                description=f"Decided on {request.decided_on:%-d %B %Y}. {request.reasons}",
            )


def _change_item(change: RecordChange) -> TimelineItem:
    was = change.old_value or "not recorded"
    now = change.new_value or "not recorded"
    description = f"Was: {was}. Now: {now}."
    if change.source:
        description += f" Information from: {change.source}."
    return TimelineItem(
        occurred_at=change.changed_at,
        title=f"Changed: {change.field}",
        byline=_staff_name(change.changed_by),
        description=description,
    )


def record_changes(page: ChildPage) -> Iterable[TimelineItem]:
    """Every field of the record an officer changed, but safeguarding ones."""
    for change in (
        RecordChange.objects.filter(child=page.child)
        .exclude(category=SAFEGUARDING_CATEGORY)
        .select_related("changed_by")
    ):
        yield _change_item(change)


def safeguarding_changes(page: ChildPage) -> Iterable[TimelineItem]:
    for change in RecordChange.objects.filter(
        child=page.child, category=SAFEGUARDING_CATEGORY
    ).select_related("changed_by"):
        yield _change_item(change)


def cleared_for_safeguarding(user) -> bool:
    return bool(user.can_view_safeguarding)


def managers(user) -> bool:
    return user.role == StaffRole.MANAGER


# Contacts, visits and suitability decisions are read in one statement (UNION ALL), each kind
# put into the same columns: what it is, its day, when it was recorded, two codes, its text,
# who visits, whether at home, the day a visit was offered, and the officer's name.


def _officer_name(user: str) -> Coalesce:
    return Coalesce(
        NullIf(F(f"{user}__full_name"), Value("")), F(f"{user}__email"), output_field=CharField()
    )


def _work_rows(page: ChildPage):
    entries = [entry.pk for entry in page.entries]
    no_day = Value(None, output_field=DateField())
    contacts = (
        Contact.objects.live()
        .filter(entry__in=entries)
        .annotate(
            record=Value("contact"),
            day=F("occurred_on"),
            moment=F("created_at"),
            code=F("kind"),
            detail=F("direction"),
            text=F("summary"),
            who=Value(""),
            home=Value(True),
            on=no_day,
            by=_officer_name("created_by"),
        )
    )
    visits = (
        Visit.objects.live()
        .filter(entry__in=entries)
        .annotate(
            record=Value("visit"),
            day=Coalesce(F("visit_on"), F("offered_on")),
            moment=F("modified_at"),
            code=F("status"),
            detail=Value(""),
            text=F("notes"),
            who=F("visited_by"),
            home=F("at_home"),
            on=F("offered_on"),
            by=_officer_name("modified_by"),
        )
    )
    decisions = (
        SuitabilityDecision.objects.live()
        .filter(entry__in=entries)
        .annotate(
            record=Value("decision"),
            day=F("decided_on"),
            moment=F("created_at"),
            code=F("outcome"),
            detail=Value(""),
            text=F("evidence"),
            who=Value(""),
            home=Value(True),
            on=no_day,
            by=_officer_name("created_by"),
        )
    )
    columns = ("record", "day", "moment", "code", "detail", "text", "who", "home", "on", "by")
    return (
        contacts.order_by()
        .values_list(*columns)
        .union(
            visits.order_by().values_list(*columns),
            decisions.order_by().values_list(*columns),
            all=True,
        )
    )


def _placed_at(day: date, moment: datetime) -> datetime:
    """Something that happened on a day sits on the timeline at the moment it was recorded if
    that was the same day, otherwise at the start of its day."""
    if timezone.localtime(moment).date() == day:
        return moment
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def work_on_the_case(page: ChildPage) -> Iterable[TimelineItem]:
    """Contacts with the family, visits, and suitability decisions."""
    for record, day, moment, code, detail, text, who, home, offered, by in _work_rows(page):
        if record == "contact":
            direction = Contact.Direction(detail).label.lower()
            title = f"{Contact.Kind(code).label} ({direction})"
        elif record == "visit":
            where = "at home" if home else "away from home"
            title = f"Visit {where}: {Visit.Status(code).label.lower()}"
            parts = [f"Offered on {long_date(offered)}"]
            if who:
                parts.append(f"who visits: {who}")
            text = "; ".join([*parts, text] if text else parts)
        else:
            title = f"Suitability decision: {SuitabilityDecision.Outcome(code).label.lower()}"
        yield TimelineItem(
            occurred_at=_placed_at(day, moment), title=title, byline=by or "", description=text
        )


# The newest reads of the record a manager is shown: enough to answer "who has looked at this
# child lately".
RECORD_VIEWS_SHOWN = 50


def record_views(page: ChildPage) -> Iterable[TimelineItem]:
    """Who viewed the child's record (the audit trail's allowed reads of it), for managers.

    Read by the record the rows name (the trail's index of object type and id), so that a list
    page naming the child among others is not taken for a view of their record.
    """
    for event in (
        AuditEvent.objects.filter(
            object_type="child",
            object_id=str(page.child.pk),
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.ALLOWED,
        )
        .select_related("actor")
        .order_by("-occurred_at", "-id")[:RECORD_VIEWS_SHOWN]
    ):
        yield TimelineItem(
            occurred_at=event.occurred_at,
            title="Record viewed",
            byline=_staff_name(event.actor) or event.get_door_display().lower(),
            description=f"Seen: {', '.join(event.categories).replace('_', ' ')}",
        )


TIMELINE_SOURCES = (
    TimelineSource(notifications_received, category="education"),
    TimelineSource(status_changes, category="education"),
    TimelineSource(attendance_order_steps, category="education"),
    TimelineSource(information_requests, category="education"),
    TimelineSource(reviews, category="education"),
    TimelineSource(duplicates_decided, category="identity"),
    TimelineSource(letters_made, category="education"),
    TimelineSource(consent_requests, category="education"),
    TimelineSource(
        record_changes,
        category="identity",
        also=("address", "family", "education", "special_educational_needs"),
    ),
    TimelineSource(
        safeguarding_changes, category=SAFEGUARDING_CATEGORY, allowed=cleared_for_safeguarding
    ),
    TimelineSource(work_on_the_case, category="education"),
    TimelineSource(record_views, category="access", allowed=managers),
)


@dataclass(frozen=True)
class ChildTimeline:
    page: ChildPage
    items: list[TimelineItem]


def child_timeline_get(*, actor: Actor, child_id: UUID | str) -> ChildTimeline:
    """The child's timeline, newest first, and one audit row naming the child."""

    sources = [source for source in TIMELINE_SOURCES if source.allowed(actor.user)]

    def read(page: ChildPage) -> list[TimelineItem]:
        items = [item for source in sources for item in source.read(page)]
        return sorted(items, key=lambda item: item.occurred_at, reverse=True)

    page, items = child_page_read(
        actor=actor,
        child_id=child_id,
        categories={
            category for source in sources for category in (source.category, *source.also)
        },
        read=read,
    )
    return ChildTimeline(page=page, items=items)
