"""A child's consent requests (s.434A): the requests and their decisions, a request recorded,
a decision made (by a manager). Thin views over the consent selector and service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import posted_data, service_errors_show
from registers.models import StaffRole
from registers.rules.codes import Door
from registers.selectors.children import ChildPage, child_page_read
from registers.selectors.consent import (
    child_consent_get,
    consent_request_get,
    consent_request_known,
)
from registers.services.consent import (
    consent_assessment_save,
    consent_decide,
    consent_request_record,
)
from registers.staff.access import la_staff_required
from registers.staff.children.tabs import record_tab_context
from registers.staff.consent.forms import ConsentDecisionForm, ConsentRequestForm

URL_NAME = "staff:child-consent"
DECIDERS = (StaffRole.MANAGER, StaffRole.LA_ADMIN)
DECIDERS_ONLY = "Only a manager may decide a consent request"


def _tab_context(page: ChildPage) -> dict[str, object]:
    return record_tab_context(page, current=URL_NAME)


@la_staff_required
def child_consent(request: HttpRequest, child_id) -> HttpResponse:
    page, requests = child_consent_get(
        actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id
    )
    return render(
        request,
        "staff/children/consent.html",
        _tab_context(page) | {"requests": requests, "may_decide": request.user.role in DECIDERS},
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def consent_request_new(request: HttpRequest, child_id) -> HttpResponse:
    actor = Actor.from_request(request, door=Door.STAFF)
    form = ConsentRequestForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            consent_request_record(actor=actor, child_id=child_id, **form.cleaned_data)
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(request, "Consent request recorded")
            return redirect(URL_NAME, child_id=child_id)
    page, _ = child_page_read(
        actor=actor, child_id=child_id, categories=(), read=lambda page: None
    )
    return render(
        request, "staff/children/consent_request.html", _tab_context(page) | {"form": form}
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def consent_decision(request: HttpRequest, child_id, consent_id: int) -> HttpResponse:
    actor = Actor.from_request(request, door=Door.STAFF)
    if request.user.role not in DECIDERS:
        # Another LA's request is not found, whoever asks; one of the LA's own is refused.
        consent_request_known(actor=actor, child_id=child_id, consent_id=consent_id)
        raise PermissionDenied(DECIDERS_ONLY)
    page, shown = consent_request_get(actor=actor, child_id=child_id, consent_id=consent_id)
    form = ConsentDecisionForm(
        posted_data(request),
        initial={
            "version": shown.request.version,
            "best_interests_analysis": shown.request.best_interests_analysis,
        },
        requested_on=shown.request.requested_on,
    )
    if request.method == "POST" and form.is_valid() and form.assessing:
        try:
            consent_assessment_save(
                actor=actor,
                child_id=child_id,
                consent_id=consent_id,
                best_interests_analysis=form.cleaned_data["best_interests_analysis"],
                expected_version=form.cleaned_data["version"],
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(request, "Assessment saved: the request is under assessment")
            return redirect(URL_NAME, child_id=child_id)
    elif request.method == "POST" and form.is_valid():
        try:
            decided = consent_decide(
                actor=actor,
                child_id=child_id,
                consent_id=consent_id,
                **{
                    "decision": form.cleaned_data["decision"],
                    "best_interests_analysis": form.cleaned_data["best_interests_analysis"],
                    "reasons": form.cleaned_data["reasons"],
                    "decided_on": form.cleaned_data["decided_on"],
                    "expected_version": form.cleaned_data["version"],
                },
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(
                request,
                f"Decision recorded: consent {decided.get_status_display().lower()}. The "
                "consent decision letter has been made",
            )
            return redirect(URL_NAME, child_id=child_id)
    return render(
        request,
        "staff/children/consent_decision.html",
        _tab_context(page) | {"form": form, "shown": shown},
    )
