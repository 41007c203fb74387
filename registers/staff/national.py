"""A national analyst's own page: they belong to no LA, so no LA's register is theirs to see."""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from registers.models import StaffRole
from registers.staff.access import NATIONAL_DASHBOARD, signed_in_home


def _dashboard_url() -> str:
    try:
        return reverse(NATIONAL_DASHBOARD)
    except NoReverseMatch:
        return ""


@require_safe
def national_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (user.is_authenticated and user.is_verified()):
        return redirect_to_login(request.get_full_path())
    if user.role != StaffRole.NATIONAL_ANALYST:
        return redirect(signed_in_home(user))
    return render(request, "staff/national.html", {"dashboard_url": _dashboard_url()})
