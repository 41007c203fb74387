"""Who may use the national pages: a national analyst, signed in with both factors."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

NATIONAL_ANALYST = "national_analyst"
NOT_FOR_YOU = "These pages are for the national team's analysts"


def national_analyst_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_verified()):
            return redirect_to_login(request.get_full_path())
        if getattr(user, "role", None) != NATIONAL_ANALYST:
            raise PermissionDenied(NOT_FOR_YOU)
        return view(request, *args, **kwargs)

    return wrapped
