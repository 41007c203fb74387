"""An officer's work on a case: tasks with due dates, contacts, visits, consent, orders."""

from django.conf import settings
from django.db import models

from registers.models.authorities import LocalAuthority
from registers.models.base import BaseModel
from registers.models.cases import (
    CaseTransition,
    InformationRequest,
    Notification,
    RegisterEntry,
)
from registers.models.children import Child
from registers.rules.codes import (
    AttendanceOrderStage,
    AttendanceOrderTrigger,
    ProsecutionOutcome,
    Regime,
)


class Task(BaseModel):
    class Kind(models.TextChoices):
        CONSIDER_LIVING_SITUATION = "consider_living_situation", "Consider where the child lives"
        CHECK_ELIGIBILITY = "check_eligibility", "Check eligibility"
        CHASE_REGISTRATION = "chase_registration", "Chase missing registration information"
        SEND_UPDATE_REQUEST = "send_update_request", "Send an update request"
        REVIEW_NOTIFICATION = "review_notification", "Review a notification"
        POSSIBLE_DUPLICATE = "possible_duplicate", "Check a possible duplicate"
        PROVIDER_RESPONSE_OVERDUE = "provider_response_overdue", "Provider response overdue"
        SUPPORT_REQUEST = "support_request", "Respond to a request for support"
        CONSENT_DECISION = "consent_decision", "Decide a consent request"
        NOTICE_PERIOD_ENDS = "notice_period_ends", "Notice period ends"
        UPDATE_REQUEST_OVERDUE = "update_request_overdue", "Update request not answered"

    class Status(models.TextChoices):
        OPEN = "open", "To do"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="tasks")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    entry = models.ForeignKey(
        RegisterEntry, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    notification = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks"
    )
    information_request = models.ForeignKey(
        InformationRequest,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
    )
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    details = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # The day the daily job found the task past its due date (registers.services.deadlines).
    overdue_since = models.DateField(null=True, blank=True)
    # The notice whose period the task watches (NOTICE_PERIOD_ENDS).
    attendance_order_step = models.ForeignKey(
        "AttendanceOrderStep",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tasks",
    )

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["authority", "status", "due_on"]),
            # An officer's open tasks in due order (My tasks, the digest).
            models.Index(
                fields=["assigned_to", "due_on", "id"],
                condition=models.Q(status="open"),
                name="task_open_assigned",
            ),
            models.Index(
                fields=["entry", "due_on"],
                condition=models.Q(status="open"),
                name="task_open_entry",
            ),
        ]
        constraints = [
            # One overdue (or other) task of a kind per information request, however often the
            # scheduled job runs.
            models.UniqueConstraint(
                fields=["information_request", "kind"],
                condition=models.Q(information_request__isnull=False),
                name="one_task_of_a_kind_per_information_request",
            ),
            models.UniqueConstraint(
                fields=["attendance_order_step", "kind"],
                condition=models.Q(attendance_order_step__isnull=False),
                name="one_task_of_a_kind_per_attendance_order_step",
            ),
        ]


class Contact(BaseModel):
    """A contact with the family: a letter, an email, a call, a meeting, or the parent's own
    written report of the child's education."""

    class Kind(models.TextChoices):
        LETTER = "letter", "Letter"
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone call"
        MEETING = "meeting", "Meeting"
        REPORT = "report", "Written report from the parent"
        OTHER = "other", "Other"

    class Direction(models.TextChoices):
        INBOUND = "in", "From the family"
        OUTBOUND = "out", "To the family"

    entry = models.ForeignKey(RegisterEntry, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    direction = models.CharField(max_length=3, choices=Direction.choices)
    occurred_on = models.DateField()
    summary = models.TextField()

    class Meta:
        ordering = ["-occurred_on", "-id"]


class Visit(BaseModel):
    """A visit offered to the family (L2; under today's law, parents need not accept)."""

    class Status(models.TextChoices):
        OFFERED = "offered", "Offered"
        ACCEPTED = "accepted", "Accepted"
        REFUSED = "refused", "Declined by the family"
        COMPLETED = "completed", "Took place"
        CANCELLED = "cancelled", "Cancelled"

    entry = models.ForeignKey(RegisterEntry, on_delete=models.CASCADE, related_name="visits")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OFFERED)
    offered_on = models.DateField()
    # The day the visit is arranged for, or took place on.
    visit_on = models.DateField(null=True, blank=True)
    at_home = models.BooleanField(default=True)
    visited_by = models.CharField("Who visits", max_length=200, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-offered_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visit_on__isnull=True)
                | models.Q(visit_on__gte=models.F("offered_on")),
                name="visit_on_or_after_offer",
            ),
        ]


class SuitabilityDecision(BaseModel):
    """The LA's view of whether the child's education is suitable (s.436A, s.437(1)), with
    the evidence and reasons it rests on. The newest is the one that holds."""

    class Outcome(models.TextChoices):
        SUITABLE = "suitable", "Suitable"
        NOT_SUITABLE = "not_suitable", "Not suitable"
        NOT_YET_DETERMINED = "not_yet_determined", "Not yet determined"

    entry = models.ForeignKey(
        RegisterEntry, on_delete=models.CASCADE, related_name="suitability_decisions"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    decided_on = models.DateField()
    evidence = models.TextField()

    class Meta:
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(evidence=""), name="suitability_decision_has_evidence"
            ),
        ]


class ConsentRequest(BaseModel):
    """A parent's request for the LA's consent to withdraw a relevant child (s.434A)."""

    class Condition(models.TextChoices):
        SPECIAL_SCHOOL = "special_school", "Condition A: special school place (s.434A(3))"
        SECTION_47 = "section_47", "Condition B: section 47 enquiries (s.434A(4))"
        CHILD_PROTECTION_PLAN = "cp_plan", "Condition B: child protection plan"

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        UNDER_ASSESSMENT = "under_assessment", "Under assessment"
        GRANTED = "granted", "Granted"
        REFUSED = "refused", "Refused"

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="consent_requests"
    )
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="consent_requests")
    condition = models.CharField(max_length=20, choices=Condition.choices)
    # The case the request belongs to, where the child has one (its status is Consent pending
    # while the request waits for a decision).
    entry = models.ForeignKey(
        RegisterEntry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consent_requests",
    )
    school_name = models.CharField(max_length=200)
    school_urn = models.CharField(max_length=8, blank=True)
    # Where the school is told of the decision.
    school_email = models.EmailField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUESTED)
    requested_on = models.DateField()
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reasons = models.TextField(blank=True)
    best_interests_analysis = models.TextField(blank=True)
    re_request_from = models.DateField(null=True, blank=True)
    # Counts the changes, so that a decision made from a page loaded before someone else
    # decided is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["requested", "under_assessment"])
                | models.Q(decided_on__isnull=False),
                name="decided_consent_has_date",
            ),
        ]


class AttendanceOrderStep(BaseModel):
    """One stage of the school attendance order process, under either regime: recorded with
    the move of the case it belongs to (registers.services.cases.case_move)."""

    Stage = AttendanceOrderStage
    Trigger = AttendanceOrderTrigger

    entry = models.ForeignKey(
        RegisterEntry, on_delete=models.PROTECT, related_name="attendance_order_steps"
    )
    # The move of the case that recorded the step: who, when and why.
    transition = models.ForeignKey(
        CaseTransition,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendance_order_steps",
    )
    regime = models.CharField(max_length=20, choices=Regime.choices)
    stage = models.CharField(max_length=30, choices=AttendanceOrderStage.choices)
    trigger = models.CharField(max_length=30, choices=AttendanceOrderTrigger.choices, blank=True)
    # The day of the step: a notice or order served, proceedings begun, a decision made.
    served_on = models.DateField()
    respond_by = models.DateField(null=True, blank=True)
    named_school = models.CharField(max_length=200, blank=True)
    alternative_schools = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=ProsecutionOutcome.choices, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["served_on", "created_at", "id"]


class BulkJob(BaseModel):
    """A piece of work over many children, asked for on a page and done by a Celery worker."""

    class Kind(models.TextChoices):
        UPDATE_REQUESTS_DUE_THIS_MONTH = (
            "update_requests_due_this_month",
            "Send update requests to every child due this month",
        )

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Stopped with an error"

    authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # The day the job's children were due by (the end of the month it was asked for in).
    due_by = models.DateField()
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    # Why children were skipped or failed: {"skipped": {reason: count}, "failed": {...}}.
    summary = models.JSONField(default=dict)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["authority", "-created_at"])]
