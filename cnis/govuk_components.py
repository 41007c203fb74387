"""GOV.UK components rendered from one Jinja environment kept for the process.

govuk-frontend-django 0.20.0 renders every component (`GovUKComponent.render`) through a new
`jinja2.Environment` made for that one call, so the component's Jinja templates (from
govuk-frontend-jinja) are loaded and compiled again on every render: about 19 compilations for
one child record, most of the page's time. Here the same macros render from one environment
whose template cache keeps each compiled template, with the same loader and escaping, the same
wrapper template and the same data, so the HTML is the package's byte for byte
(tests/test_govuk_components.py compares the two for the components the templates use).

`RegistersConfig.ready()` applies it once at start-up. Remove it when a release of the package
keeps its environment.
"""

from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe
from govuk_frontend_django.components.base import GovUKComponent
from jinja2 import Environment, PackageLoader, PrefixLoader, Template, select_autoescape

# The package's own render, kept so that the tests can compare the two.
PACKAGE_RENDER = GovUKComponent.render

# The loader and escaping the package gives each of its environments. The installed templates
# do not change while the process runs, so they are not checked for changes on every use.
_ENVIRONMENT = Environment(
    loader=PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
    autoescape=select_autoescape(),
    auto_reload=False,
)


@lru_cache(maxsize=256)
def _macro_call(source: str) -> Template:
    """The package's one-line template that imports a component's macro and calls it."""
    return _ENVIRONMENT.from_string(source)


def _without_none(value: object) -> object:
    """The data as the package hands it to a macro: a key whose value is None is left out, at
    every level, so that the macro takes its default."""
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_none(item) for item in value]
    return value


def component_render(
    self: GovUKComponent,
    template_name: object = None,
    context: object = None,
    renderer: object = None,
    component_data: dict | None = None,
) -> SafeString:
    """`GovUKComponent.render` with the process's environment; same arguments, same HTML."""
    data = {**self.__dict__, **(component_data or {})}
    return mark_safe(_macro_call(self.build_jinja_template()).render(data=_without_none(data)))


def keep_one_environment() -> None:
    """Render every GOV.UK component through `component_render`.

    The package binds `__str__` and `__html__` to its render when the class is made, so a
    component printed into a template (rather than rendered by its tag) is redirected too.
    """
    for name in ("render", "__str__", "__html__"):
        setattr(GovUKComponent, name, component_render)
