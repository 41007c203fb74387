"""The error summary's links, pointing at an element that exists and can take focus.

The GOV.UK pattern links each error to its field: the first radio or checkbox of a group, the
first (day) input of a date unless the error belongs to one part, the input itself otherwise.
"""

from django import forms
from django.forms import BoundField, Form
from django.template import Library

register = Library()


def _first_option_id(field: BoundField) -> str | None:
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_1"
    return None


@register.filter
def error_links(field: BoundField) -> list[tuple[str, str]]:
    """(element id, message) for each of the field's errors."""
    links: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index, part in enumerate(getattr(field.field, "fields", ())):
        for message in getattr(part.widget, "errors", []):
            links.append((f"{field.auto_id}_{index}", message))
            seen.add(message)
    first_part = f"{field.auto_id}_0" if getattr(field.field, "fields", None) else None
    target = _first_option_id(field) or first_part or field.auto_id
    links.extend((target, message) for message in field.errors if message not in seen)
    return links


@register.filter
def summary_links(form: Form) -> list[tuple[str, str]]:
    """(href, message) for every error on the form, in page order.

    A form may define `error_links()` itself, where some of its problems are fixed on another
    page (the parent journey's check-answers page does).
    """
    if hasattr(form, "error_links"):
        return form.error_links()
    first = f"#{form.visible_fields()[0].auto_id}" if form.visible_fields() else ""
    links = [(first, message) for message in form.non_field_errors()]
    for field in form.visible_fields():
        links.extend((f"#{target}", message) for target, message in error_links(field))
    return links
