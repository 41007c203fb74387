"""The audit trail and the outbox.

Audit rows are written in the same transaction as the read or change they record and are never
changed afterwards (on PostgreSQL a trigger refuses UPDATE and DELETE). They keep plain ids
rather than constrained foreign keys, so that erasing a child or a user never touches them.
"""

from django.conf import settings
from django.db import models

from registers.models.authorities import LocalAuthority
from registers.rules.codes import Door


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        EXPORT = "export", "Exported"
        ERASE = "erase", "Erased"
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGN_OUT = "sign_out", "Signed out"

    class Outcome(models.TextChoices):
        ALLOWED = "allowed", "Allowed"
        DENIED = "denied", "Denied"
        FAILED = "failed", "Failed"

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    authority = models.ForeignKey(
        LocalAuthority,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # An LA system's API token, where the API was the door: who acted, as `actor` is for staff.
    api_token = models.ForeignKey(
        "registers.ApiToken",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    door = models.CharField(max_length=12, choices=Door.choices, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    # The children whose data was read or changed: one id for a record, every child named on
    # a list page, none where no child's data was involved (a sign-in).
    children = models.JSONField(default=list, blank=True)
    # Which kinds of data were shown (identity, education, safeguarding...), never the values.
    categories = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    request_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_type} {self.object_id} ({self.outcome})"


class OutboxMessage(models.Model):
    """A side effect (email, letter, return) committed with the data, published afterwards.

    Once published, its payload (an email's address and body) is cleared: what stays is what
    an operator needs, the topic, when, the attempts and the last error.
    """

    class Delivery(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        NOT_DELIVERED = "not_delivered", "Not delivered"

    topic = models.CharField(max_length=50)
    payload = models.JSONField()
    dedupe_key = models.CharField(max_length=100, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(published_at__isnull=True),
                name="outbox_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.dedupe_key}"

    @property
    def given_up(self) -> bool:
        """Failed CNIS_OUTBOX_MAX_ATTEMPTS times: the sweep tries it no more."""
        return self.published_at is None and self.attempts >= settings.CNIS_OUTBOX_MAX_ATTEMPTS

    @property
    def delivery(self) -> "OutboxMessage.Delivery":
        """Sent; not delivered once an attempt has failed (whether or not the sweep will try
        again); else pending."""
        if self.published_at is not None:
            return self.Delivery.SENT
        if self.last_error or self.given_up:
            return self.Delivery.NOT_DELIVERED
        return self.Delivery.PENDING
