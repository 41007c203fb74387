"""The footer's pages: privacy notice, accessibility statement, cookies and contact, each in the
LA's own words or a default written from its settings and what the service does."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import sign_in_fully

pytestmark = pytest.mark.django_db

PAGES = {
    "Privacy notice": "Devon is the data controller",
    "Accessibility statement": "This accessibility statement applies to",
    "Cookies": "Devon uses only the cookies this service needs to work",
    "Contact": "Contact Devon about the register of children not in school",
}


def text(response) -> str:
    return response.content.decode()


def footer_links(content: str) -> dict[str, str]:
    """The footer's links, by their words."""
    footer = content[content.index('<footer class="govuk-footer"') :]
    return {
        words.strip(): href
        for href, words in re.findall(
            r'<a class="govuk-footer__link" href="([^"]+)">([^<]+)</a>', footer
        )
    }


def main_content(content: str) -> str:
    return content[content.index('<main class="govuk-main-wrapper"') : content.index("</main>")]


@pytest.mark.parametrize(("title", "default_words"), PAGES.items())
def test_each_footer_link_opens_the_las_page(client, devon, title, default_words):
    href = footer_links(text(client.get(reverse("public:start"))))[title]

    response = client.get(href)

    assert response.status_code == 200
    main = main_content(text(response))
    assert f'<h1 class="govuk-heading-l">{title}</h1>' in main
    assert default_words in main


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Privacy notice", "privacy_notice"),
        ("Accessibility statement", "accessibility_statement"),
        ("Cookies", "cookies_text"),
        ("Contact", "contact_text"),
    ],
)
def test_an_las_own_text_replaces_the_default(client, devon, title, field):
    setattr(devon, field, "Devon's own words.\n\nA second paragraph,\nand a third.")
    devon.save()
    href = footer_links(text(client.get(reverse("public:start"))))[title]

    main = main_content(text(client.get(href)))

    for paragraph in ("Devon&#x27;s own words.", "A second paragraph,", "and a third."):
        assert f'<p class="govuk-body">{paragraph}</p>' in main
    assert PAGES[title] not in main


def test_html_in_an_las_text_is_shown_as_text(client, devon):
    devon.privacy_notice = '<script>alert(1)</script><a href="https://evil.example">Click</a>'
    devon.save()

    main = main_content(text(client.get(reverse("public:information", args=["privacy"]))))

    assert "<script>" not in main
    assert 'evil.example">' not in main
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=" in main


def test_the_cookies_page_lists_every_cookie_the_service_sets(client, officer, devon):
    # A parent's journey sets the CSRF cookie and the session; staff signing out leaves a message.
    client.get(reverse("public:support"))
    client.post(
        reverse("public:report-change"),
        {"reference": "HXK4-7QWT", "date_of_birth_0": "9", "date_of_birth_1": "4"}
        | {"date_of_birth_2": "2015"},
    )
    assert settings.SESSION_COOKIE_NAME in client.cookies
    sign_in_fully(client, officer)
    client.post(reverse("staff:sign-out"))
    set_by_the_service = set(client.cookies)

    main = main_content(text(client.get(reverse("public:information", args=["cookies"]))))

    assert set_by_the_service >= {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    for name in set_by_the_service:
        assert f'<td class="govuk-table__cell">{name}</td>' in main
    assert "keeps staff signed in" in main


def test_the_contact_page_gives_the_las_email_phone_and_address(client, devon):
    devon.contact_email = "cnis@devon.example"
    devon.contact_phone = "01392 000000"
    devon.contact_address = "County Hall\nTopsham Road\nExeter EX2 4QD"
    devon.save()

    main = main_content(text(client.get(reverse("public:information", args=["contact"]))))

    assert '<a class="govuk-link" href="mailto:cnis@devon.example">cnis@devon.example</a>' in main
    assert "01392 000000" in main
    assert "County Hall<br>Topsham Road<br>Exeter EX2 4QD" in main


def test_a_contact_page_without_details_says_so(client, devon):
    main = main_content(text(client.get(reverse("public:information", args=["contact"]))))

    assert "Devon has not yet published its contact details on this service" in main


def test_the_privacy_notice_says_how_long_the_la_keeps_records(client, devon):
    devon.retention_years_after_school_age = 25
    devon.save()

    main = main_content(text(client.get(reverse("public:information", args=["privacy"]))))

    assert "25 years after they reach the end of compulsory school age" in main


def test_a_multi_la_deployment_shows_the_chosen_las_page(client, devon, cornwall):
    cornwall.privacy_notice = "Cornwall's notice."
    cornwall.save()
    url = reverse("public:information", args=["privacy"])

    unchosen = client.get(url)
    assert unchosen.status_code == 302
    assert unchosen["Location"].startswith(reverse("public:choose-authority"))

    client.post(reverse("public:choose-authority"), {"authority": cornwall.pk})
    main = main_content(text(client.get(url)))
    assert "Cornwall&#x27;s notice." in main
    assert "Devon" not in main


def test_staff_see_their_own_las_pages(client, officer, devon, cornwall):
    devon.privacy_notice = "Devon's notice."
    devon.save()
    sign_in_fully(client, officer)

    main = main_content(text(client.get(reverse("public:information", args=["privacy"]))))

    assert "Devon&#x27;s notice." in main


def test_staff_pages_have_the_footer_links_and_no_sign_in(client, officer, devon):
    sign_in_fully(client, officer)

    links = footer_links(text(client.get(reverse("staff:register"))))

    assert set(PAGES) <= set(links)
    assert reverse("staff:sign-in") not in links.values()


def test_an_information_page_looks_the_la_up_once(client, devon, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(reverse("public:information", args=["privacy"]))
