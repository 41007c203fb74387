"""Providers a notification names that the LA already knows, so they are not made twice."""

from collections.abc import Sequence

from django.db.models.functions import Lower

from registers.intake.notification import ProviderDetails
from registers.models import LocalAuthority, Provider


def _key(*, name: str, postcode: str, website: str, email: str) -> tuple[str, str]:
    # Where the child is taught says which provider it is: the postcode of its address, or
    # for one online its website (or email).
    return name.strip().lower(), (postcode or website or email).lower()


def providers_known(
    *, authority: LocalAuthority, providers: Sequence[ProviderDetails]
) -> list[Provider | None]:
    """For each provider named, the LA's own record of it, or None for one it does not know.

    Known means the same name (ignoring case) taught at the same postcode, or online at the
    same website or email; anything less is a new provider for an officer to look at. One
    query, however many providers are named.
    """
    names = {provider.name.strip().lower() for provider in providers}
    if not names:
        return []
    held = {}
    for known in (
        Provider.objects.live()
        .annotate(folded_name=Lower("name"))
        .filter(authority=authority, folded_name__in=names)
        .select_related("address")
        .order_by("created_at", "id")
    ):
        key = _key(
            name=known.name,
            postcode=known.address.postcode if known.address else "",
            website=known.website,
            email=known.email,
        )
        held.setdefault(key, known)
    return [
        held.get(
            _key(
                name=provider.name,
                postcode=provider.address.postcode if provider.address else "",
                website=provider.website,
                email=provider.email,
            )
        )
        for provider in providers
    ]
