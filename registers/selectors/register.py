"""Reads of the register for an LA's staff: constant query counts, never another LA's rows."""

from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from registers.models import (
    Child,
    ChildAddress,
    ChildPerson,
    EducationArrangement,
    InformationRequest,
    LocalAuthority,
    Notification,
    RegisterEntry,
)


class ChildNotFound(Http404):
    """Another LA's child answers exactly as a child that does not exist."""


def register_entry_list(*, authority: LocalAuthority) -> QuerySet[RegisterEntry]:
    """The LA's register entries, newest notification first, each with its child."""
    return (
        RegisterEntry.objects.filter(authority=authority)
        .select_related("child")
        .order_by("-notified_on", "child__last_name", "id")
    )


def child_get(*, authority: LocalAuthority, child_id: UUID | str) -> Child:
    """One child of this LA with everything the record page shows, in a fixed number of queries."""
    queryset = Child.objects.filter(authority=authority).prefetch_related(
        Prefetch(
            "addresses",
            queryset=ChildAddress.objects.select_related("address").order_by(
                "kind", "-lived_from"
            ),
        ),
        Prefetch(
            "relationships",
            queryset=ChildPerson.objects.select_related("person__address").order_by("id"),
        ),
        Prefetch(
            "arrangements",
            queryset=EducationArrangement.objects.select_related(
                "educator", "provider__address"
            ).order_by("id"),
        ),
        Prefetch(
            "entries",
            queryset=RegisterEntry.objects.order_by("-notified_on").prefetch_related(
                Prefetch(
                    "information_requests",
                    queryset=InformationRequest.objects.order_by("-sent_at"),
                )
            ),
        ),
        Prefetch("notifications", queryset=Notification.objects.order_by("-received_at")),
        Prefetch(
            "information_requests",
            queryset=InformationRequest.objects.filter(kind=InformationRequest.Kind.PROVIDER)
            .select_related("provider")
            .order_by("-sent_at"),
        ),
    )
    try:
        return queryset.get(pk=child_id)
    except (Child.DoesNotExist, ValueError) as error:
        raise ChildNotFound("No such child on this register") from error
