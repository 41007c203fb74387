"""The production shape: the collection's tasks go through Redis to a real Celery worker,
which reads each LA's return over HTTP and, with the last answer, adds up the tables."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core.management import call_command

from cnis.celery import app
from national.models import CollectionRun, GeographicLevel, ReturnStatus
from tests.national.conftest import REGISTERS, TERM, YEAR
from tests.reliability.conftest import celery_on_private_redis, private_redis  # noqa: F401

pytestmark = pytest.mark.usefixtures("quick_collection")

WORKER_WAIT_SECONDS = 60


def run_finished() -> CollectionRun | None:
    deadline = time.monotonic() + WORKER_WAIT_SECONDS
    while time.monotonic() < deadline:
        run = CollectionRun.objects.filter(academic_year=YEAR, term=TERM).first()
        if run and run.finished_at:
            return run
        time.sleep(0.2)
    return None


def test_a_celery_worker_on_redis_collects_every_las_return(
    las_over_http,
    celery_on_private_redis,  # noqa: F811
):
    with start_worker(app, perform_ping_check=False, pool="solo"):
        call_command("national_collect", "--year", YEAR, "--term", TERM)
        run = run_finished()

    assert run is not None, "the worker did not finish the run"
    assert set(run.results.values_list("status", flat=True)) == {ReturnStatus.VALID}
    england = run.counts.get(
        file="ehe_census", geographic_level=GeographicLevel.NATIONAL, breakdown_code="total"
    )
    assert england.child_count == sum(len(children) for children in REGISTERS.values())
