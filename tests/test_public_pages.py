"""The public start page, the health check, and the look of an LA (not GOV.UK) service."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import LocalAuthorityFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def test_the_start_page_names_the_la_of_a_single_la_deployment(client):
    LocalAuthorityFactory(name="Devon", dfe_number="878", hosted=True)
    LocalAuthorityFactory(name="Cornwall", dfe_number="908", hosted=False)

    response = client.get(reverse("public:start"))

    content = response.content.decode()
    assert response.status_code == 200
    assert '<span class="cnis-header__authority">Devon</span>' in content
    assert "Skip to main content" in content
    assert "govuk-phase-banner" in content


def test_the_health_check_reports_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_errors_use_the_service_layout(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert "Content-Security-Policy" in response


def test_pages_do_not_present_themselves_as_gov_uk(client):
    content = client.get(reverse("public:start")).content.decode()
    for sign in ("GOV.UK", "govuk-logo", "crown", "govuk-header__logotype", "Crown copyright"):
        assert sign not in content


def test_the_stylesheet_uses_arial_and_no_gds_transport():
    css = (ROOT / "static/css/cnis.min.css").read_text()

    assert "GDS Transport" not in css
    assert "font-family:arial,sans-serif" in css
    assert "@font-face" not in css


def test_the_vendored_frontend_matches_its_pinned_version():
    recorded = (ROOT / "static/govuk-frontend/VERSION").read_text().strip()
    pinned = json.loads((ROOT / "frontend/package.json").read_text())["devDependencies"]

    assert recorded == pinned["govuk-frontend"] == "5.14.0"
    script = (ROOT / "static/govuk-frontend/govuk-frontend.min.js").read_text()
    assert 'version="5.14.0"' in script


def test_the_header_names_the_la_a_parent_chose_in_a_multi_la_deployment(client):
    LocalAuthorityFactory(name="Devon", dfe_number="878", hosted=True)
    cornwall = LocalAuthorityFactory(name="Cornwall", dfe_number="908", hosted=True)
    before = client.get(reverse("public:start")).content.decode()

    client.post(reverse("public:choose-authority"), {"authority": cornwall.pk})
    after = client.get(reverse("public:start")).content.decode()

    assert '<span class="cnis-header__authority">Local authority</span>' in before
    assert '<span class="cnis-header__authority">Cornwall</span>' in after
