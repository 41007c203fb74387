"""Time the national collection end to end on a synthetic national register.

Writes N synthetic children (default 150,000) spread over the 153 LAs as the published
figures are spread (a few LAs with thousands, most with hundreds: weights drawn once from a
log-normal with a fixed seed), each with one case and its history, straight in SQL (as
bench/la_return.py does); serves the deployment with gunicorn as production runs it; adds
every LA as a national source with its own returns:read token; collects the latest term
whose census has passed over HTTP with a pool of C collectors (each as one Celery worker
would run the task); then times the in-database aggregation of the 153 returns several times
against two plain GROUP BYs measured in the same run: over the same returns' counts flattened
into a plain table, and over the register's cases and children themselves.
Not a test: it needs a database of its own, which it migrates.

    DJANGO_DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/cnis_bench_national \\
        .venv/bin/python bench/national.py --children 150000
"""

import argparse
import os
import random
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cnis.settings")

import logging  # noqa: E402

import django  # noqa: E402

django.setup()
logging.getLogger("celery").setLevel(logging.WARNING)

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402

from bench.la_return import SYNTHETIC, _latest_terms  # noqa: E402
from bench.register import inherited_environment  # noqa: E402
from bench.servers import Server, gunicorn  # noqa: E402
from national.aggregation import run_tables_add_up  # noqa: E402
from national.models import ReturnStatus  # noqa: E402
from national.services import run_start, source_add  # noqa: E402
from national.tasks import la_return_collect  # noqa: E402
from registers.actors import COMMAND  # noqa: E402
from registers.intake.api_token import ApiTokenRequest  # noqa: E402
from registers.models import LocalAuthority  # noqa: E402
from registers.services.api_tokens import api_token_issue  # noqa: E402

SLOTS = 10_000  # the weighted draw picks one of this many slots, each an LA's

# The yardstick's rows: the run's tables' own rows for the LAs, one per LA and breakdown, as a
# plain table (no JSON, no index) made before the timing.
FLATTENED = """
CREATE TEMPORARY TABLE bench_items AS
SELECT s.region_code, s.new_la_code, c.file, c.breakdown_topic, c.breakdown_code,
       c.breakdown, c.position, c.child_count
FROM national_areacount c JOIN national_source s ON s.new_la_code = c.area_code
WHERE c.run_id = %s
"""
# Written to a plain table, as many rows as the aggregation writes.
ITEMS_GROUP_BY = """
CREATE TEMPORARY TABLE bench_out ON COMMIT DROP AS
SELECT file, breakdown_topic, breakdown_code, region_code, new_la_code, max(breakdown),
       min(position), sum(child_count)
FROM bench_items
GROUP BY file, breakdown_topic, breakdown_code,
         GROUPING SETS ((region_code, new_la_code), (region_code), ())
"""
REGISTER_GROUP_BY = """
SELECT a.region_code, c.sex, count(*) FROM registers_registerentry e
JOIN registers_child c ON c.id = e.child_id
JOIN registers_localauthority a ON a.id = e.authority_id
GROUP BY a.region_code, c.sex
"""


def _weighted_slots(authorities: list[int]) -> list[int]:
    """Each LA's id repeated in proportion to a log-normal weight (fixed seed)."""
    draw = random.Random(153)
    weights = [draw.lognormvariate(0, 0.8) for _ in authorities]
    scale = SLOTS / sum(weights)
    return [
        pk
        for pk, weight in zip(authorities, weights, strict=True)
        for _ in range(max(1, round(weight * scale)))
    ]


def _median_ms(work, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=150_000, help="synthetic children")
    parser.add_argument("--collectors", type=int, default=4, help="collectors at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--runs", type=int, default=5, help="timings of each aggregation")
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    if LocalAuthority.objects.count() < 153:
        call_command("load_local_authorities", verbosity=0)
    LocalAuthority.objects.update(hosted=True)
    authorities = list(LocalAuthority.objects.order_by("dfe_number").values_list("pk", flat=True))
    if options.children:
        slots = _weighted_slots(authorities)
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                SYNTHETIC,
                {"children": options.children, "authorities": slots, "spread": len(slots)},
            )
        print(f"{options.children} synthetic children in {time.perf_counter() - started:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    academic_year, term = _latest_terms(1)[0]
    env = {
        **inherited_environment(),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-any-deployment",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ["DATABASE_URL"],
        "CNIS_SECURE": "false",
        "CNIS_STATIC_MANIFEST": "false",
        "CNIS_API_REQUESTS_PER_MINUTE": "100000",
    }
    log = Path("bench-national-gunicorn.log")
    server = Server(app="cnis.wsgi:application", env=env, ready_path="/healthz", log=log)
    with gunicorn(server, workers=options.workers) as (port,):
        request = ApiTokenRequest(name="National collection", scopes=("returns:read",), days=1)
        for authority in LocalAuthority.objects.all():
            token = api_token_issue(authority=authority, request=request, actor=COMMAND).plain
            source_add(
                old_la_code=authority.dfe_number,
                base_url=f"http://127.0.0.1:{port}",
                token=token,
            )

        run, result_ids = run_start(academic_year=academic_year, term=term)

        def collect(result_id: int) -> None:
            try:
                la_return_collect.apply(args=(result_id,))
            finally:
                connections.close_all()

        started = time.perf_counter()
        with ThreadPoolExecutor(options.collectors) as pool:
            list(pool.map(collect, result_ids))
        collection = time.perf_counter() - started

    statuses = list(run.results.values_list("status", flat=True))
    print(
        f"{academic_year} {term}: {len(result_ids)} LAs collected over HTTP in "
        f"{collection:.1f} s with {options.collectors} collectors and {options.workers} "
        f"gunicorn workers ({statuses.count(ReturnStatus.VALID)} valid)"
    )
    run.refresh_from_db()
    total = run.counts.get(
        file="ehe_census", area_code="E92000001", breakdown_topic="Total", breakdown_code="total"
    ).child_count
    print(f"England: {total} children home educated on the census date")

    def aggregation() -> None:
        with transaction.atomic():
            run_tables_add_up(run.pk)

    with connection.cursor() as cursor:
        cursor.execute(FLATTENED, [run.pk])
        cursor.execute("ANALYZE bench_items")

    def items_group_by() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(ITEMS_GROUP_BY)

    def register_group_by() -> None:
        with connection.cursor() as cursor:
            cursor.execute(REGISTER_GROUP_BY)
            cursor.fetchall()

    def aggregation_into_empty_tables() -> float:
        """As at the end of a run: the run's tables emptied (and vacuumed) beforehand."""
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM national_areacount WHERE run_id = %s", [run.pk])
            cursor.execute("VACUUM ANALYZE national_areacount")
        return _median_ms(aggregation, 1)

    first = statistics.median(aggregation_into_empty_tables() for _ in range(options.runs))
    ours = _median_ms(aggregation, options.runs)
    items = _median_ms(items_group_by, options.runs)
    register = _median_ms(register_group_by, options.runs)
    print(
        f"aggregation of the returns in the database: median {first:.1f} ms into the run's "
        f"emptied tables, {ours:.1f} ms replacing them again and again"
    )
    print(
        f"plain GROUP BY over the same counts in a plain table, written to another: "
        f"median {items:.1f} ms (aggregation {first / items:.1f}x; replacing {ours / items:.1f}x)"
    )
    print(
        f"plain GROUP BY over the register's cases and children: median {register:.1f} ms "
        f"(aggregation {first / register:.2f}x; replacing {ours / register:.2f}x)"
    )


if __name__ == "__main__":
    main()
