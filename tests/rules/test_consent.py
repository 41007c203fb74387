"""Consent decisions (s.434A): the checks at their boundaries, and the date a refused parent may
ask again."""

from datetime import date

import pytest

from registers.rules.consent import (
    consent_decision_errors,
    consent_request_errors,
    re_request_from,
    re_request_refusal,
)

REQUESTED = date(2026, 9, 10)
TODAY = date(2026, 9, 30)


def decision(**fields):
    return consent_decision_errors(
        **{
            "decision": "refused",
            "best_interests_analysis": "Assessed",
            "reasons": "Because",
            "decided_on": TODAY,
            "requested_on": REQUESTED,
            "today": TODAY,
            **fields,
        }
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"decision": ""}, "decision"),
        ({"decision": "maybe"}, "decision"),
        ({"reasons": " \n"}, "reasons"),
        ({"reasons": "x" * 5_001}, "reasons"),
        ({"best_interests_analysis": ""}, "best_interests_analysis"),
        ({"decided_on": date(2026, 9, 9)}, "decided_on"),
        ({"decided_on": date(2026, 10, 1)}, "decided_on"),
        ({"decided_on": None}, "decided_on"),
    ],
)
def test_a_decision_missing_something_or_out_of_order_is_refused(fields, field):
    assert list(decision(**fields)) == [field]


@pytest.mark.parametrize("decided_on", [REQUESTED, TODAY])
def test_a_decision_on_the_day_of_the_request_or_today_is_accepted(decided_on):
    assert decision(decided_on=decided_on, reasons="x" * 5_000) == {}


@pytest.mark.parametrize(
    ("refused_on", "months", "again"),
    [
        (date(2026, 1, 15), 6, date(2026, 7, 15)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 3, 1), 12, date(2027, 3, 1)),
    ],
)
def test_a_refused_parent_may_ask_again_after_the_las_period(refused_on, months, again):
    assert re_request_from(refused_on=refused_on, months=months) == again


def test_a_new_request_before_that_day_is_refused_and_on_it_accepted():
    again = date(2027, 3, 1)
    refused_on = date(2026, 9, 1)
    assert re_request_refusal(
        refused_on=refused_on, re_request_from=again, requested_on=date(2027, 2, 28)
    ) == ("Consent was refused on 1 September 2026: the parent may ask again from 1 March 2027")
    assert (
        re_request_refusal(refused_on=refused_on, re_request_from=again, requested_on=again)
        is None
    )


@pytest.mark.parametrize(
    ("fields", "fields_wrong"),
    [
        ({}, []),
        ({"condition": "other"}, ["condition"]),
        ({"school_name": ""}, ["school_name"]),
        ({"school_name": "s" * 201}, ["school_name"]),
        ({"school_urn": "12345"}, ["school_urn"]),
        ({"school_urn": "１２３４５６"}, ["school_urn"]),
        ({"requested_on": date(2026, 10, 1)}, ["requested_on"]),
    ],
)
def test_a_request_is_checked_field_by_field(fields, fields_wrong):
    errors = consent_request_errors(
        **{
            "condition": "special_school",
            "conditions": {"special_school", "section_47", "cp_plan"},
            "school_name": "Ellen Tinkham School",
            "school_urn": "113641",
            "requested_on": TODAY,
            "today": TODAY,
            **fields,
        }
    )
    assert list(errors) == fields_wrong
