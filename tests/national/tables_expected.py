"""The published figures worked out in the test, from the children the test put on each
register: the publication's rounding, in integers, written here and not taken from national/."""

LOCAL, NATIONAL = 10, 100


def count_shown(count: int, step: int) -> str:
    rounded = (count + step // 2) // step * step
    return "low" if count and not rounded else str(rounded)


def percent_shown(count: int, of: int) -> str:
    rounded = (200 * count + of) // (2 * of)  # half up, whole number
    return "low" if count and not rounded else str(rounded)


def rate_shown(count: int, population: int) -> str:
    tenths = (2000 * count + population) // (2 * population)  # half up, tenths
    return "low" if count and not tenths else f"{tenths // 10}.{tenths % 10}"


def csv_rows(path) -> list[dict[str, str]]:
    import csv

    with path.open(newline="", encoding="utf-8") as lines:
        return list(csv.DictReader(lines))


def row_for(rows, *, level: str, area: str, topic: str, breakdown: str) -> dict[str, str]:
    """The one row of the area (ONS code, or the region's, or E92000001) and breakdown."""
    code_column = {"National": "country_code", "Regional": "region_code"}.get(level, "new_la_code")
    found = [
        row
        for row in rows
        if row["geographic_level"] == level
        and row[code_column] == area
        and row["breakdown_topic"] == topic
        and row["breakdown"] == breakdown
    ]
    assert len(found) == 1, (level, area, topic, breakdown, len(found))
    return found[0]
