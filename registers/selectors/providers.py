"""Reads about out-of-school education providers (s.436E), scoped to the LA.

Staff reads take the LA (or the acting officer, whose LA it is) and answer another LA's
provider as not found; archived records are left out. The public reads take the secret from a
provider's link, which names the LA by itself.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
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
from registers.selectors.paging import Page, PageAt, keyset_page


class ProviderNotFound(Http404):
    """Another LA's provider answers exactly as a provider that does not exist."""


def provider_get(
    *, authority: LocalAuthority, provider_id: int, children_attending_on: date | None = None
) -> Provider:
    """One live provider of this LA, with its address and LA.

    Given a day, the provider also carries `children_attending`: how many of the LA's children
    attend it that day, counted in the same statement.
    """
    providers = Provider.objects.live()
    if children_attending_on is not None:
        attending = _attending(
            provider=OuterRef(OuterRef("pk")),
            authority_id=OuterRef("authority_id"),
            today=children_attending_on,
        )
        providers = providers.annotate(
            children_attending=Subquery(
                attending.annotate(
                    attending=Func(F("pk"), function="COUNT", output_field=IntegerField())
                ).values("attending")
            )
        )
    provider = (
        providers.select_related("address", "authority")
        .filter(authority=authority, pk=provider_id)
        .first()
    )
    if provider is None:
        raise ProviderNotFound("No such provider on this register")
    return provider


def _current_arrangements(
    *, provider: Provider | OuterRef, today: date
) -> QuerySet[EducationArrangement]:
    return EducationArrangement.objects.live().filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=today),
        Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        provider=provider,
    )


def _attending(
    *, provider: Provider | OuterRef, authority_id: int | OuterRef, today: date
) -> QuerySet[Child]:
    current = _current_arrangements(provider=provider, today=today)
    return Child.objects.live().filter(
        Exists(current.filter(child=OuterRef("pk"))), authority_id=authority_id
    )


def provider_children(*, provider: Provider, today: date) -> QuerySet[Child]:
    """The LA's children who attend the provider now (the children a request would name).

    Each child carries `provider_arrangements`, its current arrangements at this provider, so
    a page shows the hours in two queries whatever the number of children.
    """
    return (
        _attending(provider=provider, authority_id=provider.authority_id, today=today)
        .prefetch_related(
            Prefetch(
                "arrangements",
                queryset=_current_arrangements(provider=provider, today=today).order_by("id"),
                to_attr="provider_arrangements",
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


# The order of a provider's children, by name: columns of the child alone, so that a page is read
# after (or before) a child rather than by counting past the children before it.
PROVIDER_CHILDREN_ORDER = ("last_name", "first_name", "id")


@dataclass(frozen=True)
class ProviderPage:
    """What the provider page shows: the provider, a page of the children who attend it now
    (each with `provider_arrangements`), its requests, and the day a request sent today must be
    answered by."""

    provider: Provider
    children: Page[Child]
    information_requests: list[InformationRequest]
    respond_by_if_sent: date


def provider_page_get(
    *, actor: Actor, provider_id: int, today: date, at: PageAt, size: int
) -> ProviderPage:
    """The provider page of one provider of the acting officer's LA, audited as one view.

    A page of the children's names and hours is read with the audit row that records the view,
    naming those children, in one transaction; the same statements whatever the page and the
    number of children. Another LA's provider raises ProviderNotFound.
    """
    provider = provider_get(
        authority=actor.user.authority, provider_id=provider_id, children_attending_on=today
    )
    with transaction.atomic():
        children = keyset_page(
            provider_children(provider=provider, today=today),
            key=PROVIDER_CHILDREN_ORDER,
            descending=False,
            at=at,
            size=size,
            count=provider.children_attending,
        )
        audit_record(
            actor=actor,
            action=AuditEvent.Action.VIEW,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="provider",
            object_id=str(provider.pk),
            categories=["identity", "education"],
            children=[child.pk for child in children.rows],
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
