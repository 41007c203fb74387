"""The register to time: a PostgreSQL database holding one LA with N demo children.

It is built once with the demo seeder (`manage.py seed_demo`, which makes every child through
the real intake and case module) and then marked with a comment on the database, so a rerun
finds it built and starts timing at once. The database is migrated on every run, so a register
built on an older version of the code takes on the newer schema.
"""

import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
MAINTENANCE_DATABASE = "postgres"


def default_database_url(children: int) -> str:
    size = f"{children // 1000}k" if children and children % 1000 == 0 else str(children)
    return f"postgres://postgres@127.0.0.1:5432/cnis_bench_{size}"


def database_name(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not name:
        raise ValueError(f"The database URL names no database: {url}")
    return name


@contextmanager
def _maintenance(url: str) -> Iterator:
    """A cursor on the server's maintenance database, outside any transaction."""
    parts = urlsplit(url)
    connection = psycopg2.connect(urlunsplit(parts._replace(path=f"/{MAINTENANCE_DATABASE}")))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def _named(statement: str, url: str) -> sql.Composed:
    return sql.SQL(statement).format(sql.Identifier(database_name(url)))


def database_exists(url: str) -> bool:
    with _maintenance(url) as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database_name(url)])
        return cursor.fetchone() is not None


def database_create(url: str) -> None:
    with _maintenance(url) as cursor:
        cursor.execute(_named("CREATE DATABASE {}", url))


def database_drop(url: str) -> None:
    """Drops the database if it exists, ending any connection to it first."""
    with _maintenance(url) as cursor:
        cursor.execute(_named("DROP DATABASE IF EXISTS {} WITH (FORCE)", url))


def marker(*, children: int, authority: str) -> str:
    return f"CNIS Register benchmark: {children} demo children in local authority {authority}"


def marker_get(url: str) -> str:
    with _maintenance(url) as cursor:
        cursor.execute(
            "SELECT pg_catalog.shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = %s",
            [database_name(url)],
        )
        row = cursor.fetchone()
    return (row[0] or "") if row else ""


def marker_set(url: str, text: str) -> None:
    with _maintenance(url) as cursor:
        cursor.execute(_named("COMMENT ON DATABASE {} IS %s", url), [text])


def seed(*, env: Mapping[str, str], children: int, authority: str) -> None:
    """The demo seeder, in its own process with DEBUG on (it refuses to run otherwise: it makes
    accounts with a published password), against the benchmark's database only."""
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "seed_demo",
            "--authorities",
            authority,
            "--children",
            str(children),
        ],
        cwd=ROOT,
        env={**env, "DJANGO_DEBUG": "true", "DJANGO_SETTINGS_MODULE": "cnis.settings"},
        check=True,
    )


def register_ensure(
    *,
    url: str,
    env: Mapping[str, str],
    children: int,
    authority: str,
    children_held: Callable[[], int],
    log: Callable[[str], None],
) -> bool:
    """The database holds the register: built now (True) or found built (False). It is
    vacuumed and analysed before every run, new or not: the migrations just applied may have
    rewritten its rows (a column filled in, say), which autovacuum would see to in production
    in its own time, and a benchmark must not time a table the planner has not caught up with.

    `children_held()` counts the LA's children (after migrating); a database that holds some
    other register is refused rather than added to.
    """
    wanted = marker(children=children, authority=authority)
    if marker_get(url) == wanted:
        log(f"{database_name(url)} already holds the register ({children} children)")
        settle(url)
        return False
    held = children_held()
    if held == children:
        log(f"{database_name(url)} holds {held} children of LA {authority}: marked as built")
        settle(url)
        marker_set(url, wanted)
        return False
    if held:
        raise SystemExit(
            f"{database_name(url)} holds {held} children of LA {authority}, not {children}: "
            "name another database with --database-url, or pass --rebuild to start it again"
        )
    log(f"Building the register: {children} children in LA {authority} (seed_demo)")
    seed(env=env, children=children, authority=authority)
    settle(url)
    marker_set(url, wanted)
    return True


def settle(url: str) -> None:
    """VACUUM and ANALYZE the new register, so that the planner knows its tables as it would
    know a production database's that autovacuum has long since visited."""
    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    finally:
        connection.close()


def inherited_environment() -> dict[str, str]:
    """The caller's environment without the project's settings, which the harness sets itself
    (a shell or a test run may carry demo or test values)."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "CNIS_"))
        and name not in {"DATABASE_URL", "CACHE_URL", "CELERY_TASK_ALWAYS_EAGER"}
    }
