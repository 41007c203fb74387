"""Bulk work a manager asks for on a page, done by a Celery worker: "send update requests to
every child due this month" (s.436D).

The page writes the job and, in the same transaction, an outbox row that hands it to the
broker, so the request never waits on Redis. The worker keeps the job's progress as it goes,
and its summary at the end: sent, skipped with the reason, failed. Running it again sends
nothing already sent: a child asked is no longer due (their interval runs from the new
request), and each child's request is made under a lock on their entry, as the officer's
button and the scheduled job make theirs.
"""

import logging
from collections import Counter

from django.db import transaction
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, BulkJob, LocalAuthority, RegisterEntry, StaffRole
from registers.rules.codes import Door
from registers.rules.deadlines import month_end
from registers.selectors.update_requests import update_requests_due
from registers.services.outbox import celery_task_enqueue
from registers.services.update_requests import NO_EMAIL, NOT_OPEN, update_request_create

logger = logging.getLogger(__name__)

# Who may start bulk work: it writes to many families at once.
BULK_ROLES = (StaffRole.MANAGER,)
NOT_A_MANAGER = "Only a manager can start bulk work"
WAITING = "An update request sent earlier is still waiting for an answer"
TOO_SOON = "Asked more recently than the minimum interval allows"
NOT_SENT = "The request could not be made: try again later"
# The job saves its progress after this many children, so the page moves as it works.
PROGRESS_EVERY = 10


@transaction.atomic
def bulk_job_start(*, actor: Actor, kind: str) -> BulkJob:
    """Queue a bulk job for the manager's LA; a job of the kind already queued or running is
    returned instead of starting a second (a button pressed twice starts one job)."""
    user = actor.user
    if user.role not in BULK_ROLES:
        raise ApplicationError(NOT_A_MANAGER)
    if kind not in BulkJob.Kind.values:
        raise ApplicationError({"kind": ["Select the bulk work to start"]})
    authority = user.authority
    # Take turns with another manager's press of the same button.
    LocalAuthority.objects.select_for_update().filter(pk=authority.pk).first()
    unfinished = BulkJob.objects.filter(
        authority=authority,
        kind=kind,
        status__in=(BulkJob.Status.QUEUED, BulkJob.Status.RUNNING),
    ).first()
    if unfinished is not None:
        return unfinished
    job = BulkJob.objects.create(
        authority=authority,
        kind=kind,
        requested_by=user,
        due_by=month_end(timezone.localdate()),
        created_by=user,
        modified_by=user,
    )
    audit_record(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        object_type="bulk_job",
        object_id=job.pk,
    )
    celery_task_enqueue(
        name="registers.tasks.bulk_jobs.bulk_job_run",
        kwargs={"job_id": job.pk},
        dedupe_key=f"bulk-job-{job.pk}",
    )
    return job


def _claim(job_id: int) -> BulkJob | None:
    """The job, marked running, if it is still to do (a redelivered task finds it done)."""
    with transaction.atomic():
        job = (
            BulkJob.objects.select_for_update()
            .select_related("authority", "requested_by")
            .filter(pk=job_id, status__in=(BulkJob.Status.QUEUED, BulkJob.Status.RUNNING))
            .first()
        )
        if job is None:
            return None
        job.status = BulkJob.Status.RUNNING
        job.started_at = job.started_at or timezone.now()
        job.save(update_fields=["status", "started_at", "modified_at"])
    return job


def _refusal_reason(error: ApplicationError) -> str:
    message = str(error)
    if message in (NO_EMAIL, NOT_OPEN):
        return message
    # The interval's refusals name the child's own dates; counted together they say why.
    return TOO_SOON


def _progress_save(job: BulkJob, reasons: dict[str, Counter], **fields) -> None:
    job.summary = {outcome: dict(counts) for outcome, counts in reasons.items()}
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(
        update_fields=[
            "total",
            "done",
            "sent",
            "skipped",
            "failed",
            "summary",
            "modified_at",
            *fields,
        ]
    )


def bulk_job_run(*, job_id: int) -> str:
    """Do the job: an update request to every child of the LA due one by the job's month's end
    (the minimum interval passed, the maximum ending by then), each in its own transaction.
    Returns the status it ended in."""
    job = _claim(job_id)
    if job is None:
        return BulkJob.objects.get(pk=job_id).status
    actor = Actor(door=Door.SCHEDULER, user=job.requested_by, request_id=f"bulk-job-{job.pk}")
    today = timezone.localdate()
    due = update_requests_due(
        authorities=[job.authority],
        today=today,
        lead_days=max((job.due_by - today).days, 0),
        now=timezone.now(),
    )
    reachable = set(due.entry_ids(reachable=True))
    reasons: dict[str, Counter] = {"skipped": Counter(), "failed": Counter()}
    job.total, job.done, job.sent, job.skipped, job.failed = len(due.candidates), 0, 0, 0, 0
    _progress_save(job, reasons)
    try:
        for entry_id, _ in due.candidates:
            reason = None
            if entry_id in due.waiting:
                reason = WAITING
            elif entry_id not in reachable:
                reason = NO_EMAIL
            else:
                try:
                    with transaction.atomic():
                        update_request_create(
                            entry=RegisterEntry(pk=entry_id),
                            actor=actor,
                            today=today,
                            replacing_expired=False,
                        )
                except ApplicationError as error:
                    reason = _refusal_reason(error)
                except Exception:  # one child's failure is counted; the rest are still asked
                    logger.exception("Bulk job %s: update request for %s failed", job.pk, entry_id)
                    reasons["failed"][NOT_SENT] += 1
                    job.failed += 1
                else:
                    job.sent += 1
            if reason:
                reasons["skipped"][reason] += 1
                job.skipped += 1
            job.done += 1
            if job.done % PROGRESS_EVERY == 0:
                _progress_save(job, reasons)
    except Exception:
        logger.exception("Bulk job %s stopped", job.pk)
        _progress_save(job, reasons, status=BulkJob.Status.FAILED, finished_at=timezone.now())
        raise
    _progress_save(job, reasons, status=BulkJob.Status.DONE, finished_at=timezone.now())
    return job.status
