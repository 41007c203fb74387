"""What the national team checks in an LA's return beyond its contract (plain Python): that it
is the return asked for, that each breakdown adds up to its total, and that it uses only the
codes the publication had in that term. Each fault is a sentence the LA can act on."""

from collections import Counter
from collections.abc import Iterator

TERMS = ("autumn", "spring", "summer")

# Codes the publication first used in a later term than the first return (autumn 2022); any
# other code the contract allows was in use from the start.
AUTUMN_2023 = (2023, "autumn")
AUTUMN_2025 = (2025, "autumn")
CODES_FROM = {
    "primary_reason": {"place_not_accepted": AUTUMN_2025, "did_not_apply": AUTUMN_2025},
    "cme_reason": {
        code: AUTUMN_2025
        for code in (
            "place_not_accepted",
            "did_not_apply",
            "no_school_preference",
            "no_suitable_place",
            "parent_not_registering",
        )
    },
}
# Children missing education: time missing and reason were collected from autumn 2023.
CME_DETAIL_FROM = AUTUMN_2023

WRONG_PERIOD = "The return is for the {found} term of {found_year}, not the {term} term of {year}"
WRONG_LA = "The return is from LA {found}, not {expected} ({name})"
NOT_ADDING_UP = "{where} adds up to {found}, not to its total of {total}"
UNKNOWN_CODE = "{where} has {code}, a code not in use in the {term} term of {year}"
REPEATED_CODE = "{where} has {code} more than once"
DETAIL_TOO_EARLY = "{where} was not collected before the autumn term of 2023-24: it must be null"
DETAIL_MISSING = "{where} is collected from the autumn term of 2023-24: it must be given"
PSEUDONYMS_NOT_TOTAL = (
    "pseudonyms/elective_home_education has {found}, not one for each of the {total} children "
    "home educated"
)
MAINSTREAM_TOO_MANY = (
    "census/elective_home_education/previous_school_mainstream/total ({mainstream}) is more "
    "than the children home educated ({total})"
)


def _order(period: tuple[int, str]) -> tuple[int, int]:
    return (period[0], TERMS.index(period[1]))


def _breakdown_faults(
    where: str, rows: list[dict], total: int, code_list: str, period: tuple[int, str]
) -> Iterator[str]:
    found = sum(row["count"] for row in rows)
    if found != total:
        yield NOT_ADDING_UP.format(where=where, found=found, total=total)
    for code, times in Counter(row["code"] for row in rows).items():
        if times > 1:
            yield REPEATED_CODE.format(where=where, code=code)
        first = CODES_FROM.get(code_list, {}).get(code)
        if first and _order(period) < _order(first):
            year, term = period
            yield UNKNOWN_CODE.format(
                where=where, code=code, term=term, year=f"{year}-{(year + 1) % 100:02d}"
            )


def return_faults(
    document: dict, *, academic_year: str, term: str, old_la_code: str, la_name: str
) -> list[str]:
    """Every fault of a return that meets the contract, for the return asked of this LA."""
    faults = []
    period = document["period"]
    if (period["academic_year"], period["term"]) != (academic_year, term):
        faults.append(
            WRONG_PERIOD.format(
                found=period["term"],
                found_year=period["academic_year"],
                term=term,
                year=academic_year,
            )
        )
    if document["local_authority"]["old_la_code"] != old_la_code:
        faults.append(
            WRONG_LA.format(
                found=document["local_authority"]["old_la_code"],
                expected=old_la_code,
                name=la_name,
            )
        )
    key = (int(period["academic_year"][:4]), period["term"])

    home = document["census"]["elective_home_education"]
    where = "census/elective_home_education"
    for name, code_list in (
        ("sex", "sex"),
        ("year_group", "year_group"),
        ("primary_reason", "primary_reason"),
        ("sen_provision", "sen_provision"),
    ):
        faults += _breakdown_faults(f"{where}/{name}", home[name], home["total"], code_list, key)
    pseudonyms = document.get("pseudonyms")
    if pseudonyms and len(pseudonyms["elective_home_education"]) != home["total"]:
        faults.append(
            PSEUDONYMS_NOT_TOTAL.format(
                found=len(pseudonyms["elective_home_education"]), total=home["total"]
            )
        )
    mainstream = home["previous_school_mainstream"]
    if mainstream["total"] > home["total"]:
        faults.append(
            MAINSTREAM_TOO_MANY.format(mainstream=mainstream["total"], total=home["total"])
        )
    for name in ("sen_provision", "primary_reason"):
        faults += _breakdown_faults(
            f"{where}/previous_school_mainstream/{name}",
            mainstream[name],
            mainstream["total"],
            name,
            key,
        )

    missing = document["census"]["children_missing_education"]
    for name, code_list in (("time_missing", "cme_time_missing"), ("reason", "cme_reason")):
        where = f"census/children_missing_education/{name}"
        rows = missing[name]
        if _order(key) < _order(CME_DETAIL_FROM):
            if rows is not None:
                faults.append(DETAIL_TOO_EARLY.format(where=where))
        elif rows is None:
            faults.append(DETAIL_MISSING.format(where=where))
        else:
            faults += _breakdown_faults(where, rows, missing["total"], code_list, key)

    year = document["academic_year"]
    faults += _breakdown_faults(
        "academic_year/previous_school_type",
        year["previous_school_type"],
        year["children_at_any_point"],
        "previous_school_type",
        key,
    )
    return faults
