"""The error summary links every error to an element that exists on the page."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_error_link_targets_an_element_on_the_page(officer_client):
    response = officer_client.post(reverse("staff:child-add"), {"date_of_birth_0": "31"})

    content = response.content.decode()
    targets = re.findall(r'<li><a href="#([^"]+)">', content)
    assert "id_sex_1" in targets  # radios: the first radio button
    assert "id_date_of_birth_0" in targets  # an incomplete date: the day input
    for target in targets:
        assert f'id="{target}"' in content, target
