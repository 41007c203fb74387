"""The Explore Education Statistics file standards, applied to a data file and its meta file
as written (plain Python): every failure named by file, line and column, so that no file is
offered until it has none."""

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from national.geography import COUNTRY_CODE, COUNTRY_NAME, local_authorities, regions

TIME_COLUMNS = ("time_period", "time_identifier")
GEOGRAPHY_COLUMNS = (
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
)
# The geography columns a row of each level must fill; it leaves the others blank.
LEVEL_COLUMNS = {
    "National": ("country_code", "country_name"),
    "Regional": ("country_code", "country_name", "region_code", "region_name"),
    "Local authority": GEOGRAPHY_COLUMNS[1:],
}
TIME_IDENTIFIERS = {"Autumn term", "Spring term", "Summer term", "Academic year"}
SYMBOLS = {"x", "z", "low", "c", "u"}
# `<0.5` was the publication's small percentage before 2025/26, and only for percentages.
OLD_SMALL_PERCENTAGE = "<0.5"
NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
META_COLUMNS = (
    "col_name",
    "col_type",
    "label",
    "indicator_grouping",
    "indicator_unit",
    "indicator_dp",
    "filter_hint",
    "filter_grouping_column",
)
INDICATOR_UNITS = {"", "%", "£", "£m", "pp"}


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as lines:
        reader = csv.DictReader(lines)
        return list(reader.fieldnames or []), list(reader)


def _row_failures(
    row: dict[str, str], filters: list[str], indicators: list[str], percentages: set[str]
) -> Iterator[str]:
    period = row.get("time_period", "")
    if not (re.fullmatch(r"[0-9]{6}", period) and (int(period[2:4]) + 1) % 100 == int(period[4:])):
        yield f"time_period: {period!r} is not an academic year like 202526"
    if row.get("time_identifier") not in TIME_IDENTIFIERS:
        yield f"time_identifier: {row.get('time_identifier')!r} is not one EES allows here"
    level = row.get("geographic_level", "")
    if level not in LEVEL_COLUMNS:
        yield f"geographic_level: {level!r} is not National, Regional or Local authority"
        return
    for column in GEOGRAPHY_COLUMNS[1:]:
        filled = bool(row.get(column))
        if column in LEVEL_COLUMNS[level] and not filled:
            yield f"{column}: blank, and a {level} row needs it"
        elif column not in LEVEL_COLUMNS[level] and filled:
            yield f"{column}: filled, and a {level} row leaves it blank"
    if (row["country_code"], row["country_name"]) != (COUNTRY_CODE, COUNTRY_NAME):
        yield f"country_code: {row['country_code']} {row['country_name']!r} is not England"
    if row["region_code"] and regions().get(row["region_code"]) != row["region_name"]:
        yield f"region_code: {row['region_code']} is not the code of {row['region_name']!r}"
    if row["old_la_code"]:
        place = local_authorities().get(row["old_la_code"])
        if place is None or (place.new_la_code, place.la_name, place.region_code) != (
            row["new_la_code"],
            row["la_name"],
            row["region_code"],
        ):
            yield (
                f"old_la_code: {row['old_la_code']}, {row['new_la_code']} and "
                f"{row['la_name']!r} do not name one LA in {row['region_name']!r}"
            )
    for column in filters:
        if not row.get(column):
            yield f"{column}: blank"
    for column in indicators:
        value = row.get(column, "")
        if value == "":
            yield f"{column}: blank (use x, z or low)"
        elif value == OLD_SMALL_PERCENTAGE:
            if column not in percentages or period >= "202526":
                yield f"{column}: {value} is allowed only for a percentage before 2025/26"
        elif not NUMBER.match(value) and value not in SYMBOLS:
            yield f"{column}: {value!r} is neither a number nor a symbol EES allows"


def _meta_failures(
    meta_name: str, meta_columns: list[str], meta: list[dict[str, str]], data_columns: list[str]
) -> Iterator[str]:
    if tuple(meta_columns) != META_COLUMNS:
        yield f"{meta_name}: its columns must be {', '.join(META_COLUMNS)}"
        return
    described = [row["col_name"] for row in meta]
    others = [c for c in data_columns if c not in TIME_COLUMNS + GEOGRAPHY_COLUMNS]
    for column in others:
        if described.count(column) != 1:
            times = described.count(column)
            yield f"{meta_name}: {column} must be described once (it is {times} times)"
    for line, row in enumerate(meta, start=2):
        where = f"{meta_name} line {line}"
        if row["col_name"] not in others:
            yield f"{where}: {row['col_name']!r} is not a filter or indicator column of the data"
        if row["col_type"] not in ("Filter", "Indicator"):
            yield f"{where}: col_type {row['col_type']!r} is not Filter or Indicator"
        if not row["label"]:
            yield f"{where}: label is blank"
        if row["col_type"] == "Indicator":
            if row["indicator_unit"] not in INDICATOR_UNITS:
                yield f"{where}: indicator_unit {row['indicator_unit']!r} is not one EES allows"
            if not row["indicator_dp"].isdigit():
                yield f"{where}: indicator_dp must be a whole number"
            if row["filter_grouping_column"] or row["filter_hint"]:
                yield f"{where}: an indicator has no filter hint or grouping column"
        elif row["indicator_unit"] or row["indicator_dp"] or row["indicator_grouping"]:
            yield f"{where}: a filter has no indicator unit, decimal places or grouping"
        grouping = row["filter_grouping_column"]
        if grouping and grouping not in others:
            yield f"{where}: filter_grouping_column {grouping!r} is not a column of the data"


def file_failures(data_path: Path, expected_columns: tuple[str, ...]) -> list[str]:
    """Every way the data file and its meta file (`<name>.meta.csv`) break the standards."""
    meta_path = data_path.with_name(data_path.stem + ".meta.csv")
    failures = []
    columns, rows = _read(data_path)
    if tuple(columns) != expected_columns:
        failures.append(
            f"{data_path.name}: its columns must be, in order, {', '.join(expected_columns)}"
        )
        return failures
    if not rows:
        failures.append(f"{data_path.name}: it has no rows")
    if not meta_path.exists():
        return [*failures, f"{meta_path.name}: missing"]
    meta_columns, meta = _read(meta_path)
    failures += _meta_failures(meta_path.name, meta_columns, meta, columns)
    kinds = {row.get("col_name"): row.get("col_type") for row in meta}
    filters = [c for c in columns if kinds.get(c) == "Filter"]
    indicators = [c for c in columns if kinds.get(c) == "Indicator"]
    percentages = {row.get("col_name") for row in meta if row.get("indicator_unit") == "%"}
    seen: dict[tuple, int] = {}
    for line, row in enumerate(rows, start=2):
        failures += [
            f"{data_path.name} line {line}, {failure}"
            for failure in _row_failures(row, filters, indicators, percentages)
        ]
        key = tuple(
            row[c] for c in columns if c in TIME_COLUMNS + GEOGRAPHY_COLUMNS or c in filters
        )
        if key in seen:
            failures.append(f"{data_path.name} line {line}: the same as line {seen[key]}")
        seen.setdefault(key, line)
    return failures
