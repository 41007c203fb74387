"""Reads of the register for an LA's staff: constant query counts, never another LA's rows."""

from django.db.models import QuerySet

from registers.models import LocalAuthority, RegisterEntry


def register_entry_list(*, authority: LocalAuthority) -> QuerySet[RegisterEntry]:
    """The LA's live register entries of live children, newest notification first, each with
    its child. Archived records are kept for the history, not listed."""
    return (
        RegisterEntry.objects.live()
        .filter(authority=authority, child__archived_at__isnull=True)
        .select_related("child")
        .order_by("-notified_on", "child__last_name", "id")
    )
