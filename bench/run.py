"""The benchmark: build a register, serve it as production does, sign in, time the pages.

    python -m bench --children 50000          (or: make bench CHILDREN=50000)

1. Builds (once) a PostgreSQL register of one LA with N demo children (bench.register).
2. Serves the project with gunicorn, sync workers, DEBUG off, the production settings and the
   variables production requires (bench.settings adds one trivial view to the project's URLs;
   CNIS_SECURE is off so that plain HTTP on loopback works), and a bare Django project with its
   own gunicorn.
3. Signs in as the demo officer through the real sign-in pages (bench.sign_in).
4. Finds the pages to time (bench.pages) and counts each one's SQL statements once, in this
   process, through the same settings.
5. Times every page and both baselines in alternating rounds (bench.timing), then prints median
   and p95 and the ratios of each p95 to the baselines' p95 in the same rounds.
"""

import argparse
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.register import (
    database_create,
    database_drop,
    database_exists,
    database_name,
    default_database_url,
    inherited_environment,
    register_ensure,
)
from bench.servers import HOST, Server, gunicorn, tail
from bench.timing import run_rounds

DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
# The benchmark sends many notifications from one address, which the public limits (on posts
# and, where the project has it, on submissions) would stop after a few. Every other setting
# keeps the value production has by default.
SERVER_SETTINGS = {
    "CNIS_PUBLIC_POSTS_PER_HOUR": "1000000000",
    "CNIS_PUBLIC_SUBMISSIONS_PER_HOUR": "1000000000",
}


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time the register's pages at national scale against two baselines.",
    )
    parser.add_argument("--children", type=int, default=50_000, help="default: %(default)s")
    parser.add_argument(
        "--authority", default="878", help="DfE number of the LA (default: %(default)s, Devon)"
    )
    parser.add_argument(
        "--database-url",
        help="PostgreSQL database of the register, made if missing "
        "(default: postgres://postgres@127.0.0.1:5432/cnis_bench_<size>, e.g. cnis_bench_50k)",
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="drop the database and build the register again"
    )
    parser.add_argument("--rounds", type=int, default=5, help="default: %(default)s")
    parser.add_argument(
        "--seconds",
        type=float,
        default=5.0,
        help="least time each target is timed in each round (default: %(default)s)",
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=30,
        help="least requests to each target in each round (default: %(default)s)",
    )
    parser.add_argument(
        "--clients", type=int, default=3, help="concurrent clients (default: %(default)s)"
    )
    parser.add_argument(
        "--workers", type=int, default=3, help="gunicorn workers per server (default: %(default)s)"
    )
    parser.add_argument(
        "--warm-up", type=int, default=9, help="untimed requests per target (default: %(default)s)"
    )
    parser.add_argument(
        "--deep-page", type=int, default=500, help="the deep register page (default: %(default)s)"
    )
    parser.add_argument(
        "--no-notification",
        action="store_true",
        help="leave out the final notification post (which adds a child per request)",
    )
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for the served project, e.g. CNIS_REGISTER_PAGE_SIZE=25 (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    found = parser.parse_args(argv)
    if found.children < 1 or found.rounds < 1 or found.clients < 1 or found.deep_page < 1:
        parser.error("--children, --rounds, --clients and --deep-page must be at least 1")
    for setting in found.env:
        if "=" not in setting:
            parser.error(f"--env takes NAME=VALUE, not {setting!r}")
    return found


_STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[bench {time.monotonic() - _STARTED:6.1f} s] {message}", file=sys.stderr, flush=True)


def environment(args: argparse.Namespace, *, database_url: str, static_root: Path) -> dict:
    """What production requires (README "Deploying"), for plain HTTP on loopback."""
    return {
        **inherited_environment(),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", DEFAULT_BROKER),
        "CNIS_SECURE": "false",
        "DJANGO_STATIC_ROOT": str(static_root),
        **SERVER_SETTINGS,
        **dict(setting.split("=", 1) for setting in args.env),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(argv)
    database_url = args.database_url or default_database_url(args.children)
    workspace = Path(tempfile.mkdtemp(prefix="cnis-bench-"))
    try:
        return _run(args, database_url=database_url, workspace=workspace)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def _run(args: argparse.Namespace, *, database_url: str, workspace: Path) -> int:
    env = environment(args, database_url=database_url, static_root=workspace / "static")
    # This process reads the same settings as the servers, and nothing else from the caller.
    os.environ.clear()
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from registers.models import Child

    if args.rebuild:
        log(f"Dropping {database_name(database_url)}")
        database_drop(database_url)
    if not database_exists(database_url):
        log(f"Creating {database_name(database_url)}")
        database_create(database_url)
    log("Migrating")
    call_command("migrate", interactive=False, verbosity=0)
    started = time.monotonic()
    built = register_ensure(
        url=database_url,
        env=env,
        children=args.children,
        authority=args.authority,
        children_held=lambda: Child.objects.filter(authority__dfe_number=args.authority).count(),
        log=log,
    )
    if built:
        log(f"Register built in {time.monotonic() - started:.0f} s")
    call_command("collectstatic", interactive=False, verbosity=0)
    connections.close_all()

    log(f"Serving the project and a bare Django project ({args.workers} workers each)")
    project = Server(
        app="cnis.wsgi:application",
        env=env,
        ready_path="/healthz",
        log=workspace / "project.log",
    )
    bare = Server(
        app="bench.bare.wsgi:application",
        env={**env, "DJANGO_SETTINGS_MODULE": "bench.bare.settings"},
        ready_path="/",
        log=workspace / "bare.log",
    )
    with gunicorn(project, bare, workers=args.workers) as (project_port, bare_port):
        try:
            return _time(args, project_port=project_port, bare_port=bare_port)
        except Exception:
            for server in (project, bare):
                log(f"The end of {server.app}'s log:\n{tail(server.log)}")
            raise


def _time(args: argparse.Namespace, *, project_port: int, bare_port: int) -> int:
    from bench import report
    from bench.statements import statement_counts
    from bench.targets import targets

    found = targets(
        project_port=project_port,
        bare_port=bare_port,
        authority_number=args.authority,
        deep_page=args.deep_page,
        with_notification=not args.no_notification,
        log=log,
    )
    log("Counting each page's SQL statements (apart from the timing)")
    # The bare project has no database: it runs no statement.
    statements = {found.bare.key: 0} | statement_counts(found.every, skip=[found.bare.key])
    load_before = report.machine()["load_average"]
    log(
        f"Timing {len(found.every)} targets: {args.rounds} rounds, {args.clients} clients, "
        f"at least {args.requests} requests and {args.seconds:g} s per target per round"
    )
    run_rounds(
        found.every,
        rounds=args.rounds,
        clients=args.clients,
        requests=args.requests,
        seconds=args.seconds,
        warm_up=args.warm_up,
        log=log,
    )
    rows = report.rows(
        found.every, signed_in=found.signed_in, bare=found.bare, statements=statements
    )
    print(report.table(rows))
    print()
    print(report.notes(rows))
    if args.json:
        report.write_json(
            args.json,
            {
                "commit": report.commit(),
                "children": args.children,
                "authority": args.authority,
                "rounds": args.rounds,
                "clients": args.clients,
                "workers": args.workers,
                "seconds_per_round": args.seconds,
                "requests_per_round": args.requests,
                "server_settings": SERVER_SETTINGS
                | dict(setting.split("=", 1) for setting in args.env),
                "machine": report.machine() | {"load_average_before": load_before},
                "targets": rows,
            },
        )
        log(f"Figures written to {args.json}")
    return 0
