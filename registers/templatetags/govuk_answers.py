"""Answers on check answers pages (registers.forms.answers), for templates."""

from django.template import Library

from registers.forms import answer_shown

register = Library()


@register.filter
def answer(value: object) -> object:
    """`{{ setting.website|answer }}`: the answer, or "Not given"."""
    return answer_shown(value)
