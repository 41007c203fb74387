"""SQL statements per request, counted apart from the timing (which runs uninstrumented).

Each target's request is replayed here, in this process, through Django's test client with the
same settings, database and cookies as the served project, and its statements are captured as
the query-count tests capture them. The first replay warms the process; the second is counted.
"""

from collections.abc import Iterable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.servers import HOST
from bench.timing import Target


def statement_count(target: Target) -> int:
    counted = 0
    for _ in range(2):
        request = target.request()
        client = Client(HTTP_HOST=HOST)
        for pair in filter(None, request.headers.get("Cookie", "").split("; ")):
            name, value = pair.split("=", 1)
            client.cookies[name] = value
        with CaptureQueriesContext(connection) as queries:
            response = client.generic(
                request.method,
                request.path,
                data=request.body or b"",
                content_type=request.headers.get("Content-Type", "application/octet-stream"),
            )
        problem = target.check(
            response.status_code,
            response.get("Location", ""),
            response.content.decode("utf-8", errors="replace"),
        )
        if problem:
            raise RuntimeError(f"{target.name}, replayed to count statements: {problem}")
        counted = len(queries)
    return counted


def statement_counts(targets: Iterable[Target], *, skip: Iterable[str] = ()) -> dict[str, int]:
    left_out = set(skip)
    return {
        target.key: statement_count(target) for target in targets if target.key not in left_out
    }
