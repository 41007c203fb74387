"""What the national analyst's pages read: the runs, each LA's answer, and the run's tables."""

from collections import Counter
from dataclasses import dataclass

from national.geography import COUNTRY_CODE, regions
from national.models import AreaCount, CollectionRun, GeographicLevel, LaReturnResult, Source


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: int  # of the largest bar, for the chart's width


@dataclass(frozen=True)
class Dashboard:
    run: CollectionRun | None
    runs: list[CollectionRun]
    results: list[LaReturnResult]
    statuses: dict[str, int]
    totals: dict[str, int]  # file: England's total
    regions: list[tuple[str, int]]  # (published region, children home educated)
    reasons: list[Bar]
    year_groups: list[Bar]


def _bars(counts: list[AreaCount]) -> list[Bar]:
    largest = max((count.child_count for count in counts), default=0) or 1
    return [
        Bar(count.breakdown, count.child_count, round(100 * count.child_count / largest))
        for count in counts
    ]


def run_get(academic_year: str, term: str) -> CollectionRun | None:
    return CollectionRun.objects.filter(academic_year=academic_year, term=term).first()


def dashboard_read(run: CollectionRun | None) -> Dashboard:
    """The run's state and tables (the newest run if none is named). A fixed number of reads."""
    runs = list(CollectionRun.objects.all())
    run = run or (runs[0] if runs else None)
    if run is None:
        return Dashboard(None, [], [], {}, {}, [], [], [])
    results = list(run.results.select_related("source"))
    national = list(
        run.counts.filter(
            area_code=COUNTRY_CODE, file__in=("ehe_census", "cme_census", "ehe_academic_year")
        ).order_by("position")
    )
    census = [count for count in national if count.file == "ehe_census"]
    return Dashboard(
        run=run,
        runs=runs,
        results=results,
        statuses=Counter(result.status for result in results),
        totals={
            count.file: count.child_count for count in national if count.breakdown_topic == "Total"
        },
        regions=[
            (regions().get(count.area_code, count.area_code), count.child_count)
            for count in run.counts.filter(
                file="ehe_census",
                geographic_level=GeographicLevel.REGIONAL,
                breakdown_code="total",
            ).order_by("area_code")
        ],
        reasons=_bars([count for count in census if count.breakdown_topic == "Reason"]),
        year_groups=_bars([count for count in census if count.breakdown_topic == "Year group"]),
    )


def sources_read() -> list[Source]:
    return list(Source.objects.all())
