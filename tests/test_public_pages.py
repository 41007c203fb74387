"""The public start page, the health check, and the look of an LA (not GOV.UK) service."""

import json
import re
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


def main_content(content: str) -> str:
    return content[content.index('<main class="govuk-main-wrapper"') : content.index("</main>")]


def test_the_start_page_is_named_for_the_task_with_one_start_now_button(client, devon):
    response = client.get(reverse("public:start"))

    content = response.content.decode()
    main = main_content(content)
    assert "<title>Tell Devon your child is not in school – Devon – " in content
    assert '<h1 class="govuk-heading-xl">Tell Devon your child is not in school</h1>' in main
    # One button, GOV.UK's start button, and it starts the notification.
    assert main.count('role="button"') == 1
    assert "<button" not in main
    button = re.search(r'<a href="([^"]+)"[^>]*class="govuk-button govuk-button--start"', main)
    assert button and button.group(1) == reverse("public:notify-start")
    assert re.search(r"govuk-button--start[^>]*>\s*Start now", main)
    before_you_start = '<h2 class="govuk-heading-m">Before you start</h2>'
    assert main.index("Start now") < main.index(before_you_start)


def test_the_start_page_says_what_a_parent_needs_and_how_long_it_takes(client, devon):
    main = main_content(client.get(reverse("public:start")).content.decode())

    before_you_start = main[main.index("Before you start") :]
    for need in (
        "your child's name, date of birth and address",
        "parents and carers",
        "who educates your child",
        "tutors, settings or other providers",
        "about 15 minutes",
    ):
        assert need in before_you_start


def test_staff_sign_in_is_in_the_footer_not_beside_the_start_button(client, devon):
    content = client.get(reverse("public:start")).content.decode()

    sign_in = f'href="{reverse("staff:sign-in")}"'
    assert sign_in not in main_content(content)
    assert sign_in in content[content.index('<footer class="govuk-footer"') :]


def test_what_else_a_parent_may_want_is_a_plain_link(client, devon):
    main = main_content(client.get(reverse("public:start")).content.decode())

    for name in ("public:report-change", "public:support", "public:update-new-link"):
        link = re.search(rf'<a [^>]*href="{reverse(name)}"[^>]*>', main)
        assert link, name
        assert 'class="govuk-link"' in link.group(0)


def test_before_a_parent_chooses_their_la_the_start_page_names_no_la(client, devon, cornwall):
    main = main_content(client.get(reverse("public:start")).content.decode())

    assert "Tell your local authority your child is not in school" in main
    assert "Cornwall" in main and "Devon" in main


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


def test_the_start_page_looks_the_la_up_once(client, devon, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(reverse("public:start"))
