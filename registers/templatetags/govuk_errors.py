"""The error summary's links (registers.forms.errors), for the error summary template."""

from django.forms import Form
from django.template import Library

from registers.forms.errors import error_summary_links

register = Library()


@register.filter
def summary_links(form: Form) -> list[tuple[str, str]]:
    return error_summary_links(form)
