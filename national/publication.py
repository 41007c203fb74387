"""A run's tables in the Explore Education Statistics layout: for each file its rows (England,
then each region, then each LA), every LA without a valid return shown with `x` rather than
left out, and its meta rows."""

from collections import defaultdict
from dataclasses import dataclass

from national.ees import GEOGRAPHY_COLUMNS, TIME_COLUMNS
from national.geography import COUNTRY_CODE, COUNTRY_NAME
from national.models import (
    AreaCount,
    CollectionRun,
    GeographicLevel,
    Population,
    ReturnStatus,
    Source,
    Term,
)
from national.rounding import (
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    count_shown,
    percent_shown,
    rate_shown,
)
from national.tables import FILES, TOTAL_CODE, PublishedFile

# The EES columns of time and geography, then the files' own filters and indicators.
DATA_COLUMNS = (
    *TIME_COLUMNS,
    *GEOGRAPHY_COLUMNS,
    "breakdown_topic",
    "breakdown",
    "child_count",
    "child_percent",
    "rate_per_100",
)
META_ROWS = (
    (
        "breakdown_topic",
        "Filter",
        "Breakdown topic",
        "",
        "",
        "",
        "What the children are counted by",
        "",
    ),
    ("breakdown", "Filter", "Breakdown", "", "", "", "", "breakdown_topic"),
    ("child_count", "Indicator", "Number of children", "", "", "0", "", ""),
    ("child_percent", "Indicator", "Percentage of children", "", "%", "0", "", ""),
    ("rate_per_100", "Indicator", "Rate per 100 children aged 5 to 16", "", "", "1", "", ""),
)
LEVEL_ORDER = {
    GeographicLevel.NATIONAL: 0,
    GeographicLevel.REGIONAL: 1,
    GeographicLevel.LOCAL_AUTHORITY: 2,
}


@dataclass(frozen=True)
class Publication:
    run: CollectionRun
    files: dict[str, list[dict[str, str]]]
    missing: list[Source]  # LAs without a valid return: shown with x


def _time_period(academic_year: str) -> str:
    return academic_year[:4] + academic_year[5:7]


def _populations(sources: list[Source], valid: set[int]) -> dict[str, int | None]:
    """Each area's population aged 5 to 16, over its LAs with a valid return; None if one of
    those LAs has none loaded."""
    known = dict(Population.objects.values_list("new_la_code", "population"))
    areas: dict[str, int | None] = defaultdict(int)
    for source in sources:
        if source.pk not in valid:
            continue
        population = known.get(source.new_la_code)
        for area in (source.new_la_code, source.region_code, COUNTRY_CODE):
            areas[area] = (
                None if population is None or areas[area] is None else areas[area] + population
            )
    return areas


def _geography(level: str, source: Source | None, region: tuple[str, str] | None) -> dict:
    row = {"geographic_level": level, "country_code": COUNTRY_CODE, "country_name": COUNTRY_NAME}
    row |= dict.fromkeys(
        ("region_code", "region_name", "old_la_code", "new_la_code", "la_name"), ""
    )
    if region:
        row["region_code"], row["region_name"] = region
    if source:
        row |= {
            "old_la_code": source.old_la_code,
            "new_la_code": source.new_la_code,
            "la_name": source.la_name,
        }
    return row


def _file_rows(
    published: PublishedFile,
    run: CollectionRun,
    counts: list[AreaCount],
    sources: list[Source],
    valid: set[int],
    populations: dict[str, int | None],
) -> list[dict[str, str]]:
    time = {
        "time_period": _time_period(run.academic_year),
        "time_identifier": Term(run.term).label,
    }
    topics = {topic.name: topic for topic in published.topics}
    by_area = defaultdict(list)
    for count in counts:
        by_area[count.area_code].append(count)
    totals = {
        (count.area_code, count.breakdown_topic): count.child_count
        for count in counts
        if count.breakdown_code == TOTAL_CODE
    }
    regions = {source.region_code: source.region_name for source in sources}
    # Every area has England's breakdowns; with no valid return at all, just the totals.
    template = [
        (count.breakdown_topic, count.breakdown_code, count.breakdown)
        for count in sorted(by_area.get(COUNTRY_CODE, []), key=lambda count: count.position)
    ] or [(topic.name, *topic.scalar) for topic in published.topics if topic.scalar]

    areas = [(GeographicLevel.NATIONAL, COUNTRY_CODE, None, None)]
    areas += [
        (GeographicLevel.REGIONAL, code, None, (code, regions[code])) for code in sorted(regions)
    ]
    areas += [
        (
            GeographicLevel.LOCAL_AUTHORITY,
            source.new_la_code,
            source,
            (source.region_code, source.region_name),
        )
        for source in sorted(sources, key=lambda source: (source.region_code, source.la_name))
    ]
    rows = []
    for level, code, source, region in areas:
        geography = _geography(level, source, region)
        missing = source is not None and source.pk not in valid
        area_counts = {(c.breakdown_topic, c.breakdown_code): c for c in by_area.get(code, [])}
        for topic_name, breakdown_code, breakdown in template:
            topic = topics[topic_name]
            row = {**time, **geography, "breakdown_topic": topic_name, "breakdown": breakdown}
            count = area_counts.get((topic_name, breakdown_code))
            if missing or count is None:
                row |= dict.fromkeys(
                    ("child_count", "child_percent", "rate_per_100"), NOT_AVAILABLE
                )
            else:
                of = totals.get((code, topic.percent_of)) if topic.percent_of else None
                row["child_count"] = count_shown(
                    count.child_count, national=level == GeographicLevel.NATIONAL
                )
                row["child_percent"] = (
                    percent_shown(count.child_count, of, time_period=time["time_period"])
                    if topic.percent_of
                    else NOT_APPLICABLE
                )
                row["rate_per_100"] = (
                    rate_shown(count.child_count, populations.get(code))
                    if topic.rated
                    else NOT_APPLICABLE
                )
            rows.append(row)
    return rows


def publication_read(run: CollectionRun) -> Publication:
    """The run's files, row by row, as they are to be written."""
    sources = list(Source.objects.all())
    valid = set(run.results.filter(status=ReturnStatus.VALID).values_list("source_id", flat=True))
    populations = _populations(sources, valid)
    counts_by_file = defaultdict(list)
    for count in run.counts.all():
        counts_by_file[count.file].append(count)
    files = {
        published.name: _file_rows(
            published, run, counts_by_file[published.name], sources, valid, populations
        )
        for published in FILES
    }
    missing = [source for source in sources if source.pk not in valid]
    return Publication(run=run, files=files, missing=missing)
