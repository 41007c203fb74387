"""The staff pages' service navigation: the areas a member of staff may use, the one they are in
marked as current, and none for someone the workspace is not for."""

import re

import pytest
from django.urls import reverse

from registers.models import StaffRole
from tests.conftest import sign_in_fully
from tests.factories import StaffUserFactory, child_with_record

pytestmark = pytest.mark.django_db

NAVIGATION = re.compile(
    r'<section aria-label="Areas of the register".*?</section>', flags=re.DOTALL
)


def areas(response) -> tuple[list[str], list[str]]:
    """The navigation's link texts, and those marked as the current area."""
    (navigation,) = NAVIGATION.findall(response.content.decode())
    links = re.findall(r'<a class="govuk-service-navigation__link"[^>]*>(.*?)</a>', navigation)
    current = re.findall(
        r'<a class="govuk-service-navigation__link"[^>]*aria-current="true">(.*?)</a>',
        navigation,
    )

    def text(link: str) -> str:
        return re.sub(r"<[^>]+>", "", link).strip()

    return [text(link) for link in links], [text(link) for link in current]


def test_an_officer_sees_the_areas_of_their_work_and_where_they_are(officer_client, devon):
    child = child_with_record(authority=devon)

    on_record = officer_client.get(reverse("staff:child", kwargs={"child_id": child.pk}))
    on_add = officer_client.get(reverse("staff:child-add"))

    assert areas(on_record) == (["Register", "Add a child"], ["Register"])
    assert areas(on_add) == (["Register", "Add a child"], ["Add a child"])


def test_only_an_la_admin_is_offered_the_api_tokens(client, devon):
    admin = StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN)
    sign_in_fully(client, admin)

    shown, current = areas(client.get(reverse("staff:api-documentation")))

    assert shown == ["Register", "Add a child", "API tokens", "Settings"]
    assert current == ["API tokens"]


def test_a_national_analyst_is_offered_no_area_of_an_las_register(client):
    analyst = StaffUserFactory(authority=None, role=StaffRole.NATIONAL_ANALYST)
    sign_in_fully(client, analyst)

    refused = client.get(reverse("staff:register"))

    assert refused.status_code == 403
    assert NAVIGATION.findall(refused.content.decode()) == []


def test_public_pages_carry_no_staff_navigation(client, devon):
    assert NAVIGATION.findall(client.get(reverse("public:start")).content.decode()) == []
