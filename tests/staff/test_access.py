"""Every staff page needs both factors and an LA role; public pages are an explicit list (S3)."""

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter

from registers.models import StaffRole
from registers.public.information import InformationPageConverter
from tests.conftest import sign_in_fully
from tests.factories import STAFF_PASSWORD, StaffUserFactory
from tests.staff.test_isolation import _patterns

pytestmark = pytest.mark.django_db

# Routes anyone may open: the health check, staff sign-in, a new member of staff's invitation
# (which its link's secret unlocks), and the public service (namespace "public", whose pages
# hold no register data but what a link's secret or the parent's own answers unlock).
PUBLIC = {"healthz", "staff:sign-in", "staff:sign-in-code", "staff:sign-out", "staff:invitation"}


def _is_public(name: str) -> bool:
    return name in PUBLIC or name.startswith("public:")


def _is_api(name: str) -> bool:
    """The API's routes: a door of their own, opened by an LA's token alone (tests/api)."""
    return name.startswith("api:")


def _is_national(name: str) -> bool:
    """The national collection's pages: for national analysts alone (below, and tests/national)."""
    return name.startswith("national:")


def _sample_kwargs(pattern) -> dict[str, object]:
    samples = {
        UUIDConverter: "00000000-0000-4000-8000-000000000000",
        IntConverter: 1,
        InformationPageConverter: "privacy",
    }
    return {
        kwarg: samples.get(type(converter), "sample")
        for kwarg, converter in pattern.pattern.converters.items()
    }


def _staff_urls() -> list[str]:
    urls = []
    for name, pattern in _patterns(get_resolver()):
        if _is_public(name) or _is_api(name) or _is_national(name):
            continue
        urls.append(reverse(name, kwargs=_sample_kwargs(pattern)))
    return urls


def _api_urls() -> list[str]:
    return [
        reverse(name, kwargs=_sample_kwargs(pattern))
        for name, pattern in _patterns(get_resolver())
        if _is_api(name)
    ]


def _national_urls() -> list[str]:
    return [
        reverse(name, kwargs=_sample_kwargs(pattern))
        for name, pattern in _patterns(get_resolver())
        if _is_national(name)
    ]


def test_every_route_is_either_public_or_a_staff_route():
    assert _staff_urls()
    assert all(url.startswith("/staff/") for url in _staff_urls())


def test_every_national_route_is_under_national():
    assert _national_urls()
    assert all(url.startswith("/national/") for url in _national_urls())


@pytest.mark.parametrize("url", _national_urls())
def test_national_pages_need_both_factors_and_refuse_la_staff(client, officer, url):
    assert client.get(url, follow=True).request["PATH_INFO"] == reverse("staff:sign-in")
    client.post(reverse("staff:sign-in"), {"email": officer.email, "password": STAFF_PASSWORD})
    assert client.get(url, follow=True).request["PATH_INFO"] == reverse("staff:sign-in")
    assert sign_in_fully(Client(), officer).get(url).status_code == 403


def test_public_routes_are_outside_staff():
    for name, pattern in _patterns(get_resolver()):
        if name.startswith("public:"):
            assert not reverse(name, kwargs=_sample_kwargs(pattern)).startswith("/staff/")


@pytest.mark.parametrize("url", _staff_urls())
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url, follow=True)
    assert response.redirect_chain
    assert response.request["PATH_INFO"] == reverse("staff:sign-in")


@pytest.mark.parametrize("url", _staff_urls())
def test_the_password_alone_opens_no_staff_page(client, officer, url):
    client.post(reverse("staff:sign-in"), {"email": officer.email, "password": STAFF_PASSWORD})

    response = client.get(url, follow=True)

    assert response.request["PATH_INFO"] == reverse("staff:sign-in")


@pytest.mark.parametrize("url", _api_urls())
def test_api_routes_refuse_every_caller_without_a_token_even_signed_in_staff(client, url):
    analyst = StaffUserFactory(role=StaffRole.NATIONAL_ANALYST, authority=None)
    admin = StaffUserFactory(role=StaffRole.LA_ADMIN)
    for session in (Client(), sign_in_fully(Client(), admin), sign_in_fully(client, analyst)):
        for method in (session.get, session.post):
            assert method(url).status_code == 401, f"{method.__name__.upper()} {url}"


def test_a_national_analyst_cannot_open_an_la_register(client, db):
    analyst = StaffUserFactory(role=StaffRole.NATIONAL_ANALYST, authority=None)
    sign_in_fully(client, analyst)

    response = client.get(reverse("staff:register"))

    assert response.status_code == 403
    assert b"You cannot see this page" in response.content


def test_a_deactivated_officers_session_ends(officer):
    client = sign_in_fully(Client(), officer)
    assert client.get(reverse("staff:register")).status_code == 200

    officer.is_active = False
    officer.save()

    response = client.get(reverse("staff:register"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("staff:sign-in"))
