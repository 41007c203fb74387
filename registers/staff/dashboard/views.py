"""The dashboard: a thin view over the dashboard selector, its charts drawn here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateformat import format as date_format

from registers.selectors.dashboard import (
    NOTICE_RUNNING_OUT_WITHIN_DAYS,
    TASKS_DUE_WITHIN_DAYS,
    dashboard_get,
)
from registers.staff.access import la_staff_required, signed_in_home
from registers.staff.charts import bar_chart, column_chart


def dashboard(request: HttpRequest) -> HttpResponse:
    """/staff/, where staff start: an LA's dashboard; a national analyst, who has no LA, is sent
    to their own page."""
    user = request.user
    if user.is_authenticated and user.is_verified() and not user.works_for_authority:
        return redirect(signed_in_home(user))
    return _la_dashboard(request)


@la_staff_required
def _la_dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    figures = dashboard_get(authority=request.user.authority, user=request.user, today=today)
    charts = [
        (
            column_chart(
                slug="size",
                title="Entries on the register at the end of each month",
                rows=[
                    (date_format(month.month, "M Y"), month.entries)
                    for month in figures.size_over_time
                ],
            ),
            "Month",
        ),
        (
            bar_chart(
                slug="reasons",
                title="Main reason for not being in school",
                rows=[(tally.label, tally.count) for tally in figures.by_reason],
            ),
            "Main reason",
        ),
        (
            bar_chart(
                slug="year-groups",
                title="Year group today",
                rows=[(tally.label, tally.count) for tally in figures.by_year_group],
            ),
            "Year group",
        ),
    ]
    return render(
        request,
        "staff/dashboard.html",
        {
            "figures": figures,
            "charts": charts,
            "tasks_due_within_days": TASKS_DUE_WITHIN_DAYS,
            "notice_within_days": NOTICE_RUNNING_OUT_WITHIN_DAYS,
        },
    )
