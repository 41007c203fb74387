"""The national analyst's pages: the dashboard with each LA's status and the tables, the button
that collects a term's returns, the sources page, and the downloads; for no one else."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP

from national.models import Source
from registers.models import StaffRole
from tests.conftest import sign_in_fully
from tests.factories import STAFF_PASSWORD, TOTP_KEY_HEX, StaffUserFactory
from tests.national.conftest import REGISTERS
from tests.pages import error_summary

TOKEN = "cnis_abcdefgh_0123456789abcdef"


@pytest.fixture
def analyst(db):
    return sign_in_fully(
        Client(), StaffUserFactory(role=StaffRole.NATIONAL_ANALYST, authority=None)
    )


def test_la_staff_may_not_see_the_national_pages(officer_client):
    for address in ("/national/", "/national/sources/"):
        assert officer_client.get(address).status_code == 403
    assert Client().get("/national/").status_code == 302  # to sign in


def test_a_source_is_added_and_its_token_never_shown_again(analyst):
    response = analyst.post(
        "/national/sources/",
        {"old_la_code": "878", "base_url": "https://devon.example", "token": TOKEN},
        follow=True,
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Devon (878): returns will be read from https://devon.example" in page
    assert TOKEN not in page
    assert "cnis_abcde…" in page
    assert Source.objects.get().token == TOKEN


def test_a_source_with_bad_details_is_refused_by_field_and_nothing_saved(analyst):
    response = analyst.post(
        "/national/sources/", {"old_la_code": "999", "base_url": "ftp://x", "token": "secret"}
    )

    assert response.status_code == 400
    assert error_summary(response) == [
        ("id_old_la_code", "Enter the DfE number of an English local authority, like 878"),
        (
            "id_base_url",
            "Enter the address of the LA's register, starting https:// (or http:// for a test)",
        ),
        (
            "id_token",
            "Enter the token the LA issued, as it gave it: cnis_ then letters and digits",
        ),
    ]
    assert not Source.objects.exists()


def test_the_button_collects_the_term_and_the_dashboard_shows_each_la_and_the_tables(
    las_over_http, quick_collection
):
    analyst = sign_in_fully(
        Client(), StaffUserFactory(role=StaffRole.NATIONAL_ANALYST, authority=None)
    )
    Source.objects.filter(old_la_code="302").update(token=TOKEN)  # a token Barnet never issued

    response = analyst.post(
        "/national/collect/", {"academic_year": "2025-26", "term": "autumn"}, follow=True
    )

    page = response.content.decode()
    assert "Collecting the returns for the Autumn term 2025-26 from 4 LAs" in page
    assert "3 valid, 0 invalid, 1 failed, 0 awaited" in page
    assert "The LA&#x27;s register refused the token (401)" in page
    home_educated = sum(len(REGISTERS[code]) for code in ("878", "908", "202"))
    assert f'<dd class="govuk-summary-list__value">{home_educated}</dd>' in page
    assert '<title id="reasons-title">' in page and "<svg" in page

    download = analyst.get("/national/2025-26/autumn/ehe_census.csv")
    assert download.status_code == 200
    rows = list(csv.DictReader(io.StringIO(download.content.decode())))
    barnet = [row for row in rows if row["la_name"] == "Barnet"]
    assert barnet and {row["child_count"] for row in barnet} == {"x"}
    meta = analyst.get("/national/2025-26/autumn/ehe_census.meta.csv")
    assert meta.content.startswith(b"col_name,col_type,label")


def test_a_national_analyst_lands_on_the_dashboard_once_signed_in(db):
    user = StaffUserFactory(role=StaffRole.NATIONAL_ANALYST, authority=None)
    client = Client()
    client.post(reverse("staff:sign-in"), {"email": user.email, "password": STAFF_PASSWORD})

    response = client.post(
        reverse("staff:sign-in-code"), {"code": f"{TOTP(bytes.fromhex(TOTP_KEY_HEX)).token():06d}"}
    )

    assert response["Location"] == "/national/"
    assert "Termly returns" in client.get("/national/").content.decode()
