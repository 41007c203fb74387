"""The figures: a table on the terminal and, if asked, the same as JSON."""

import json
import os
import platform
import subprocess
from collections.abc import Sequence
from pathlib import Path

from bench.register import ROOT
from bench.timing import Target, figures, ratio


def machine() -> dict:
    memory_kb = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def rows(
    targets: Sequence[Target], *, signed_in: Target, bare: Target, statements: dict[str, int]
) -> list[dict]:
    result = []
    for target in targets:
        found = figures(target)
        result.append(
            {
                "key": target.key,
                "name": target.name,
                "path": target.path,
                "note": target.note,
                "requests": found.requests,
                "statements": statements.get(target.key),
                "median_ms": round(found.median_ms, 1),
                "p95_ms": round(found.p95_ms, 1),
                "round_p95_ms": [round(value, 1) for value in found.round_p95_ms],
                "p95_ratio_signed_in_trivial": round(ratio(target, signed_in), 2),
                "p95_ratio_bare_django": round(ratio(target, bare), 2),
            }
        )
    return result


HEADINGS = (
    "page",
    "requests",
    "SQL",
    "median ms",
    "p95 ms",
    "p95 ÷ signed-in trivial",
    "p95 ÷ bare Django",
)


def table(found: Sequence[dict]) -> str:
    lines = [
        (
            row["name"],
            str(row["requests"]),
            "" if row["statements"] is None else str(row["statements"]),
            f"{row['median_ms']:.1f}",
            f"{row['p95_ms']:.1f}",
            f"{row['p95_ratio_signed_in_trivial']:.1f}",
            f"{row['p95_ratio_bare_django']:.1f}",
        )
        for row in found
    ]
    widths = [max(len(cells[column]) for cells in [HEADINGS, *lines]) for column in range(7)]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    return "\n".join([line(HEADINGS), line(["-" * width for width in widths]), *map(line, lines)])


def notes(found: Sequence[dict]) -> str:
    return "\n".join(
        f"{row['name']}: {row['path']}" + (f" ({row['note']})" if row["note"] else "")
        for row in found
    )


def write_json(path: Path, report: dict) -> None:
    path.write_text(json.dumps(report, indent=2) + "\n")
