"""National curriculum year groups, as used in school census and national returns."""

from datetime import date, timedelta

from registers.rules.school_age import birthday

# Index n is national curriculum year n; the labels are those of the published national
# return, so they must not be reworded.
YEAR_GROUP_LABELS: tuple[str, ...] = ("Reception", *(f"Year {n}" for n in range(1, 12)))

# The national curriculum's key stages (Education Act 2002 s.82), with Reception, the last
# year of the early years foundation stage: each a code, a label and its years (0 is Reception).
KEY_STAGES: tuple[tuple[str, str, range], ...] = (
    ("eyfs", "Early years foundation stage (Reception)", range(0, 1)),
    ("ks1", "Key stage 1 (Years 1 and 2)", range(1, 3)),
    ("ks2", "Key stage 2 (Years 3 to 6)", range(3, 7)),
    ("ks3", "Key stage 3 (Years 7 to 9)", range(7, 10)),
    ("ks4", "Key stage 4 (Years 10 and 11)", range(10, 12)),
)


def academic_year_start(on: date) -> date:
    """Return 1 September of the academic year that contains `on`."""
    # Year groups and national returns use the DfE academic year of 1 September to
    # 31 August, the same year school_age uses for EA 1996 s.8(3).
    year = on.year if on.month >= 9 else on.year - 1
    return date(year, 9, 1)


def age_on(date_of_birth: date, on: date) -> int:
    """Return the age in whole years attained on `on` (negative before the date of birth)."""
    years = on.year - date_of_birth.year
    return years - 1 if birthday(date_of_birth, years) > on else years


def national_curriculum_year(date_of_birth: date, on: date) -> int:
    """Return the national curriculum year on `on`: 0 is Reception, 1 to 11 are Years 1 to 11.

    Values below 0 are nursery age and younger; values above 11 are beyond Year 11.
    """
    # Children are grouped by their age on 31 August before the academic year begins, which
    # is the cohort boundary that s.8 and the prescribed days follow.
    cohort_day = academic_year_start(on) - timedelta(days=1)
    return age_on(date_of_birth, cohort_day) - 4


def year_group_birth_dates(year: int, on: date) -> tuple[date, date]:
    """Return the first and last dates of birth of children in national curriculum `year` on
    `on` (0 is Reception): one September-to-August cohort, as national_curriculum_year groups
    them."""
    cohort_year = academic_year_start(on).year - year - 5
    return date(cohort_year, 9, 1), date(cohort_year + 1, 8, 31)


def year_group_label(date_of_birth: date, on: date) -> str | None:
    """Return the year group label on `on`, or None outside Reception to Year 11."""
    year = national_curriculum_year(date_of_birth, on)
    if 0 <= year < len(YEAR_GROUP_LABELS):
        return YEAR_GROUP_LABELS[year]
    return None
