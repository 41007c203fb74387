"""Reads of bulk work for the LA's managers: its jobs, and what a job would do if started now."""

from dataclasses import dataclass
from datetime import date

from django.http import Http404
from django.utils import timezone

from registers.actors import Actor
from registers.models import BulkJob, LocalAuthority
from registers.rules.deadlines import month_end
from registers.selectors.update_requests import update_requests_due

# How many of the LA's latest jobs the bulk work page lists.
RECENT_JOBS = 10


class BulkJobNotFound(Http404):
    """Another LA's job answers exactly as a job that does not exist."""


def bulk_job_get(*, authority: LocalAuthority, job_id: int | str) -> BulkJob:
    try:
        return BulkJob.objects.select_related("requested_by").get(authority=authority, pk=job_id)
    except (BulkJob.DoesNotExist, ValueError) as error:
        raise BulkJobNotFound("No such bulk job") from error


@dataclass(frozen=True)
class BulkJobsPage:
    jobs: list[BulkJob]
    due_by: date
    # Children due an update request by `due_by`: all, and those the job would email.
    due: int
    sendable: int


def bulk_jobs_page_read(*, actor: Actor, today: date) -> BulkJobsPage:
    """The LA's latest jobs, and how many children are due an update request this month (no
    child's data is shown: counts only). The same statements whatever the register's size."""
    authority = actor.user.authority
    due_by = month_end(today)
    due = update_requests_due(
        authorities=[authority],
        today=today,
        lead_days=(due_by - today).days,
        now=timezone.now(),
    )
    return BulkJobsPage(
        jobs=list(
            BulkJob.objects.filter(authority=authority)
            .select_related("requested_by")
            .order_by("-created_at")[:RECENT_JOBS]
        ),
        due_by=due_by,
        due=len(due.candidates),
        sendable=len(due.entry_ids(reachable=True)),
    )
