"""A child's timeline: everything that has happened on their record, newest first, in one list.

Each kind of event is read by one source, a function given the child's page (the child and their
entries) that returns its events in one statement. A new kind of event (a visit, a letter, a
decision, a field changed) is a new source listed in TIMELINE_SOURCES, with the audit category
of the data it shows; the page's query count grows by one per source, never with the number of
events.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db.models import Q

from registers.actors import Actor
from registers.models import (
    CaseTransition,
    ConsentRequest,
    InformationRequest,
    Letter,
    Notification,
)
from registers.selectors.children import ChildPage, child_page_read


@dataclass(frozen=True)
class TimelineItem:
    occurred_at: datetime
    title: str
    # Who did it, where someone did: a member of staff's name, "the parent", "the provider".
    byline: str = ""
    description: str = ""


@dataclass(frozen=True)
class TimelineSource:
    read: Callable[[ChildPage], Iterable[TimelineItem]]
    # The kind of data its events show, as the audit trail names it.
    category: str


def _staff_name(user) -> str:
    return str(user) if user is not None else ""


def notifications_received(page: ChildPage) -> Iterable[TimelineItem]:
    for notification in Notification.objects.filter(child=page.child).select_related(
        "reviewed_by"
    ):
        yield TimelineItem(
            occurred_at=notification.received_at,
            title=f"{notification.get_kind_display()} received",
            byline=notification.get_source_display().lower(),
            description=f"Reference {notification.reference}",
        )
        if notification.reviewed_at:
            yield TimelineItem(
                occurred_at=notification.reviewed_at,
                title=f"{notification.get_kind_display()} reviewed",
                byline=_staff_name(notification.reviewed_by),
            )


def status_changes(page: ChildPage) -> Iterable[TimelineItem]:
    for transition in CaseTransition.objects.filter(
        entry__in=[entry.pk for entry in page.entries]
    ).select_related("actor", "entry"):
        yield TimelineItem(
            occurred_at=transition.occurred_at,
            title=f"Status: {transition.get_to_status_display()}",
            byline=_staff_name(transition.actor),
            description=transition.reason,
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


TIMELINE_SOURCES = (
    TimelineSource(notifications_received, category="education"),
    TimelineSource(status_changes, category="education"),
    TimelineSource(information_requests, category="education"),
    TimelineSource(letters_made, category="education"),
    TimelineSource(consent_requests, category="education"),
)


@dataclass(frozen=True)
class ChildTimeline:
    page: ChildPage
    items: list[TimelineItem]


def child_timeline_get(*, actor: Actor, child_id: UUID | str) -> ChildTimeline:
    """The child's timeline, newest first, and one audit row naming the child."""

    def read(page: ChildPage) -> list[TimelineItem]:
        items = [item for source in TIMELINE_SOURCES for item in source.read(page)]
        return sorted(items, key=lambda item: item.occurred_at, reverse=True)

    page, items = child_page_read(
        actor=actor,
        child_id=child_id,
        categories={source.category for source in TIMELINE_SOURCES},
        read=read,
    )
    return ChildTimeline(page=page, items=items)
