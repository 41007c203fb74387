"""The staff layout's service navigation (registers.staff.navigation holds the areas)."""

from django import template

from registers.staff.navigation import staff_navigation

register = template.Library()


@register.inclusion_tag("staff/includes/service_navigation.html", takes_context=True)
def service_navigation(context) -> dict[str, object]:
    request = context["request"]
    return {"items": staff_navigation(user=request.user, path=request.path)}
