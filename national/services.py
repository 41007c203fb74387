"""The national collection's writes: sources, runs, each LA's answer, and the tables. Each is
one transaction, so nothing is ever half-written."""

import re
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from national.aggregation import run_tables_add_up
from national.checks import return_faults
from national.contracts import contract_errors
from national.fetch import Answer
from national.geography import local_authorities
from national.models import (
    CollectionRun,
    LaReturnResult,
    Population,
    ReturnStatus,
    Source,
    Term,
)

LA_UNKNOWN = "Enter the DfE number of an English local authority, like 878"
URL_INVALID = "Enter the address of the LA's register, starting https:// (or http:// for a test)"
TOKEN_INVALID = "Enter the token the LA issued, as it gave it: cnis_ then letters and digits"
YEAR_INVALID = "Enter the academic year like 2025-26"
TERM_INVALID = "Enter the term as autumn, spring or summer"
TOKEN = re.compile(r"^cnis_[A-Za-z0-9_-]{8,190}$")
ACADEMIC_YEAR = re.compile(r"^(20[0-9]{2})-([0-9]{2})$")


class NationalInputError(Exception):
    """Input refused, each problem by field: the same words on a page and on the command."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def source_errors(old_la_code: str, base_url: str, token: str) -> dict[str, str]:
    errors = {}
    if old_la_code not in local_authorities():
        errors["old_la_code"] = LA_UNKNOWN
    address = urlsplit(base_url)
    if address.scheme not in ("https", "http") or not address.netloc:
        errors["base_url"] = URL_INVALID
    if not TOKEN.match(token):
        errors["token"] = TOKEN_INVALID
    return errors


def source_add(*, old_la_code: str, base_url: str, token: str) -> Source:
    """Add the LA's register as a source, or change its address and token."""
    old_la_code, base_url, token = old_la_code.strip(), base_url.strip(), token.strip()
    if errors := source_errors(old_la_code, base_url, token):
        raise NationalInputError(errors)
    place = local_authorities()[old_la_code]
    source, _ = Source.objects.update_or_create(
        old_la_code=old_la_code,
        defaults={
            "new_la_code": place.new_la_code,
            "la_name": place.la_name,
            "region_code": place.region_code,
            "region_name": place.region_name,
            "base_url": base_url,
            "token": token,
        },
    )
    return source


def period_errors(academic_year: str, term: str) -> dict[str, str]:
    errors = {}
    year = ACADEMIC_YEAR.match(academic_year)
    if not year or (int(year.group(1)) + 1) % 100 != int(year.group(2)):
        errors["academic_year"] = YEAR_INVALID
    if term not in Term.values:
        errors["term"] = TERM_INVALID
    return errors


@transaction.atomic
def run_start(*, academic_year: str, term: str) -> tuple[CollectionRun, list[int]]:
    """Start (or start again) the term's collection: every source's answer is awaited afresh,
    and the run's tables are emptied until the answers are in. Returns the run and the ids of
    the answers to collect."""
    if errors := period_errors(academic_year, term):
        raise NationalInputError(errors)
    run, _ = CollectionRun.objects.select_for_update().get_or_create(
        academic_year=academic_year, term=term, defaults={"started_at": timezone.now()}
    )
    run.started_at, run.finished_at = timezone.now(), None
    run.save(update_fields=["started_at", "finished_at"])
    run.counts.all().delete()
    run.results.all().delete()
    results = LaReturnResult.objects.bulk_create(
        [LaReturnResult(run=run, source=source) for source in Source.objects.all()]
    )
    if not results:
        run_finish_if_answered(run.pk)
    return run, [result.pk for result in results]


def _checked(answer: Answer, result: LaReturnResult) -> tuple[str, list[str], dict | None]:
    """The status, reasons and stored document for an answer."""
    if answer.document is None:
        return ReturnStatus.FAILED, [answer.failure], None
    if faults := contract_errors(answer.document):
        return ReturnStatus.INVALID, faults, None
    faults = return_faults(
        answer.document,
        academic_year=result.run.academic_year,
        term=result.run.term,
        old_la_code=result.source.old_la_code,
        la_name=result.source.la_name,
    )
    if faults:
        return ReturnStatus.INVALID, faults, None
    return ReturnStatus.VALID, [], answer.document


def attempt_failed(*, result_id: int, answer: Answer, attempts: int) -> None:
    """Note a failed attempt that will be tried again: the answer is still awaited."""
    LaReturnResult.objects.filter(pk=result_id, status=ReturnStatus.MISSING).update(
        attempts=attempts, reasons=[answer.failure], answered_at=timezone.now()
    )


@transaction.atomic
def result_record(*, result_id: int, answer: Answer, attempts: int) -> LaReturnResult | None:
    """Record the LA's answer, checked; once every LA has answered, add up the run's tables.

    A result no longer awaited (its run was started again since) is left as it is: None.
    """
    result = (
        LaReturnResult.objects.select_for_update()
        .select_related("run", "source")
        .filter(pk=result_id, status=ReturnStatus.MISSING)
        .first()
    )
    if result is None:
        return None
    result.status, result.reasons, result.payload = _checked(answer, result)
    result.attempts, result.answered_at = attempts, timezone.now()
    result.save(update_fields=["status", "reasons", "payload", "attempts", "answered_at"])
    run_finish_if_answered(result.run_id)
    return result


def run_finish_if_answered(run_id: int) -> bool:
    """Add up the run's tables and mark it finished if no LA's answer is still awaited.

    The run's row is locked first, so of two LAs answering last at once, the second to get
    the lock sees both answers and adds them up.
    """
    with transaction.atomic():
        run = CollectionRun.objects.select_for_update().get(pk=run_id)
        if run.results.filter(status=ReturnStatus.MISSING).exists():
            return False
        run_tables_add_up(run.pk)
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
    return True


@transaction.atomic
def population_load(rows: list[tuple[str, int, int]]) -> int:
    """Replace the population denominators: (ONS LA code, children aged 5 to 16, mid-year)."""
    Population.objects.all().delete()
    Population.objects.bulk_create(
        [
            Population(new_la_code=code, population=count, mid_year=year)
            for code, count, year in rows
        ]
    )
    return len(rows)
