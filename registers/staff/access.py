"""Who may use the staff pages: signed in with both factors, working for an LA."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import AuditEvent
from registers.rules.codes import Door

View = Callable[..., HttpResponse]

# The record a staff page's address names, by its URL keyword, as the audit trail calls it.
NAMED_IN_URL = {
    "child_id": "child",
    "entry_id": "register_entry",
    "provider_id": "provider",
    "letter_id": "letter",
    "consent_id": "consent_request",
}


def _refusal_record(request: HttpRequest, url_kwargs: dict, *, object_type: str = "") -> None:
    """One DENIED row for a refused page, naming the record asked for if the address does
    (else `object_type`, the kind of record the page is about)."""
    named = [
        (NAMED_IN_URL[keyword], value)
        for keyword, value in url_kwargs.items()
        if keyword in NAMED_IN_URL
    ]
    object_type, object_id = named[0] if named else (object_type, "")
    audit_record(
        actor=Actor.from_request(request, door=Door.STAFF),
        action=(
            AuditEvent.Action.VIEW
            if request.method in ("GET", "HEAD")
            else AuditEvent.Action.UPDATE
        ),
        outcome=AuditEvent.Outcome.DENIED,
        object_type=object_type,
        object_id=object_id,
    )


def la_staff_required(view: View) -> View:
    """Only a session that passed the password and the one-time code, of a user with an LA.

    A session that has passed only the password step is not signed in at all (see sign_in),
    so `is_verified` is a second lock on the same door. A signed-in user with no LA (a
    national analyst) is refused, and the refusal is audited.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (user.is_authenticated and user.is_verified()):
            return redirect_to_login(request.get_full_path())
        if not user.works_for_authority:
            _refusal_record(request, kwargs)
            raise PermissionDenied("This page is for local authority staff")
        return view(request, *args, **kwargs)

    return wrapped


def role_required(*roles: str, refusal: str, object_type: str = "") -> Callable[[View], View]:
    """Only LA staff of one of `roles`; anyone else is refused (403), and the refusal audited."""

    def decorate(view: View) -> View:
        @la_staff_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.user.role not in roles:
                _refusal_record(request, kwargs, object_type=object_type)
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
