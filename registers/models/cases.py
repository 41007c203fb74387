"""The register entry (the case), its history, and the raw notifications behind it."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce

from registers.models.audit import OutboxMessage
from registers.models.authorities import LocalAuthority
from registers.models.base import BaseModel
from registers.models.children import Child, Provider
from registers.rules.cases import UPDATE_REQUEST_STATUSES
from registers.rules.codes import (
    CaseStatus,
    ClosureReason,
    CmeReason,
    Door,
    EligibilityBasis,
    NotificationKind,
    NotificationSource,
    PreviousSchoolType,
    PrimaryReason,
    Regime,
)

# The day the interval to an entry's next update request runs from: its last request, else the
# day the child was entered on the register (rules.deadlines.update_request_window).
UPDATE_REQUEST_ANCHOR = Coalesce("update_requested_on", "registered_on", "notified_on")


class RegisterEntry(BaseModel):
    """A child's case on the register, from notification to closure."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="register_entries"
    )
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="entries")
    reference = models.CharField(max_length=12, unique=True)
    status = models.CharField(
        max_length=30, choices=CaseStatus.choices, default=CaseStatus.NOTIFIED
    )
    regime = models.CharField(max_length=20, choices=Regime.choices)
    source = models.CharField(max_length=30, choices=NotificationSource.choices)
    eligibility_basis = models.CharField(
        max_length=4, choices=EligibilityBasis.choices, blank=True
    )
    primary_reason = models.CharField(
        max_length=30, choices=PrimaryReason.choices, default=PrimaryReason.UNKNOWN
    )
    previous_school_name = models.CharField(max_length=200, blank=True)
    previous_school_urn = models.CharField("Previous school URN", max_length=8, blank=True)
    previous_school_type = models.CharField(
        max_length=10,
        choices=PreviousSchoolType.choices,
        default=PreviousSchoolType.ELSEWHERE_OR_UNKNOWN,
    )
    still_on_roll = models.BooleanField(default=False)
    notified_on = models.DateField()
    eligible_from = models.DateField(null=True, blank=True)
    registered_on = models.DateField(null=True, blank=True)
    # The day the parents were last sent an update request (s.436D), kept with the entry so
    # that the scheduled job finds the children due with one range of an index.
    update_requested_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # The officer whose caseload the entry is on: its open tasks are theirs unless a task names
    # someone else (registers.selectors.tasks).
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
    )
    closure_reason = models.CharField(max_length=30, choices=ClosureReason.choices, blank=True)
    # Counts the entry's changes of status, so that a move made from a page that was loaded
    # before someone else moved the entry is refused rather than applied on top.
    version = models.PositiveIntegerField(default=1)
    # When the case took its status: its last move's moment, kept with the status by the case
    # service. A case that has not moved since a census still holds the status it held then,
    # so the national return looks up the history only of those that have.
    status_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "register entries"
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                # An archived entry is out of use: a child merged with their duplicate keeps
                # the duplicate's open entry, archived, with its history.
                condition=models.Q(closed_on__isnull=True, archived_at__isnull=True),
                name="one_open_entry_per_child",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=CaseStatus.CLOSED, closed_on__isnull=False)
                    & ~models.Q(closure_reason="")
                )
                | (
                    ~models.Q(status=CaseStatus.CLOSED)
                    & models.Q(closed_on__isnull=True, closure_reason="")
                ),
                name="closed_entries_have_date_and_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["authority", "status"]),
            models.Index(
                fields=["authority", "assigned_officer"],
                condition=models.Q(closed_on__isnull=True),
                name="entry_open_caseload",
            ),
            # The scheduled job's range of children due an update request.
            models.Index(
                F("authority"),
                UPDATE_REQUEST_ANCHOR,
                condition=models.Q(status__in=UPDATE_REQUEST_STATUSES),
                name="entry_update_request_anchor",
            ),
            # The register's live entries in its order (registers.selectors.register), so that
            # every page of it, the last as the first, is read through this index; with the
            # child last, so that counting the register reads the index alone.
            models.Index(
                fields=["authority", "-notified_on", "-created_at", "-id", "child"],
                condition=models.Q(archived_at__isnull=True),
                name="register_entry_order",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class RegisterSize(models.Model):
    """How many live entries of live children each LA's register holds, kept by the database.

    On PostgreSQL triggers on the entries and the children (migration 0016) keep the count as
    rows change, in the same transaction, however a row is written; so the register page reads
    one row instead of counting an LA's whole register on every load. SQLite (the embedded
    demo) has no triggers here: its register is small and is counted directly.
    """

    authority = models.OneToOneField(
        LocalAuthority, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    entries = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.authority_id}: {self.entries}"


class CaseTransition(models.Model):
    """Every change of status: the history the national return is computed from."""

    entry = models.ForeignKey(RegisterEntry, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=30, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=CaseStatus.choices)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    door = models.CharField(max_length=12, choices=Door.choices, blank=True)
    reason = models.TextField()
    # Why the child is missing education, kept with the move that made the case missing
    # education, so that a past census reports the reason that held on its date.
    cme_reason = models.CharField(
        "Reason for missing education", max_length=40, choices=CmeReason.choices, blank=True
    )

    class Meta:
        ordering = ["occurred_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(to_status=CaseStatus.CME) & ~models.Q(cme_reason=""))
                | (~models.Q(to_status=CaseStatus.CME) & models.Q(cme_reason="")),
                name="cme_reason_with_moves_to_cme_only",
            ),
        ]
        indexes = [
            # The national return (registers.selectors.returns) reads what held on a day, each
            # case's last move up to then, by walking this index backwards, and a period's
            # moves of each case by a range of it.
            models.Index(fields=["entry", "occurred_at", "id"], name="casetransition_history"),
            # The moves that made a case missing education, for the return's count of children
            # missing education without reading every other move.
            models.Index(
                fields=["entry", "occurred_at"],
                condition=models.Q(to_status=CaseStatus.CME),
                name="casetransition_to_cme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} → {self.to_status}"


class Notification(models.Model):
    """A submission exactly as it arrived. Immutable: only its review may be recorded."""

    REVIEW_FIELDS = frozenset({"reviewed_at", "reviewed_by"})

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    source = models.CharField(max_length=30, choices=NotificationSource.choices)
    idempotency_key = models.CharField(max_length=64)
    reference = models.CharField(max_length=12)
    payload = models.JSONField()
    received_at = models.DateTimeField()
    child = models.ForeignKey(
        Child, null=True, blank=True, on_delete=models.PROTECT, related_name="notifications"
    )
    entry = models.ForeignKey(
        RegisterEntry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notifications",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "idempotency_key"], name="notification_idempotency_key_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["authority", "reviewed_at"]),
            # The review queue: what waits in an LA, oldest first, by this index alone.
            models.Index(
                fields=["authority", "received_at", "id"],
                condition=models.Q(reviewed_at__isnull=True),
                name="notification_to_review",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}"

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if not self._state.adding and (
            update_fields is None or not set(update_fields) <= self.REVIEW_FIELDS
        ):
            raise ValueError("A notification is kept as it arrived; only its review can be saved.")
        super().save(*args, **kwargs)


class InformationRequest(BaseModel):
    """An LA's request for information: a parent's update (s.436D) or a provider's (s.436E).

    The link sent out carries a secret; only its digest is stored, from when the email goes.
    """

    class Kind(models.TextChoices):
        PARENT_UPDATE = "parent_update", "Update request to a parent"
        PROVIDER = "provider", "Information request to a provider"

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="information_requests"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    entry = models.ForeignKey(
        RegisterEntry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    provider = models.ForeignKey(
        Provider,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    children = models.ManyToManyField(Child, blank=True, related_name="information_requests")
    sent_at = models.DateTimeField()
    respond_by = models.DateField()
    expires_at = models.DateTimeField()
    # The digest of the link's secret, made when the email is delivered (the secret goes only
    # into the email); None until then. None rather than "", which would not be unique.
    token_digest = models.CharField(max_length=64, unique=True, null=True, blank=True)  # noqa: DJ001
    # The email that carries the link, in the outbox: whether it went, and when.
    email = models.OneToOneField(
        OutboxMessage,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="information_request",
    )
    used_at = models.DateTimeField(null=True, blank=True)
    response = models.OneToOneField(
        Notification, null=True, blank=True, on_delete=models.PROTECT, related_name="request"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="parent_update", entry__isnull=False)
                | models.Q(kind="provider", provider__isnull=False),
                name="information_request_has_recipient",
            ),
        ]
