"""The error summary links every error to an element that exists on the page."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from registers.models import Child
from registers.rules.deadlines import long_date
from registers.rules.school_age import compulsory_school_age_starts
from tests.pages import assert_errors_shown
from tests.services.test_child_register import ADD_CHILD_FORM

pytestmark = pytest.mark.django_db


def test_every_error_link_targets_an_element_on_the_page(officer_client):
    response = officer_client.post(reverse("staff:child-add"), {"date_of_birth_0": "31"})

    content = response.content.decode()
    targets = re.findall(r'<li><a href="#([^"]+)">', content)
    assert "id_sex_1" in targets  # radios: the first radio button
    assert "id_date_of_birth_0" in targets  # an incomplete date: the day input
    for target in targets:
        assert f'id="{target}"' in content, target


# Every error of a page at once (the public pages: tests/public/test_every_error_at_once.py)


UNANSWERED = ("sex", "source")


def test_adding_a_child_shows_the_intakes_checks_with_the_forms(officer_client):
    born = date(timezone.localdate().year - 2, 1, 1)
    starts = long_date(compulsory_school_age_starts(born))
    answers = {name: value for name, value in ADD_CHILD_FORM.items() if name not in UNANSWERED}
    response = officer_client.post(
        reverse("staff:child-add"),
        answers
        | {"date_of_birth_0": "1", "date_of_birth_1": "1"}
        | {"date_of_birth_2": str(born.year), "upn": "NOTAUPN"},
    )

    assert_errors_shown(
        response,
        [
            (
                "id_date_of_birth_0",
                f"The child is not of compulsory school age yet – they will be from {starts}",
            ),
            ("id_sex_1", "Select the child's sex, or ‘Sex unknown’"),
            ("id_upn", "UPN must be 13 characters"),
            ("id_source_1", "Select how the local authority found out about the child"),
        ],
    )
    assert not Child.objects.exists()
