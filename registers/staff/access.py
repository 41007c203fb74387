"""Who may use the staff pages: signed in with both factors, working for an LA."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse

from registers.actors import Actor
from registers.audit import audit_record
from registers.models import AuditEvent, StaffRole
from registers.rules.codes import Door

View = Callable[..., HttpResponse]

# Who reviews what arrives and decides about possible duplicates: case workers, not the LA's
# administrator (least privilege).
REVIEWING_ROLES = (StaffRole.OFFICER, StaffRole.MANAGER)

# The record a staff page's address names, by its URL keyword, as the audit trail calls it.
NAMED_IN_URL = {
    "child_id": "child",
    "entry_id": "register_entry",
    "provider_id": "provider",
    "notification_id": "notification",
    # A pair of possible duplicates is named by its first child.
    "first_id": "child",
    "letter_id": "letter",
    "consent_id": "consent_request",
    "task_id": "task",
    "job_id": "bulk_job",
    "showing": "officer",
    "user_id": "staff_user",
}


def refusal_record(request: HttpRequest, url_kwargs: dict, *, object_type: str = "") -> None:
    """One DENIED row for a refused page, naming the record asked for if the address names one
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
            refusal_record(request, kwargs)
            raise PermissionDenied("This page is for local authority staff")
        return view(request, *args, **kwargs)

    return wrapped


ROLE_REFUSED = "This page is not for your role"


def role_required(
    *roles: str, refusal: str = ROLE_REFUSED, object_type: str = ""
) -> Callable[[View], View]:
    """An LA staff page (la_staff_required) only for staff in one of `roles`; anyone else of
    the LA is refused with `refusal`, and the refusal audited (naming `object_type` where the
    address names no record)."""

    def decorate(view: View) -> View:
        @la_staff_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.user.role not in roles:
                refusal_record(request, kwargs, object_type=object_type)
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


LA_ADMINS_ONLY = "This page is for your local authority's administrators"

# A page of the LA's own settings: its administrator's alone.
la_admin_required = role_required(StaffRole.LA_ADMIN, refusal=LA_ADMINS_ONLY)


# Where a national analyst works, in a deployment that runs the national collection (the
# national app, reached by its address alone: the register never imports it).
NATIONAL_DASHBOARD = "national:dashboard"


def signed_in_home(user) -> str:
    """Where a member of staff starts: their LA's dashboard; a national analyst, the national
    dashboard, or their own page where this deployment does not run the national collection."""
    if getattr(user, "role", None) == StaffRole.NATIONAL_ANALYST:
        try:
            return reverse(NATIONAL_DASHBOARD)
        except NoReverseMatch:
            return reverse("staff:national")
    return reverse("staff:dashboard")
