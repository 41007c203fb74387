"""What every register record has: when and by whom it was made, last changed and archived."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from registers.errors import ApplicationError

ARCHIVE_REASON_MISSING = "Enter why the record is being archived"


class LiveQuerySet(models.QuerySet):
    def live(self) -> "LiveQuerySet":
        """Only the records in use: archived ones are kept for the history, not shown."""
        return self.filter(archived_at__isnull=True)


class BaseModel(models.Model):
    """Records are archived, not deleted, until the retention job erases them on purpose."""

    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    modified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    archive_reason = models.TextField(blank=True)

    objects = LiveQuerySet.as_manager()

    class Meta:
        abstract = True

    def archive(self, *, actor, reason: str) -> None:
        """Take the record out of use, saying who did and why; it stays for the history.

        `actor` is a registers.actors.Actor. The caller records the audit event, inside the
        same transaction.
        """
        reason = reason.strip()
        if not reason:
            raise ApplicationError({"reason": [ARCHIVE_REASON_MISSING]})
        self.archived_at = timezone.now()
        self.archived_by = actor.user
        self.modified_by = actor.user
        self.archive_reason = reason
        self.save(
            update_fields=[
                "archived_at",
                "archived_by",
                "archive_reason",
                "modified_by",
                "modified_at",
            ]
        )
