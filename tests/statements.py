"""Counting the SQL statements a piece of work runs (P1, P2, P8: counts, not timings)."""

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def statements_run(work: Callable[[], object]) -> list[str]:
    """The SQL statements `work` runs, without the savepoints that exist only because each test
    runs inside a transaction (in production those blocks are BEGIN and COMMIT)."""
    with CaptureQueriesContext(connection) as queries:
        work()
    return [
        query["sql"]
        for query in queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
