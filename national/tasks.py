"""The collection's Celery tasks: one per LA, tried again with back-off while the LA's register
cannot be reached or fails; and the daily look at whether a term's returns are due."""

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from national.calendar import term_due
from national.fetch import return_fetch
from national.models import CollectionRun, LaReturnResult
from national.services import attempt_failed, result_record, run_start


def collection_start(*, academic_year: str, term: str) -> CollectionRun:
    """Start the term's collection: one task per LA, sent once the run is saved."""
    with transaction.atomic():
        run, result_ids = run_start(academic_year=academic_year, term=term)
        transaction.on_commit(
            lambda: [la_return_collect.delay(result_id) for result_id in result_ids]
        )
    return run


@shared_task(bind=True, max_retries=None, acks_late=True)
def la_return_collect(self, result_id: int) -> str:
    result = LaReturnResult.objects.select_related("run", "source").filter(pk=result_id).first()
    if result is None:  # the run was started again: this answer is no longer awaited
        return "gone"
    answer = return_fetch(
        base_url=result.source.base_url,
        token=result.source.token,
        academic_year=result.run.academic_year,
        term=result.run.term,
        timeout=settings.NATIONAL_COLLECT_TIMEOUT_SECONDS,
        limit=settings.NATIONAL_RETURN_MAX_BYTES,
    )
    attempts = self.request.retries + 1
    if answer.retry and attempts < settings.NATIONAL_COLLECT_ATTEMPTS:
        attempt_failed(result_id=result_id, answer=answer, attempts=attempts)
        raise self.retry(countdown=settings.NATIONAL_COLLECT_BACKOFF_SECONDS * 2 ** (attempts - 1))
    recorded = result_record(result_id=result_id, answer=answer, attempts=attempts)
    return recorded.status if recorded else "gone"


@shared_task
def national_collect_due() -> str:
    """Start the collection of the term whose returns are due today, unless already started."""
    due = term_due(timezone.localdate())
    if due is None:
        return "none due"
    academic_year, term = due
    if CollectionRun.objects.filter(academic_year=academic_year, term=term).exists():
        return "already started"
    collection_start(academic_year=academic_year, term=term)
    return f"started {term} {academic_year}"
