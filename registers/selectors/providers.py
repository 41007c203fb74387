"""Reads about out-of-school education providers (s.436E), scoped to the LA.

Staff reads take the LA (or the acting officer, whose LA it is) and answer another LA's
provider as not found; archived records are left out. The public reads take the secret from a
provider's link, which names the LA by itself.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import (
    AuditEvent,
    Child,
    EducationArrangement,
    InformationRequest,
    LocalAuthority,
    Provider,
)
from registers.rules.deadlines import days_beginning_with
from registers.selectors.links import information_request_for_link, link_digest, link_read_record


class ProviderNotFound(Http404):
    """Another LA's provider answers exactly as a provider that does not exist."""


def provider_get(*, authority: LocalAuthority, provider_id: int) -> Provider:
    """One live provider of this LA, with its address and LA."""
    provider = (
        Provider.objects.live()
        .select_related("address", "authority")
        .filter(authority=authority, pk=provider_id)
        .first()
    )
    if provider is None:
        raise ProviderNotFound("No such provider on this register")
    return provider


def _current_arrangements(*, provider: Provider, today: date) -> QuerySet[EducationArrangement]:
    return EducationArrangement.objects.live().filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=today),
        Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        provider=provider,
    )


def provider_children(*, provider: Provider, today: date) -> QuerySet[Child]:
    """The LA's children who attend the provider now (the children a request would name).

    Each child carries `provider_arrangements`, its current arrangements at this provider, so
    a page shows the hours in two queries whatever the number of children.
    """
    current = _current_arrangements(provider=provider, today=today)
    return (
        Child.objects.live()
        .filter(
            Exists(current.filter(child=OuterRef("pk"))),
            authority_id=provider.authority_id,
        )
        .prefetch_related(
            Prefetch(
                "arrangements", queryset=current.order_by("id"), to_attr="provider_arrangements"
            )
        )
        .order_by("last_name", "first_name", "id")
    )


def provider_request_list(*, provider: Provider) -> QuerySet[InformationRequest]:
    """The provider's live information requests, newest first, each with how many children it
    named and its email (whether it went)."""
    return (
        InformationRequest.objects.live()
        .select_related("email")
        .filter(
            authority_id=provider.authority_id,
            kind=InformationRequest.Kind.PROVIDER,
            provider=provider,
        )
        .annotate(children_named=Count("children"))
        .order_by("-sent_at", "-id")
    )


def provider_request_children_named(*, information_request: InformationRequest) -> int:
    """How many children a provider request named (what the officer is told once it is sent)."""
    return information_request.children.count()


@dataclass(frozen=True)
class ProviderPage:
    """What the provider page shows: the provider, the children who attend it now (each with
    `provider_arrangements`), its requests, and the day a request sent today must be answered
    by."""

    provider: Provider
    children: list[Child]
    information_requests: list[InformationRequest]
    respond_by_if_sent: date


def provider_page_get(*, actor: Actor, provider_id: int, today: date) -> ProviderPage:
    """The provider page of one provider of the acting officer's LA, audited as one view.

    The children's names and hours are read with the audit row that records the view, in one
    transaction. Another LA's provider raises ProviderNotFound.
    """
    provider = provider_get(authority=actor.user.authority, provider_id=provider_id)
    with transaction.atomic():
        children = list(provider_children(provider=provider, today=today))
        audit_record(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="provider",
            object_id=str(provider.pk),
            categories=["identity", "education"],
        )
    return ProviderPage(
        provider=provider,
        children=children,
        information_requests=list(provider_request_list(provider=provider)),
        respond_by_if_sent=days_beginning_with(
            today, provider.authority.provider_response_period_days
        ),
    )


@dataclass(frozen=True)
class ProviderRequestForLink:
    """What a provider's link opens: the request, the provider as held, the children named."""

    information_request: InformationRequest
    provider: Provider
    children: list[Child]


def provider_request_for_link(*, token: str, actor: Actor) -> ProviderRequestForLink:
    """The open provider request behind a link, with the audit row of the page's read of the
    children it names; raises LinkNotUsable (recording nothing) if it cannot be used."""
    with transaction.atomic():
        information_request = information_request_for_link(
            token=token, kind=InformationRequest.Kind.PROVIDER
        )
        children = list(information_request.children.order_by("last_name", "first_name", "id"))
        link_read_record(
            actor=actor,
            information_request=information_request,
            children=[child.pk for child in children],
            categories=["identity", "education"],
        )
    provider = Provider.objects.select_related("address").get(pk=information_request.provider_id)
    return ProviderRequestForLink(
        information_request=information_request, provider=provider, children=children
    )


def provider_request_authority(*, token: str) -> LocalAuthority | None:
    """The LA that sent a provider link, used or not, so a refusal can say whom to contact."""
    found = (
        InformationRequest.objects.select_related("authority")
        .filter(token_digest=link_digest(token), kind=InformationRequest.Kind.PROVIDER)
        .first()
    )
    return found.authority if found is not None else None
