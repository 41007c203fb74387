"""The dashboard: the landing page after signing in, its figures and charts, and the same
number of statements at 100 children as at 10,000 (P1)."""

import re

import pytest
from django.urls import reverse

from registers.models import AuditEvent
from tests.factories import children_registered_in_bulk

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("staff:dashboard")


def _figure(response, element_id: str) -> str:
    found = re.search(rf'id="{element_id}">(.*?)</dd>', response.content.decode(), re.DOTALL)
    assert found, element_id
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_the_dashboard_shows_the_las_register_and_not_another_las(officer_client, devon, cornwall):
    children_registered_in_bulk(devon, 12)
    children_registered_in_bulk(cornwall, 30, start=100)

    response = officer_client.get(DASHBOARD)

    assert response.status_code == 200
    assert _figure(response, "on-register") == "12"
    assert "Family00000" not in response.content.decode()


def test_each_chart_is_an_image_with_a_title_and_description_followed_by_its_table(
    officer_client, devon
):
    children_registered_in_bulk(devon, 3)

    content = officer_client.get(DASHBOARD).content.decode()

    charts = re.findall(
        r'<svg role="img" aria-labelledby="(chart-[\w-]+-title) (chart-[\w-]+-desc)".*?</svg>'
        r"\s*</figure>\s*<table",
        content,
        re.DOTALL,
    )
    assert len(charts) == 3
    for title, description in charts:
        assert f'<title id="{title}">' in content
        assert f'<desc id="{description}">' in content
    # The register's size this month, in the picture's description and in its table.
    assert re.search(r"Main reason for not being in school: the figures", content)
    assert "Unknown: 3." in content


def test_the_dashboard_names_no_child_and_is_no_read_of_childrens_data(officer_client, devon):
    children_registered_in_bulk(devon, 3)

    response = officer_client.get(DASHBOARD)

    assert "Family0000" not in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).exists()


@pytest.mark.usefixtures("session_renewal_held")
def test_the_dashboard_runs_as_many_statements_at_10000_children_as_at_100(
    officer_client, devon, django_assert_max_num_queries
):

    def statements() -> int:
        # Session, officer, device; the register's size, its breakdowns, its growth; tasks,
        # the review queue, consent requests, notices.
        with django_assert_max_num_queries(10) as captured:
            assert officer_client.get(DASHBOARD).status_code == 200
        return len(captured.captured_queries)

    children_registered_in_bulk(devon, 100, per_day=10)
    at_100 = statements()
    children_registered_in_bulk(devon, 9900, start=100, per_day=10)
    at_10000 = statements()

    assert _figure(officer_client.get(DASHBOARD), "on-register") == "10,000"
    assert at_100 == at_10000
