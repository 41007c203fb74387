"""The national return's definitions and code lists, at the boundaries where they change."""

import pytest

from registers.rules.census import Term
from registers.rules.returns import (
    CME_REASON,
    CME_TIME_MISSING,
    CODE_LISTS,
    PREVIOUS_SCHOOL_TYPE,
    PRIMARY_REASON,
    SEN_PROVISION,
    SEX,
    YEAR_GROUP,
    cme_duration_band,
    return_period_refusal,
    small_percentage_symbol,
)

SUMMER_2022 = (2021, Term.SUMMER)  # the term before the first return
AUTUMN_2022 = (2022, Term.AUTUMN)  # the first return
SUMMER_2023 = (2022, Term.SUMMER)  # the last term before CME time missing and reason
AUTUMN_2023 = (2023, Term.AUTUMN)
SUMMER_2025 = (2024, Term.SUMMER)  # the last term of 2024/25
AUTUMN_2025 = (2025, Term.AUTUMN)  # the first of 2025/26
SPRING_2030 = (2029, Term.SPRING)


def _labels(code_list, period) -> dict[str, str] | None:
    codes = code_list.in_period(period)
    return None if codes is None else dict(codes)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        pytest.param(AUTUMN_2022, "Sex unknown", id="autumn-2022"),
        pytest.param(SUMMER_2025, "Sex unknown", id="summer-2025-last-before"),
        pytest.param(AUTUMN_2025, "Unknown", id="autumn-2025-first-after"),
        pytest.param(SPRING_2030, "Unknown", id="later"),
    ],
)
def test_sex_unknown_is_relabelled_from_2025_26(period, expected):
    assert _labels(SEX, period) == {"female": "Female", "male": "Male", "unknown": expected}


NEW_REASONS_2025 = {
    "place_not_accepted": "Offered school place but not yet accepted",
    "did_not_apply": "Did not apply for school place at compulsory school age",
}


@pytest.mark.parametrize(
    ("period", "has_new_reasons"),
    [
        pytest.param(AUTUMN_2022, False, id="autumn-2022"),
        pytest.param(SUMMER_2025, False, id="summer-2025-last-before"),
        pytest.param(AUTUMN_2025, True, id="autumn-2025-first-after"),
    ],
)
def test_two_primary_reasons_exist_only_from_autumn_2025(period, has_new_reasons):
    labels = _labels(PRIMARY_REASON, period)
    assert len(labels) == (19 if has_new_reasons else 17)
    for code, label in NEW_REASONS_2025.items():
        assert (labels.get(code) == label) is has_new_reasons
    assert labels["dissatisfaction_send"] == "School dissatisfaction SEND"
    assert labels["philosophical"] == "Philosophical or preferential"


def test_primary_reasons_keep_the_published_order_with_the_new_ones_among_school_places():
    codes = [code for code, _ in PRIMARY_REASON.in_period(AUTUMN_2025)]
    assert codes[11:15] == [
        "no_school_preference",
        "no_suitable_place",
        "place_not_accepted",
        "did_not_apply",
    ]


@pytest.mark.parametrize("period", [AUTUMN_2022, SUMMER_2025, AUTUMN_2025])
def test_year_groups_run_from_reception_to_year_11_then_unknown(period):
    assert [label for _, label in YEAR_GROUP.in_period(period)] == [
        "Reception",
        *(f"Year {n}" for n in range(1, 12)),
        "Unknown",
    ]


DURATION_LABELS = [
    "Less than 2 weeks",
    "2 to 4 weeks",
    "4 to 8 weeks",
    "8 to 12 weeks",
    "12 to 26 weeks",
    "26 to 52 weeks",
    "Over 52 weeks",
    "Unknown",
]


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        pytest.param(SUMMER_2023, None, id="summer-2023-not-yet-collected"),
        pytest.param(AUTUMN_2023, DURATION_LABELS, id="autumn-2023-first"),
        pytest.param(AUTUMN_2025, DURATION_LABELS, id="autumn-2025"),
    ],
)
def test_time_missing_bands_are_collected_from_autumn_2023(period, expected):
    codes = CME_TIME_MISSING.in_period(period)
    assert (None if codes is None else [label for _, label in codes]) == expected


CME_REASONS_NEW_2025 = {
    "Offered school place but not yet accepted",
    "Did not apply for school place at compulsory school age",
    "Did not get school preference",
    "Difficulty accessing suitable school place",
    "Parental decision not to register at school",
}


@pytest.mark.parametrize(
    ("period", "count", "has_new"),
    [
        pytest.param(SUMMER_2023, None, False, id="summer-2023-not-yet-collected"),
        pytest.param(AUTUMN_2023, 15, False, id="autumn-2023-first"),
        pytest.param(SUMMER_2025, 15, False, id="summer-2025-last-before"),
        pytest.param(AUTUMN_2025, 20, True, id="autumn-2025-first-after"),
    ],
)
def test_five_cme_reasons_are_added_in_autumn_2025(period, count, has_new):
    labels = _labels(CME_REASON, period)
    assert (None if labels is None else len(labels)) == count
    if labels is not None:
        assert (CME_REASONS_NEW_2025 <= set(labels.values())) is has_new
        assert CME_REASONS_NEW_2025.isdisjoint(labels.values()) is not has_new
        assert {"Unknown", "Not recorded", "Other"} <= set(labels.values())


@pytest.mark.parametrize("code_list", CODE_LISTS, ids=lambda code_list: code_list.name)
def test_every_list_counts_what_it_does_not_list_under_a_code_it_has_in_every_period(code_list):
    # Otherwise a breakdown could not add up to its total.
    periods = [(year, term) for year in range(2022, 2031) for term in Term]
    for period in periods:
        codes = code_list.in_period(period)
        if codes is not None:
            assert code_list.rest in dict(codes), period


@pytest.mark.parametrize(
    "code_list",
    [SEX, YEAR_GROUP, PRIMARY_REASON, SEN_PROVISION, PREVIOUS_SCHOOL_TYPE],
    ids=lambda code_list: code_list.name,
)
def test_the_ehe_lists_are_there_from_the_first_return_and_not_before(code_list):
    assert code_list.in_period(SUMMER_2022) is None
    assert code_list.in_period(AUTUMN_2022)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        pytest.param(SUMMER_2022, None, id="before-the-first-return"),
        pytest.param(AUTUMN_2022, "<0.5", id="autumn-2022"),
        pytest.param(SUMMER_2025, "<0.5", id="summer-2025-last-before"),
        pytest.param(AUTUMN_2025, "low", id="autumn-2025-first-after"),
    ],
)
def test_small_percentages_show_low_from_2025_26(period, expected):
    assert small_percentage_symbol(period) == expected


@pytest.mark.parametrize(
    ("period", "refused"),
    [
        pytest.param(SUMMER_2022, True, id="summer-2022"),
        pytest.param((2021, Term.AUTUMN), True, id="autumn-2021"),
        pytest.param(AUTUMN_2022, False, id="autumn-2022"),
        pytest.param(SPRING_2030, False, id="later"),
    ],
)
def test_a_return_can_be_made_from_autumn_2022(period, refused):
    refusal = return_period_refusal(period)
    assert (refusal is not None) is refused
    if refused:
        assert refusal == (
            "The national return began with the autumn term of 2022-23: "
            "choose that term or a later one"
        )


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        pytest.param(0, "under_2_weeks", id="0"),
        pytest.param(13, "under_2_weeks", id="13"),
        pytest.param(14, "2_to_4_weeks", id="14"),
        pytest.param(27, "2_to_4_weeks", id="27"),
        pytest.param(28, "4_to_8_weeks", id="28"),
        pytest.param(55, "4_to_8_weeks", id="55"),
        pytest.param(56, "8_to_12_weeks", id="56"),
        pytest.param(83, "8_to_12_weeks", id="83"),
        pytest.param(84, "12_to_26_weeks", id="84"),
        pytest.param(181, "12_to_26_weeks", id="181"),
        pytest.param(182, "26_to_52_weeks", id="182"),
        pytest.param(363, "26_to_52_weeks", id="363"),
        pytest.param(364, "over_52_weeks", id="364"),
        pytest.param(2000, "over_52_weeks", id="2000"),
        pytest.param(None, "unknown", id="not-known"),
        pytest.param(-1, "unknown", id="after-the-census"),
    ],
)
def test_time_missing_bands_include_their_lower_end(days, expected):
    assert cme_duration_band(days) == expected
