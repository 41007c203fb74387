"""GOV.UK components (govuk-frontend-django) are compiled once per process, not per render, and
look exactly as the package renders them (cnis/govuk_components.py)."""

import re

import jinja2
import pytest
from django.template import Context, Template
from django.urls import reverse
from govuk_frontend_django.components.base import GovUKComponent

from cnis.govuk_components import PACKAGE_RENDER
from tests.factories import child_with_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def jinja_compilations(monkeypatch) -> list[str]:
    """The name of every Jinja template compiled while the test runs (None for a string)."""
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counting_compile(environment, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_template(environment, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting_compile)
    return compiled


def test_a_second_render_of_the_child_record_compiles_no_component(
    officer_client, devon, jinja_compilations
):
    url = reverse("staff:child", kwargs={"child_id": child_with_record(authority=devon).pk})
    first = officer_client.get(url)
    compiled_by_the_first = len(jinja_compilations)

    second = officer_client.get(url)

    assert b"govuk-summary-list__row" in first.content
    assert b"govuk-phase-banner" in second.content
    assert jinja_compilations[compiled_by_the_first:] == []


def _package_output(monkeypatch, render):
    """What `render` gives when the package renders its components with its own method."""
    with monkeypatch.context() as patch:
        for name in ("render", "__str__", "__html__"):
            patch.setattr(GovUKComponent, name, PACKAGE_RENDER)
        return render()


# A page's CSP nonce and CSRF token differ on every response, components or not.
_PER_RESPONSE = re.compile(rb'(nonce|value)="[^"]*"')


def test_the_child_record_is_byte_identical_to_the_packages_rendering(
    officer_client, devon, monkeypatch
):
    child = child_with_record(authority=devon, first_name="Amelia", last_name="O'Brien & Sons")
    url = reverse("staff:child", kwargs={"child_id": child.pk})

    ours = officer_client.get(url).content
    package = _package_output(monkeypatch, lambda: officer_client.get(url).content)

    assert b"govuk-summary-list" in ours
    assert b"O&#39;Brien &amp; Sons" in ours or b"O&#x27;Brien &amp; Sons" in ours
    assert _PER_RESPONSE.sub(b"", ours) == _PER_RESPONSE.sub(b"", package)


# Every component and option the templates use, with text that must be escaped and values
# left out (None), which the package drops before the macro sees them.
COMPONENTS_WE_USE = [
    '{% gds_component "panel" titleText="Notification sent" html=panel_html %}',
    '{% gds_component "panel" titleText="Information sent" text="Your reference is "|add:ref'
    " headingLevel=1 %}",
    '{% gds_component "panel" titleText="Change reported" text="Thank you for telling us" %}',
    '{% gds_phase_banner %}{% gds_component "tag" text=phase %}A <a href="#">new</a> service.'
    "{% endgds_phase_banner %}",
    "{% gds_summary_list %}"
    '{% gds_summary_list_row %}{% gds_summary_list_row_key text="Name" %}'
    "{% gds_summary_list_row_value text=name %}"
    "{% gds_summary_list_row_actions %}"
    '{% gds_summary_list_row_actions_item href="/change/" text="Change" '
    'visuallyHiddenText="the name" %}'
    "{% endgds_summary_list_row_actions %}{% endgds_summary_list_row %}"
    '{% gds_summary_list_row %}{% gds_summary_list_row_key text="Address" %}'
    "{% gds_summary_list_row_value %}1 High Street<br>{{ name }}"
    "{% endgds_summary_list_row_value %}"
    "{% endgds_summary_list_row %}"
    '{% gds_summary_list_row %}{% gds_summary_list_row_key text="Website" %}'
    '{% gds_summary_list_row_value text=missing|default:"Not recorded" %}'
    "{% endgds_summary_list_row %}"
    "{% endgds_summary_list %}",
]


@pytest.mark.parametrize("source", COMPONENTS_WE_USE)
def test_each_component_we_use_renders_as_the_package_renders_it(source, monkeypatch):
    template = Template("{% load govuk_frontend_django %}" + source)
    context = {
        "panel_html": "Your reference is <strong>DEV-ABC123</strong>",
        "ref": "DEV-<ABC>",
        "phase": "Beta",
        "name": "Amelia O'Brien & <Sons>",
        "missing": None,
    }

    ours = template.render(Context(context))
    package = _package_output(monkeypatch, lambda: template.render(Context(context)))

    assert "govuk-" in ours
    assert ours == package
