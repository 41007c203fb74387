"""Bad answers from LA registers: each is recorded against its LA with a reason the national
team can act on, while the run completes for the others, whose tables are published with the
missing LAs shown as x."""

import copy

import pytest
from django.core.management import call_command

from national.models import CollectionRun, ReturnStatus
from national.services import source_add
from registers.actors import COMMAND
from registers.models import ApiToken
from registers.selectors.returns import la_return_build
from registers.services.api_tokens import api_token_revoke
from tests.national.conftest import REGISTERS, TERM, YEAR, BrokenRegister
from tests.national.tables_expected import LOCAL, count_shown, csv_rows, row_for

pytestmark = pytest.mark.usefixtures("quick_collection")

TOKEN = "cnis_abcdefgh_0123456789abcdef"


def as_from(document: dict, old_la_code: str) -> dict:
    changed = copy.deepcopy(document)
    changed["local_authority"]["old_la_code"] = old_la_code
    return changed


# Each broken register: (DfE number of the LA it stands for, status, words its reason has).
EXPECTED = {
    "slow": ("840", ReturnStatus.FAILED, "did not answer within 2 seconds"),
    "error": ("841", ReturnStatus.FAILED, "failed with an error (500)"),
    "html": ("390", ReturnStatus.FAILED, "The return is not JSON"),
    "truncated": ("805", ReturnStatus.FAILED, "stops part-way"),
    "cut_off": ("806", ReturnStatus.FAILED, "stops part-way"),
    "oversized": ("391", ReturnStatus.FAILED, "larger than the 64 kB"),
    "wrong_term": (
        "392",
        ReturnStatus.INVALID,
        "is for the spring term of 2025-26, not the autumn",
    ),
    "not_adding_up": (
        "929",
        ReturnStatus.INVALID,
        "elective_home_education/sex adds up to 15, not",
    ),
    "missing_field": ("807", ReturnStatus.INVALID, "'census' is a required property"),
    "unknown_code": ("393", ReturnStatus.INVALID, "'no_such_reason' is not one of"),
}


def test_each_bad_answer_is_recorded_against_its_la_and_the_run_completes(
    las_over_http, broken_register, tmp_path
):
    _server, base = broken_register
    good = la_return_build(authority=las_over_http["878"], academic_year=YEAR, term=TERM)
    documents = {kind: as_from(good, code) for kind, (code, *_rest) in EXPECTED.items()}
    documents["wrong_term"]["period"]["term"] = "spring"
    documents["not_adding_up"]["census"]["elective_home_education"]["sex"][0]["count"] += 1
    del documents["missing_field"]["census"]
    documents["unknown_code"]["census"]["elective_home_education"]["primary_reason"][0]["code"] = (
        "no_such_reason"
    )
    BrokenRegister.documents = documents
    for kind, (code, *_rest) in EXPECTED.items():
        source_add(old_la_code=code, base_url=f"{base}/{kind}", token=TOKEN)
    # Nothing listens at this address: the connection is refused.
    source_add(old_la_code="808", base_url="http://127.0.0.1:9", token=TOKEN)
    # Camden revokes the token the national team holds.
    camden = ApiToken.objects.get(authority=las_over_http["202"])
    api_token_revoke(authority=las_over_http["202"], prefix=camden.prefix, actor=COMMAND)

    call_command("national_collect", "--year", YEAR, "--term", TERM)

    run = CollectionRun.objects.get()
    assert run.finished_at is not None
    results = {result.source.old_la_code: result for result in run.results.all()}
    for kind, (code, status, words) in EXPECTED.items():
        result = results[code]
        assert result.status == status, (kind, result.reasons)
        assert any(words in reason for reason in result.reasons), (kind, result.reasons)
        assert result.payload is None
    assert results["840"].attempts == 2  # tried again once after timing out
    assert results["391"].attempts == 1  # an oversized return is not asked for again
    assert results["808"].status == ReturnStatus.FAILED
    assert results["808"].reasons == [
        "The LA's register could not be reached at "
        "http://127.0.0.1:9/api/v1/returns/2025-26/autumn/"
    ]
    assert results["808"].attempts == 2
    assert results["202"].status == ReturnStatus.FAILED
    assert results["202"].reasons == [
        "The LA's register refused the token (401): it has expired, been revoked or is not "
        "the LA's. Ask the LA for a new token with the returns:read scope"
    ]
    for code in ("878", "908", "302"):
        assert results[code].status == ReturnStatus.VALID

    out = tmp_path / "publication"
    call_command("national_publish", "--year", YEAR, "--term", TERM, "--out", out)
    rows = csv_rows(out / "ehe_census.csv")
    england = row_for(rows, level="National", area="E92000001", topic="Total", breakdown="Total")
    assert england["child_count"] == count_shown(
        sum(len(REGISTERS[code]) for code in ("878", "908", "302")), 100
    )
    inner_london = row_for(
        rows, level="Regional", area="E13000001", topic="Total", breakdown="Total"
    )
    assert inner_london["child_count"] == "x"  # its only LA, Camden, sent no return
    camden = row_for(
        rows, level="Local authority", area="E09000007", topic="Sex", breakdown="Male"
    )
    assert (camden["child_count"], camden["child_percent"], camden["rate_per_100"]) == (
        "x",
        "x",
        "x",
    )
    devon = row_for(
        rows, level="Local authority", area="E10000008", topic="Total", breakdown="Total"
    )
    assert devon["child_count"] == count_shown(len(REGISTERS["878"]), LOCAL)
