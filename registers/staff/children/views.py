"""The child record and adding a child: thin views over the children selector and service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import service_errors_show
from registers.intake.child import ChildAddDetails
from registers.rules.cases import status_label
from registers.rules.codes import Door
from registers.selectors.cases import CasePage, case_page_get
from registers.selectors.children import ChildPage, child_record_get
from registers.selectors.timeline import child_timeline_get
from registers.services.cases import STALE, StaleEntry, case_move
from registers.services.children import child_register
from registers.staff.access import la_staff_required, refusal_record
from registers.staff.children.forms import CaseMoveForm, ChildAddForm
from registers.staff.children.tabs import child_tabs


def _tab_context(request: HttpRequest, page: ChildPage) -> dict[str, object]:
    """What the record's layout shows on every tab: the identity bar and the tabs."""
    return {
        "child": page.child,
        "entry": page.entry,
        "tabs": child_tabs(child_id=page.child.pk, current=request.resolver_match.view_name),
        "today": timezone.localdate(),
    }


@la_staff_required
def child_record(request: HttpRequest, child_id: str) -> HttpResponse:
    """Show one child; the selector leaves exactly one audit row per view, allowed or not."""
    record = child_record_get(
        actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id
    )
    page = ChildPage(child=record.child, entries=record.entries)
    return render(
        request,
        "staff/children/record.html",
        _tab_context(request, page)
        | {"record": record, "safeguarding": record.safeguarding, "editable": page.editable},
    )


@la_staff_required
def child_timeline(request: HttpRequest, child_id: str) -> HttpResponse:
    """Everything that has happened on the child's record, newest first."""
    timeline = child_timeline_get(
        actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id
    )
    return render(
        request,
        "staff/children/timeline.html",
        _tab_context(request, timeline.page) | {"items": timeline.items},
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def child_add(request: HttpRequest) -> HttpResponse:
    form = ChildAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = child_register(
                authority=request.user.authority,
                details=ChildAddDetails(**form.cleaned_data),
                actor=Actor.from_request(request, door=Door.STAFF),
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            return redirect("staff:child", child_id=entry.child_id)
    return render(request, "staff/child_add.html", {"form": form})


CASE_WORKERS_ONLY = "Only officers and managers can move a case"


def _case_render(request: HttpRequest, case: CasePage, form: CaseMoveForm | None) -> HttpResponse:
    return render(
        request,
        "staff/children/case.html",
        _tab_context(request, case.page)
        | {
            "case": case,
            "form": form,
            # The move's address shows the case's page: its tab is the one marked.
            "tabs": child_tabs(child_id=case.page.child.pk, current="staff:case"),
        },
    )


def _case_form(case: CasePage, data=None) -> CaseMoveForm:
    form = CaseMoveForm(
        data,
        moves=case.moves,
        triggers=case.triggers,
        initial={"entry": case.entry.pk, "version": case.entry.version},
    )
    form.helper.form_action = reverse("staff:case-move", kwargs={"child_id": case.page.child.pk})
    return form


@la_staff_required
def case_page(request: HttpRequest, child_id: str) -> HttpResponse:
    """The child's case: where it stands, its history and steps, and the moves it allows now."""
    # The child is looked up first, so that another LA's is "not found" whatever the method.
    case = case_page_get(actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    form = _case_form(case) if case.entry and case.moves and request.user.works_cases else None
    return _case_render(request, case, form)


@la_staff_required
def case_move_view(request: HttpRequest, child_id: str) -> HttpResponse:
    """Move the case, or show on its page why not, having changed nothing."""
    case = case_page_get(actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.works_cases:
        refusal_record(request, {"child_id": child_id})
        raise PermissionDenied(CASE_WORKERS_ONLY)
    if case.entry is None:
        raise Http404("This child has no case")
    form = _case_form(case, request.POST)
    if form.is_valid():
        if form.cleaned_data["entry"] != case.entry.pk:
            return _case_stale(request, case)
        try:
            moved = case_move(
                entry=case.entry,
                to_status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                actor=Actor.from_request(request, door=Door.STAFF),
                expected_version=form.cleaned_data["version"],
                closure_reason=form.cleaned_data.get("closure_reason", ""),
                cme_reason=form.cleaned_data.get("cme_reason", ""),
                step=form.step_details(),
            )
        except StaleEntry:
            return _case_stale(request, case)
        except ApplicationError as error:
            service_errors_show(form, error, fields=form.step_error_fields())
        else:
            label = status_label(regime=moved.regime, status=moved.status)
            messages.success(request, f"The case is now: {label}")
            return redirect("staff:case", child_id=case.page.child.pk)
    return _case_render(request, case, form)


def _case_stale(request: HttpRequest, case: CasePage) -> HttpResponse:
    """The page as the case stands now, the officer's answers kept, saying it changed."""
    data = request.POST.copy()
    data["entry"], data["version"] = str(case.entry.pk), str(case.entry.version)
    form = _case_form(case, data)
    form.is_valid()
    form.add_error(None, STALE)
    return _case_render(request, case, form)
