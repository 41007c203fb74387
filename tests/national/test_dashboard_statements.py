"""The dashboard reads the run in a fixed number of statements, however many LAs answered."""

import copy

import pytest
from django.test import Client

from national.fetch import Answer
from national.models import Source
from national.services import result_record, run_start, source_add
from registers.models import StaffRole
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory
from tests.national.test_checks import a_return
from tests.statements import statements_run

pytestmark = pytest.mark.django_db

LAS = ("878", "908", "202", "302", "840", "841")


def collected(codes) -> None:
    """A run in which each LA answered with a valid return, recorded by the service."""
    Source.objects.exclude(old_la_code__in=codes).delete()
    for code in codes:
        source_add(old_la_code=code, base_url="https://register.example", token="cnis_abcdefgh_1")
    _run, result_ids = run_start(academic_year="2024-25", term="autumn")
    for result_id in result_ids:
        result = Source.objects.get(results__pk=result_id)
        document = copy.deepcopy(a_return())
        document["local_authority"]["old_la_code"] = result.old_la_code
        result_record(result_id=result_id, answer=Answer(document=document), attempts=1)


def test_the_dashboard_reads_as_many_statements_for_six_las_as_for_two():
    analyst = sign_in_fully(
        Client(), StaffUserFactory(role=StaffRole.NATIONAL_ANALYST, authority=None)
    )
    counted = {}
    for codes in (LAS[:2], LAS):
        collected(codes)
        response = None

        def read():
            nonlocal response
            response = analyst.get("/national/")

        counted[len(codes)] = len(statements_run(read))
        assert response.status_code == 200
        assert response.content.decode().count("govuk-tag--green") == len(codes)

    assert counted[2] == counted[6]
