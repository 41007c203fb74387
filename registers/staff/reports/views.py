"""Reports for a period: thin views over the reports selector."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from registers.rules.year_group import academic_year_start
from registers.selectors.reports import Report, report_get
from registers.staff.access import la_staff_required
from registers.staff.exports import csv_response
from registers.staff.reports.forms import ReportPeriodForm


def _report_read(request: HttpRequest) -> tuple[ReportPeriodForm, Report | None]:
    """The period asked for (by default this academic year to today) and its report; None if
    the period given is wrong (the form then says why)."""
    today = timezone.localdate()
    form = ReportPeriodForm(
        request.GET or None, initial={"starts": academic_year_start(today), "ends": today}
    )
    if request.GET:
        if not form.is_valid():
            return form, None
        starts, ends = form.cleaned_data["starts"], form.cleaned_data["ends"]
    else:
        starts, ends = academic_year_start(today), today
    report = report_get(
        authority=request.user.authority, user=request.user, starts=starts, ends=ends, today=today
    )
    return form, report


@la_staff_required
def reports(request: HttpRequest) -> HttpResponse:
    form, report = _report_read(request)
    return render(
        request,
        "staff/reports.html",
        {"form": form, "report": report, "query": request.GET.urlencode()},
        status=200 if report else 400,
    )


@la_staff_required
def reports_csv(request: HttpRequest) -> HttpResponse:
    form, report = _report_read(request)
    if report is None:
        return reports(request)
    rows = [
        (table.caption, tally.label, tally.count)
        for table in report.tables
        for tally in table.rows
    ]
    for line in report.caseload:
        rows += [
            ("Caseload: open tasks", line.officer, line.open_tasks),
            ("Caseload: overdue tasks", line.officer, line.overdue_tasks),
            ("Caseload: tasks done in the period", line.officer, line.done_in_period),
        ]
    return csv_response(
        filename=f"report-{report.starts.isoformat()}-to-{report.ends.isoformat()}.csv",
        headings=["Table", "Row", "Count"],
        rows=[("Children on the register in the period", "All", report.children), *rows],
    )
