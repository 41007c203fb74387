"""Staff sign-in: email and password, then a time-based one-time code (or, for someone whose
authenticator app an admin has reset, setting one up again with its first code).

The password step does not sign anyone in: it only remembers, for a few minutes, whose code
to check. Only after the code is right does `login` create the session (with a new key),
so a session that has passed the password alone can reach no staff page.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, authenticate, login, logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from cnis.middleware import SIGNED_IN_AT
from registers.actors import Actor
from registers.audit import audit_record
from registers.models import AuditEvent, StaffUser
from registers.rules.codes import Door
from registers.selectors.staff_accounts import authenticator_secret
from registers.services.staff_accounts import authenticator_confirm, authenticator_pending
from registers.staff.access import signed_in_home
from registers.staff.sign_in_forms import SignInCodeForm, SignInForm

PENDING = "cnis_sign_in_pending"
CODE_ATTEMPTS_ALLOWED = 5

WRONG_CREDENTIALS = "Enter a correct email address and password"
LOCKED_OUT = (
    "Sign-in is paused after too many attempts. Wait 15 minutes, then try again, "
    "or ask your local authority administrator"
)
WRONG_CODE = (
    "The security code is wrong or has already been used – enter the latest code from your app"
)


def _safe_next(request: HttpRequest, candidate: str | None, user: StaffUser) -> str:
    """Where the user asked to go, if it is on this site and they work for an LA; otherwise
    where they start (a national analyst, who has no LA, on their own page)."""
    if (
        candidate
        and user.works_for_authority
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return signed_in_home(user)


def attempted_account(request: HttpRequest, credentials: dict | None) -> str:
    """The account name axes counts failures against: the email, in one case and spacing.

    Every caller names it `email` (the staff user's USERNAME_FIELD): the sign-in form, the
    `authenticate` call below, and axes itself when a sign-in succeeds and it clears the count.
    """
    email = (credentials or {}).get(StaffUser.USERNAME_FIELD) or request.POST.get("email", "")
    return email.strip().lower()


def lockout_response(request: HttpRequest, original_response, credentials) -> HttpResponse:
    """Axes calls this once an account name is locked, whether or not the account exists."""
    form = SignInForm(request.POST or None)
    form.is_valid()
    form.add_error("email", LOCKED_OUT)
    return render(request, "staff/sign_in.html", {"form": form}, status=429)


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.user.is_verified():
        return redirect(signed_in_home(request.user))
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            email=form.cleaned_data["email"].lower(),
            password=form.cleaned_data["password"],
        )
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request, None, None)
        if user is None:
            form.add_error("email", WRONG_CREDENTIALS)
        else:
            request.session.cycle_key()
            request.session[PENDING] = {
                "user_id": user.pk,
                "at": time.time(),
                "attempts": 0,
                "next": _safe_next(request, request.GET.get(REDIRECT_FIELD_NAME), user),
            }
            if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                authenticator_pending(user=user)
                return redirect("staff:sign-in-authenticator")
            return redirect("staff:sign-in-code")
    return render(request, "staff/sign_in.html", {"form": form})


def _pending_user(request: HttpRequest) -> StaffUser | None:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > settings.CNIS_SIGN_IN_CODE_SECONDS:
        return None
    return StaffUser.objects.filter(pk=pending["user_id"], is_active=True).first()


def _code_step(request: HttpRequest, *, user: StaffUser, check, template: str, context: dict):
    """The second step, whichever it is: `check(code)` gives the device the code is right
    for, or None. Wrong codes are audited and counted; the right one signs the user in."""
    form = SignInCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = check(form.cleaned_data["code"].strip())
            if device is None:
                pending = request.session[PENDING]
                pending["attempts"] += 1
                request.session[PENDING] = pending
                audit_record(
                    actor=Actor.from_request(request, door=Door.STAFF),
                    action=AuditEvent.Action.SIGN_IN_FAILED,
                    outcome=AuditEvent.Outcome.FAILED,
                    object_type="staff_user",
                    object_id=str(user.pk),
                )
                if pending["attempts"] >= CODE_ATTEMPTS_ALLOWED:
                    request.session.pop(PENDING)
                    messages.info(request, "Too many wrong codes: sign in again")
                    return redirect("staff:sign-in")
                form.add_error("code", WRONG_CODE)
            else:
                next_url = request.session.pop(PENDING)["next"]
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                otp_login(request, device)
                request.session[SIGNED_IN_AT] = time.time()
                audit_record(
                    actor=Actor.from_request(request, door=Door.STAFF),
                    action=AuditEvent.Action.SIGN_IN,
                    outcome=AuditEvent.Outcome.ALLOWED,
                    object_type="staff_user",
                    object_id=str(user.pk),
                )
                return redirect(next_url)
    return render(request, template, {"form": form, **context})


def _sign_in_again(request: HttpRequest) -> HttpResponse:
    request.session.pop(PENDING, None)
    messages.info(request, "Sign in again: enter your email address and password")
    return redirect("staff:sign-in")


@require_http_methods(["GET", "POST"])
def sign_in_code(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return _sign_in_again(request)
    return _code_step(
        request,
        user=user,
        check=lambda code: match_token(user, code),
        template="staff/sign_in_code.html",
        context={},
    )


@require_http_methods(["GET", "POST"])
def sign_in_authenticator(request: HttpRequest) -> HttpResponse:
    """After the password, for a user with no authenticator app (reset by an admin): set one
    up with the key shown, and its first code signs them in."""
    user = _pending_user(request)
    if user is None or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return _sign_in_again(request)
    actor = Actor.from_request(request, door=Door.STAFF)
    return _code_step(
        request,
        user=user,
        check=lambda code: authenticator_confirm(user=user, code=code, actor=actor),
        template="staff/sign_in_authenticator.html",
        context={"secret": authenticator_secret(authenticator_pending(user=user))},
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit_record(
            actor=Actor.from_request(request, door=Door.STAFF),
            action=AuditEvent.Action.SIGN_OUT,
            outcome=AuditEvent.Outcome.ALLOWED,
            object_type="staff_user",
            object_id=str(request.user.pk),
        )
    logout(request)
    messages.success(request, "You have signed out")
    return redirect("staff:sign-in")
