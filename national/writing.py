"""Writing a run's publication to a folder: each file and its meta file written, checked
against the EES standards, and offered (moved to its own name) only if it passes."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from national.ees import META_COLUMNS, file_failures
from national.publication import DATA_COLUMNS, META_ROWS, Publication

# Written under this name, checked, and only then given the file's own name.
UNCHECKED = ".unchecked"


@dataclass
class Written:
    offered: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _write(path: Path, columns: tuple[str, ...], rows: list) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row[c] for c in columns] if isinstance(row, dict) else row)


def publication_write(publication: Publication, folder: Path) -> Written:
    folder.mkdir(parents=True, exist_ok=True)
    written = Written()
    for name, rows in publication.files.items():
        staging = folder / UNCHECKED
        staging.mkdir(exist_ok=True)
        data, meta = staging / f"{name}.csv", staging / f"{name}.meta.csv"
        _write(data, DATA_COLUMNS, rows)
        _write(meta, META_COLUMNS, META_ROWS)
        if failures := file_failures(data, DATA_COLUMNS):
            written.failures += failures
            continue
        for path in (data, meta):
            offered = folder / path.name
            path.replace(offered)
            written.offered.append(offered)
    staging = folder / UNCHECKED
    if staging.exists() and not any(staging.iterdir()):
        staging.rmdir()
    return written
