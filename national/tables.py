"""The published files' breakdowns, each read from its place in the la-return contract (plain
Python): the one list the database's adding up and the publication both follow."""

from dataclasses import dataclass

TOTAL = "Total"
TOTAL_CODE = "total"
HOME = ("census", "elective_home_education")
MISSING = ("census", "children_missing_education")
MAINSTREAM = (*HOME, "previous_school_mainstream")
YEAR = ("academic_year",)


@dataclass(frozen=True)
class Topic:
    """A breakdown of a file: a list of rows in the return (`path`), or one count in it with
    the code and label given (`scalar`). Percentages are of `percent_of`'s total, else `z`;
    rates per 100 children aged 5 to 16 are given for `rated` rows, else `z`."""

    name: str
    path: tuple[str, ...]
    scalar: tuple[str, str] | None = None
    percent_of: str | None = None
    rated: bool = False


@dataclass(frozen=True)
class PublishedFile:
    name: str
    title: str
    topics: tuple[Topic, ...]
    # The academic-year figures run from 1 September to the census date.
    time_identifier: str | None = None


def _total(path: tuple[str, ...], name: str = TOTAL) -> Topic:
    return Topic(name, path, scalar=(TOTAL_CODE, TOTAL), rated=True)


FILES: tuple[PublishedFile, ...] = (
    PublishedFile(
        "ehe_census",
        "Children in elective home education on the census date",
        (
            _total((*HOME, "total")),
            Topic("Sex", (*HOME, "sex"), percent_of=TOTAL),
            Topic("Year group", (*HOME, "year_group"), percent_of=TOTAL),
            Topic("Reason", (*HOME, "primary_reason"), percent_of=TOTAL),
        ),
    ),
    PublishedFile(
        "ehe_academic_year",
        "Children in elective home education at any point in the academic year to date",
        (
            _total((*YEAR, "children_at_any_point")),
            *(
                Topic(label, (*YEAR, field), scalar=(field, label))
                for field, label in (
                    ("starts", "Starts"),
                    ("returns_to_school", "Returns to school"),
                    ("section_437_notices", "Section 437(1) notices"),
                    ("attendance_orders_issued", "School attendance orders issued"),
                    ("attendance_orders_revoked", "School attendance orders revoked"),
                )
            ),
            Topic("Previous school type", (*YEAR, "previous_school_type"), percent_of=TOTAL),
        ),
    ),
    PublishedFile(
        "cme_census",
        "Children missing education on the census date",
        (
            _total((*MISSING, "total")),
            Topic("Duration", (*MISSING, "time_missing"), percent_of=TOTAL),
            Topic("Reason", (*MISSING, "reason"), percent_of=TOTAL),
        ),
    ),
    PublishedFile(
        "ehe_sen",
        "Children in elective home education on the census date by special educational "
        "needs provision, and those whose previous school was a mainstream school",
        (
            _total((*HOME, "total")),
            Topic("SEN provision", (*HOME, "sen_provision"), percent_of=TOTAL),
            Topic(
                "Previous school mainstream",
                (*MAINSTREAM, "total"),
                scalar=(TOTAL_CODE, "Previous school mainstream"),
                percent_of=TOTAL,
            ),
            Topic(
                "SEN provision, previous school mainstream",
                (*MAINSTREAM, "sen_provision"),
                percent_of="Previous school mainstream",
            ),
            Topic(
                "Reason, previous school mainstream",
                (*MAINSTREAM, "primary_reason"),
                percent_of="Previous school mainstream",
            ),
        ),
    ),
)
FILES_BY_NAME = {published.name: published for published in FILES}
