"""The benchmark harness (bench/) works end to end at a tiny size: it builds a register on
PostgreSQL, serves it with gunicorn, signs in through the real pages and gives every target its
figures and ratios. How fast the pages are is the benchmark's business, not this test's."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from bench.register import database_drop

ROOT = Path(__file__).resolve().parents[2]

# Every page the harness times, and its two baselines.
TARGETS = {
    "bare_django",
    "trivial_signed_in",
    "trivial_anonymous",
    "register_first",
    "register_deep",
    "register_last",
    "dashboard",
    "register_search",
    "review_queue",
    "child_record",
    "provider_page",
    "start_page",
    "notification_sent",
}


@pytest.fixture
def bench_database_url(postgres_only):
    """A database of its own on the test run's server, so that parallel runs never meet."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    name = f"{parts.path.lstrip('/')}_harness_{uuid.uuid4().hex[:8]}"
    url = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        yield url
    finally:
        database_drop(url)


def run_bench(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bench", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.postgres
def test_the_harness_gives_every_page_its_figures_and_ratios(bench_database_url, tmp_path):
    figures_file = tmp_path / "figures.json"

    result = run_bench(
        "--children", "30",
        "--database-url", bench_database_url,
        # Five to a page, so the register has six pages: page 3 is the deep one.
        "--env", "CNIS_REGISTER_PAGE_SIZE=5",
        "--deep-page", "3",
        "--rounds", "1",
        "--seconds", "0",
        "--requests", "3",
        "--warm-up", "3",
        "--json", str(figures_file),
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    report = json.loads(figures_file.read_text())
    rows = {row["key"]: row for row in report["targets"]}
    assert set(rows) == TARGETS
    for row in rows.values():
        assert row["requests"] >= 3, row
        assert 0 < row["median_ms"] <= row["p95_ms"], row
        assert row["p95_ratio_signed_in_trivial"] > 0, row
        assert row["p95_ratio_bare_django"] > 0, row
        assert row["name"] in result.stdout
    assert rows["trivial_signed_in"]["p95_ratio_signed_in_trivial"] == 1
    assert rows["bare_django"]["p95_ratio_bare_django"] == 1
    # Each page that reads the register runs SQL; the counts sit beside the timings.
    for key in TARGETS - {"bare_django", "trivial_anonymous"}:
        assert rows[key]["statements"] >= 1, rows[key]
    # The deep and last pages were found through the register's own links.
    assert rows["register_deep"]["name"] == "register page 3"
    paths = {rows[key]["path"] for key in ("register_first", "register_deep", "register_last")}
    assert len(paths) == 3
    assert "p95 ÷ signed-in trivial" in result.stdout
