"""Several LAs in one deployment, each with children on its register and a returns:read token,
served over real HTTP by Django's live server; the national team's sources pointing at them;
and a server that answers as a broken LA register would."""

import json
import threading
import time
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from national.services import source_add
from registers.rules.codes import PreviousSchoolType, PrimaryReason, SenProvision, Sex
from tests.api.conftest import token_issue
from tests.factories import ChildFactory, LocalAuthorityFactory
from tests.selectors.case_histories import case_history, registered

YEAR, TERM = "2025-26", "autumn"
ON_REGISTER = date(2025, 6, 2)  # before the autumn 2025 census (2 October)
AFTER_CENSUS = date(2025, 10, 3)


@dataclass(frozen=True)
class ChildOnRegister:
    sex: str = Sex.FEMALE
    born: date = date(2015, 3, 1)  # Year 6 in autumn 2025
    reason: str = PrimaryReason.MENTAL_HEALTH
    sen: str = SenProvision.NONE
    school: str = PreviousSchoolType.ELSEWHERE_OR_UNKNOWN


F, M = Sex.FEMALE, Sex.MALE
R = PrimaryReason
# Each LA's children home educated on the census date, as the test knows them (not as any
# return counts them): the tables are compared with counts made from these lists.
REGISTERS = {
    "878": (
        [ChildOnRegister(F, reason=R.MENTAL_HEALTH, sen=SenProvision.EHC_PLAN, school="lamain")]
        * 5
        + [
            ChildOnRegister(
                M,
                reason=R.SCHOOL_DISSATISFACTION_SEND,
                sen=SenProvision.SEN_SUPPORT,
                school="acad",
            )
        ]
        * 4
        + [ChildOnRegister(F, born=date(2010, 1, 5), reason=R.PHILOSOPHICAL)] * 5
    ),
    "908": [ChildOnRegister(M, reason=R.LIFESTYLE)] * 4
    + [ChildOnRegister(F, reason=R.MENTAL_HEALTH, school="lamain")] * 3,
    "202": [ChildOnRegister(F, reason=R.RELIGIOUS)] * 3,
    "302": [ChildOnRegister(M, reason=R.NO_REASON_GIVEN, sen=SenProvision.EHC_PLAN)] * 6,
}
PLACES = {
    "878": ("E10000008", "Devon", "E12000009", "South West", ""),
    "908": ("E06000052", "Cornwall", "E12000009", "South West", ""),
    "202": ("E09000007", "Camden", "E12000007", "London", "Inner London"),
    "302": ("E09000003", "Barnet", "E12000007", "London", "Outer London"),
}


def authority_with_register(old_la_code: str):
    ons, name, region_code, region_name, split = PLACES[old_la_code]
    authority = LocalAuthorityFactory(
        dfe_number=old_la_code,
        ons_code=ons,
        name=name,
        region_code=region_code,
        region_name=region_name,
        london_split=split,
    )
    for child in REGISTERS[old_la_code]:
        record = ChildFactory(
            authority=authority, sex=child.sex, date_of_birth=child.born, sen_provision=child.sen
        )
        case_history(
            child=record,
            moves=registered(ON_REGISTER),
            primary_reason=child.reason,
            previous_school_type=child.school,
        )
    # Registered after the census: in no census count.
    late = ChildFactory(authority=authority, date_of_birth=date(2014, 5, 5))
    case_history(child=late, moves=registered(AFTER_CENSUS))
    return authority


@pytest.fixture
def las_over_http(transactional_db, live_server):
    """The four LAs on one deployment, each added as a source with its own token."""
    authorities = {}
    for code in REGISTERS:
        authority = authority_with_register(code)
        token = token_issue(authority, scopes=["returns:read"])
        source_add(old_la_code=code, base_url=live_server.url, token=token)
        authorities[code] = authority
    return authorities


@pytest.fixture
def quick_collection(settings):
    """Short waits, so that an LA that does not answer costs the tests little time."""
    settings.NATIONAL_COLLECT_TIMEOUT_SECONDS = 2
    settings.NATIONAL_COLLECT_ATTEMPTS = 2
    settings.NATIONAL_COLLECT_BACKOFF_SECONDS = 0
    settings.NATIONAL_RETURN_MAX_BYTES = 64 * 1024
    return settings


class BrokenRegister(BaseHTTPRequestHandler):
    """Answers for each path's first part as one kind of broken register does."""

    documents: dict[str, dict] = {}

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes, *, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        kind = self.path.strip("/").split("/")[0]
        if kind == "slow":
            time.sleep(3)
            return self._send(200, b"{}")
        if kind == "error":
            return self._send(500, b"<h1>Server Error</h1>")
        if kind == "html":
            return self._send(200, b"<html><body>Sign in</body></html>")
        if kind == "oversized":
            return self._send(200, b"[" + b"0," * 50_000 + b"0]")
        document = json.dumps(self.documents.get(kind, {})).encode()
        if kind == "truncated":
            return self._send(200, document[: len(document) // 2])
        if kind == "cut_off":  # declares more than it sends
            self._send(200, document[:100], length=len(document))
            self.close_connection = True
            return None
        return self._send(200, document)


@pytest.fixture
def broken_register():
    server = ThreadingHTTPServer(("127.0.0.1", 0), BrokenRegister)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
