"""Errors on a form: the one way to show a service's refusal, and the error summary's links.

The GOV.UK pattern links each error to its field: the first radio or checkbox of a group, the
first (day) input of a date, the input itself otherwise. A problem put right on another page
(check your answers) links there.
"""

from collections.abc import Callable, Mapping

from django import forms

from registers.errors import ApplicationError


def service_errors_show(
    form: forms.Form,
    error: ApplicationError,
    *,
    fields: Mapping[str, str] | None = None,
    href_for: Callable[[str], str | None] | None = None,
) -> None:
    """Show a service's refusal on the form that asked for it.

    Each message goes on its field: the service's key, renamed through `fields` where the form
    names it otherwise. A field the form has already refused keeps its own message (the checks
    are the same, so it says the same or more). A message for no field of this form goes at the
    top; `href_for(key)` may give the page where it is put right, for the error summary.
    """
    fields = fields or {}
    for key, messages in error.errors.items():
        name = fields.get(key, key)
        if name in form.fields:
            if name not in form.errors:
                for message in messages:
                    form.add_error(name, message)
            continue
        for message in messages:
            form.add_error(None, message)
            href = href_for(key) if href_for else None
            if href and hasattr(form, "error_hrefs"):
                form.error_hrefs[message] = href


def field_anchor(form: forms.Form, name: str) -> str:
    """The id of the element a problem with this field links to."""
    bound = form[name]
    widget = form.fields[name].widget
    if isinstance(widget, forms.RadioSelect):
        return f"{bound.auto_id}_{0 if name in getattr(form, 'conditional_radios', ()) else 1}"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return f"{bound.auto_id}_1"
    if isinstance(widget, forms.MultiWidget):
        return f"{bound.auto_id}_0"
    return bound.auto_id


def error_summary_links(form: forms.Form) -> list[tuple[str, str]]:
    """(href, message) for every error on the form, in the order of the page."""
    visible = [field.name for field in form.visible_fields()]
    first = f"#{field_anchor(form, visible[0])}" if visible else ""
    hrefs = getattr(form, "error_hrefs", {})
    links = [(hrefs.get(message, first), message) for message in form.non_field_errors()]
    for name in visible:
        links.extend(
            (f"#{field_anchor(form, name)}", message) for message in form.errors.get(name, [])
        )
    return links
