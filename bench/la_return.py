"""Time the LA's termly return (registers.selectors.returns.la_return_build) on a large register.

With --children N, first writes N synthetic children for the LA straight in SQL, each with one
case and its history (notified, checked, registered, then monitored, enquired about, missing
education or closed, on days from autumn 2022 on), far faster than the demo's services would.
With --children 0 it times what the database already holds (a `seed_demo` register, say).
With --others N, also writes N children spread over every other LA, so that the LA's return
is timed in a database many times its size.
Then builds the return for three terms (the latest three, or those given), several times
each, and prints the statements, the fastest and median wall times, and the median as a
multiple of a plain GROUP BY over the same LA's cases and children timed in the same run.
Not a test: it needs a database of its own.

    DJANGO_DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/cnis_bench \\
        .venv/bin/python bench/la_return.py --authority 878 --children 1000000
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cnis.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from registers.models import LocalAuthority  # noqa: E402
from registers.rules.census import latest_census_period  # noqa: E402
from registers.selectors.returns import la_return_build  # noqa: E402

# One synthetic case per child: `bucket` (0-99) decides how far its history goes.
SYNTHETIC = """
CREATE TEMPORARY TABLE bench_plan ON COMMIT DROP AS
SELECT gen_random_uuid() AS child_id, gen_random_uuid() AS entry_id, n,
       (%(authorities)s::bigint[])[1 + floor(random() * %(spread)s)::int] AS authority_id,
       timestamptz '2022-09-01 09:00' + (random() * 1300) * interval '1 day' AS t0,
       (random() * 100)::int AS bucket
FROM generate_series(1, %(children)s) AS n;

INSERT INTO registers_child (id, authority_id, created_at, modified_at, archive_reason,
    first_name, middle_names, last_name, date_of_birth, sex, nhs_number, upn, former_upn,
    sen_provision)
SELECT child_id, authority_id, now(), now(), '', 'Synthetic', '', 'Child',
       date '2006-09-01' + (random() * 5100)::int,
       (ARRAY['female', 'male', 'female', 'male', 'unknown'])[1 + (random() * 4)::int],
       '', '', '',
       (ARRAY['none', 'none', 'sen_support', 'ehc_plan', 'unknown'])[1 + (random() * 4)::int]
FROM bench_plan;

INSERT INTO registers_registerentry (id, authority_id, child_id, reference, status, regime,
    source, eligibility_basis, primary_reason, previous_school_name, previous_school_urn,
    previous_school_type, still_on_roll, notified_on, registered_on, closed_on, closure_reason,
    version, created_at, modified_at, archive_reason)
SELECT entry_id, authority_id, child_id, 'B' || left(replace(entry_id::text, '-', ''), 11),
       CASE WHEN bucket < 10 OR (bucket >= 60 AND t0 + interval '200 days' < now()) THEN 'closed'
            WHEN bucket < 50 THEN 'suitable_monitoring'
            WHEN bucket < 55 THEN 'enquiry'
            WHEN bucket < 60 THEN 'cme'
            ELSE 'suitable_monitoring' END,
       'ehe_2019', 'parent', 'E-C1',
       (ARRAY['mental_health', 'philosophical', 'lifestyle', 'unknown', 'no_reason_given',
              'dissatisfaction_send', 'dissatisfaction_general', 'other']
       )[1 + (random() * 7)::int],
       '', '',
       (ARRAY['lamain', 'acad', 'free', 'ind', 'spec', 'else_unk'])[1 + (random() * 5)::int],
       false, t0::date,
       CASE WHEN bucket >= 10 THEN (t0 + interval '3 days')::date END,
       CASE WHEN bucket < 10 THEN (t0 + interval '5 days')::date
            WHEN bucket >= 60 AND t0 + interval '200 days' < now()
            THEN (t0 + interval '200 days')::date END,
       CASE WHEN bucket < 10 THEN 'not_eligible'
            WHEN bucket >= 60 AND t0 + interval '200 days' < now() THEN 'returned_to_school'
            ELSE '' END,
       1, now(), now(), ''
FROM bench_plan;

INSERT INTO registers_casetransition (entry_id, from_status, to_status, occurred_at, reason,
    door, cme_reason)
SELECT entry_id, s.from_status, s.to_status, t0 + s.after, 'Synthetic', 'import', s.cme_reason
FROM bench_plan
CROSS JOIN LATERAL (VALUES
    ('', 'notified', interval '0 days', '', true),
    ('notified', 'eligibility_check', interval '1 day', '', true),
    ('eligibility_check', 'closed', interval '5 days', '', bucket < 10),
    ('eligibility_check', 'registered', interval '3 days', '', bucket >= 10),
    ('registered', 'suitable_monitoring', interval '30 days', '',
        bucket >= 10 AND (bucket < 50 OR bucket >= 60)),
    ('registered', 'enquiry', interval '20 days', '', bucket BETWEEN 50 AND 54),
    ('registered', 'cme', interval '40 days', 'unknown', bucket BETWEEN 55 AND 59),
    ('suitable_monitoring', 'closed', interval '200 days', '',
        bucket >= 60 AND t0 + interval '200 days' < now())
) AS s(from_status, to_status, after, cme_reason, happened)
WHERE s.happened;
"""

BASELINE = """
SELECT c.sex, count(*) FROM registers_registerentry e
JOIN registers_child c ON c.id = e.child_id
WHERE e.authority_id = %s GROUP BY c.sex
"""


def _latest_terms(count: int) -> list[tuple[str, str]]:
    """The latest `count` terms whose census day has ended, latest first."""
    terms = []
    on = timezone.localdate() - timedelta(days=1)
    while len(terms) < count:
        period = latest_census_period(on)
        terms.append((period.academic_year, period.term.slug))
        on = period.census_date - timedelta(days=1)
    return terms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--authority", default="878", help="DfE LA number (default 878)")
    parser.add_argument("--children", type=int, default=0, help="synthetic children to add")
    parser.add_argument("--others", type=int, default=0, help="synthetic children elsewhere")
    parser.add_argument("--runs", type=int, default=5, help="builds per term (default 5)")
    parser.add_argument(
        "--terms",
        nargs="*",
        default=[],
        help="terms as 2025-26:autumn (default: the latest three whose census has passed)",
    )
    options = parser.parse_args()

    authority = LocalAuthority.objects.get(dfe_number=options.authority)
    others = list(LocalAuthority.objects.exclude(pk=authority.pk).values_list("pk", flat=True))
    for children, authorities in ((options.children, [authority.pk]), (options.others, others)):
        if children:
            started = time.perf_counter()
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    SYNTHETIC,
                    {"children": children, "authorities": authorities, "spread": len(authorities)},
                )
            print(f"{children} synthetic children in {time.perf_counter() - started:.0f} s")
    if options.children or options.others:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(DISTINCT e.child_id) FROM registers_registerentry e "
            "WHERE e.authority_id = %s",
            [authority.pk],
        )
        cases, children = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM registers_casetransition t JOIN registers_registerentry e "
            "ON e.id = t.entry_id WHERE e.authority_id = %s",
            [authority.pk],
        )
        (moves,) = cursor.fetchone()
    print(f"{authority.name}: {children} children, {cases} cases, {moves} moves")

    # The yardstick: one plain GROUP BY over the same LA's cases and children, timed alike.
    baseline = []
    for _ in range(options.runs):
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(BASELINE, [authority.pk])
            cursor.fetchall()
            baseline.append(time.perf_counter() - started)
    yardstick = statistics.median(baseline)
    print(f"plain GROUP BY over the LA's cases and children: median {yardstick * 1000:.0f} ms")

    terms = [tuple(term.split(":")) for term in options.terms] or _latest_terms(3)
    for academic_year, term in terms:
        timings = []
        for _ in range(options.runs):
            with CaptureQueriesContext(connection) as statements:
                started = time.perf_counter()
                payload = la_return_build(
                    authority=authority, academic_year=academic_year, term=term
                )
                timings.append(time.perf_counter() - started)
        census = payload["census"]
        print(
            f"{academic_year} {term}: {len(statements)} statements, "
            f"fastest {min(timings) * 1000:.0f} ms, "
            f"median {statistics.median(timings) * 1000:.0f} ms "
            f"({statistics.median(timings) / yardstick:.1f}x the GROUP BY)"
            f" (EHE {census['elective_home_education']['total']}, "
            f"CME {census['children_missing_education']['total']}, "
            f"at any point {payload['academic_year']['children_at_any_point']})"
        )


if __name__ == "__main__":
    main()
