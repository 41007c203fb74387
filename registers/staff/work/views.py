"""An officer's work: My tasks, a manager's caseload of the team, and bulk work; thin views over
the tasks and bulk job selectors and services."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import service_errors_show
from registers.models import BulkJob, StaffRole
from registers.rules.codes import Door
from registers.selectors.bulk_jobs import bulk_job_get, bulk_jobs_page_read
from registers.selectors.paging import PageAt
from registers.selectors.tasks import UNASSIGNED, caseload_read, my_tasks_read, task_get
from registers.services.bulk_jobs import bulk_job_start
from registers.services.tasks import cases_assign, task_complete
from registers.staff.access import la_staff_required, role_required
from registers.staff.work.forms import CasesReassignForm

MANAGER = StaffRole.MANAGER
MANAGERS_ONLY = "This page is for managers"


def _actor(request: HttpRequest) -> Actor:
    return Actor.from_request(request, door=Door.STAFF)


@la_staff_required
def tasks(request: HttpRequest) -> HttpResponse:
    mine = my_tasks_read(actor=_actor(request), today=timezone.localdate())
    return render(request, "staff/work/tasks.html", {"mine": mine})


@la_staff_required
def task_done(request: HttpRequest, task_id: str) -> HttpResponse:
    # The task is looked up first, so that another LA's task is "not found" whatever the
    # method; only then is anything but POST refused.
    task = task_get(authority=request.user.authority, task_id=task_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        task_complete(task=task, actor=_actor(request))
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Task done: {task.get_kind_display()}")
    back = request.POST.get("back", "")
    if back.startswith("/staff/") and "//" not in back:
        return redirect(back)
    return redirect("staff:tasks")


@role_required(MANAGER, refusal=MANAGERS_ONLY)
@require_http_methods(["GET", "POST"])
def caseload(request: HttpRequest, showing: str = "") -> HttpResponse:
    actor = _actor(request)
    read = caseload_read(
        actor=actor,
        today=timezone.localdate(),
        showing=showing,
        at=PageAt.from_query(request.GET),
        size=settings.CNIS_REGISTER_PAGE_SIZE,
    )
    form = None
    if read.cases is not None:
        form = CasesReassignForm(
            request.POST or None,
            cases=[(str(entry.pk), entry.reference) for entry in read.cases.rows],
            officers=[(str(officer.pk), str(officer)) for officer in read.officers],
        )
        if request.method == "POST" and form.is_valid():
            try:
                count = cases_assign(
                    actor=actor,
                    entry_ids=form.cleaned_data["cases"],
                    officer_id=form.cleaned_data["officer"],
                )
            except ApplicationError as error:
                service_errors_show(form, error)
            else:
                messages.success(
                    request, f"{count} {'case' if count == 1 else 'cases'} reassigned"
                )
                return redirect(request.get_full_path())
    elif request.method == "POST":
        return redirect("staff:caseload")
    return render(
        request,
        "staff/work/caseload.html",
        {"caseload": read, "form": form, "unassigned": UNASSIGNED, "path": request.path},
    )


@role_required(MANAGER, refusal=MANAGERS_ONLY)
@require_http_methods(["GET", "POST"])
def bulk_jobs(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    if request.method == "POST":
        try:
            job = bulk_job_start(actor=actor, kind=request.POST.get("kind", ""))
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            return redirect("staff:bulk-job", job_id=job.pk)
    read = bulk_jobs_page_read(actor=actor, today=timezone.localdate())
    return render(request, "staff/work/bulk_jobs.html", {"read": read, "kinds": BulkJob.Kind})


@role_required(MANAGER, refusal=MANAGERS_ONLY)
def bulk_job(request: HttpRequest, job_id: str) -> HttpResponse:
    job = bulk_job_get(authority=request.user.authority, job_id=job_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return render(request, "staff/work/bulk_job.html", {"job": job})
