"""What an officer decided about what arrived: a notification reviewed (applied to the register
field by field, or not, and why), and two children who looked alike found the same or not."""

from django.conf import settings
from django.db import models

from registers.models.authorities import LocalAuthority
from registers.models.cases import Notification
from registers.models.children import Child


class NotificationReview(models.Model):
    """The one review of a notification: what was applied, or why nothing was."""

    class Outcome(models.TextChoices):
        APPLIED = "applied", "Applied"
        NOTED = "noted", "Reviewed"
        NOT_APPLIED = "not_applied", "Not applied"

    authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="+")
    notification = models.OneToOneField(
        Notification, on_delete=models.PROTECT, related_name="review"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    # The fields applied, in the order the page showed them: {"field": what the child's record
    # calls it, "child": the one child it belongs to, or "" for the item's every child}.
    applied = models.JSONField(default=list)
    reason = models.TextField(blank=True)
    reviewed_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The children whose record the notification was about, for their timelines.
    children = models.ManyToManyField(Child, related_name="notification_reviews")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.notification}"


class DuplicateDecision(models.Model):
    """Whether two of an LA's children who looked alike are the same child.

    One row a pair, `first` the child whose id sorts first, so that a pair found "not the same"
    is never offered again; a pair found the same was merged into `kept`.
    """

    authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="+")
    first = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    second = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    same_child = models.BooleanField()
    kept = models.ForeignKey(
        Child, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="duplicate_decision_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")),
                name="duplicate_decision_pair_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(same_child=True, kept__isnull=False)
                | models.Q(same_child=False, kept__isnull=True),
                name="duplicate_decision_kept_when_same",
            ),
        ]
        indexes = [models.Index(fields=["second"], name="duplicate_decision_second")]

    def __str__(self) -> str:
        return f"{self.first_id} {'=' if self.same_child else '≠'} {self.second_id}"
