"""Who may use the staff pages: signed in with both factors, working for an LA."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def la_staff_required(view: View) -> View:
    """Only a session that passed the password and the one-time code, of a user with an LA.

    A session that has passed only the password step is not signed in at all (see sign_in),
    so `is_verified` is a second lock on the same door.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (user.is_authenticated and user.is_verified()):
            return redirect_to_login(request.get_full_path())
        if not user.works_for_authority:
            raise PermissionDenied("This page is for local authority staff")
        return view(request, *args, **kwargs)

    return wrapped
