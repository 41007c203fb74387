"""The register list, its search and filters, and its export: thin views over the register
selector."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone

from registers.actors import Actor
from registers.models import StaffRole
from registers.rules.codes import Door
from registers.rules.year_group import year_group_label
from registers.selectors.paging import AFTER, BEFORE, PAGE, PageAt
from registers.selectors.register import (
    REGISTER_SORTS,
    SORT_NEWEST,
    RegisterFilters,
    register_export_get,
    register_page_get,
)
from registers.staff.access import la_staff_required, role_required
from registers.staff.exports import csv_response, xlsx_response
from registers.staff.register.forms import OVERDUE, RegisterFilterForm

# Who may take the register away in a spreadsheet: it names every child in it.
EXPORT_ROLES = (StaffRole.MANAGER, StaffRole.LA_ADMIN)
EXPORT_REFUSED = "Only a manager or a local authority administrator may export the register"
FILTER_FIELDS = ("status", "reason", "year_group", "sen", "overdue")


def _filters_read(request: HttpRequest) -> tuple[RegisterFilterForm, RegisterFilters | None]:
    """The filter form as asked for, and the filters it gives; None if something in it is
    wrong (the form then says what)."""
    form = RegisterFilterForm(
        request.GET or None,
        sorts=[(code, sort.label) for code, sort in REGISTER_SORTS.items()],
        initial={"sort": SORT_NEWEST},
    )
    if not request.GET:
        return form, RegisterFilters()
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, RegisterFilters(
        search=data["q"],
        statuses=tuple(data["status"]),
        reasons=tuple(data["reason"]),
        year_groups=tuple(data["year_group"]),
        sen=tuple(data["sen"]),
        overdue=OVERDUE in data["overdue"],
        sort=data["sort"] or SORT_NEWEST,
    )


def _filter_query(request: HttpRequest) -> QueryDict:
    """The filters of the address, without where in the list the page is."""
    query = request.GET.copy()
    for name in (AFTER, BEFORE, PAGE):
        query.pop(name, None)
    return query


def _selected(form: RegisterFilterForm, query: QueryDict) -> list[tuple[str, list]]:
    """The filters chosen, each with the address that drops it (MOJ filter tags)."""
    selected = []
    for name in FILTER_FIELDS:
        labels = dict(form.fields[name].choices)
        tags = []
        for value in query.getlist(name):
            without = query.copy()
            without.setlist(name, [other for other in query.getlist(name) if other != value])
            tags.append((labels.get(value, value), without.urlencode()))
        if tags:
            selected.append((form.fields[name].label, tags))
    return selected


@la_staff_required
def register(request: HttpRequest) -> HttpResponse:
    form, filters = _filters_read(request)
    today = timezone.localdate()
    query = _filter_query(request)
    page = None
    if filters is not None:
        page = register_page_get(
            actor=Actor.from_request(request, door=Door.STAFF),
            at=PageAt.from_query(request.GET),
            size=settings.CNIS_REGISTER_PAGE_SIZE,
            filters=filters,
            today=today,
        )
    return render(
        request,
        "staff/register.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "today": today,
            "query": query.urlencode(),
            "selected": _selected(form, query) if filters is not None else [],
            "may_export": request.user.role in EXPORT_ROLES,
            "sort_described": REGISTER_SORTS[filters.sort if filters else SORT_NEWEST].described,
        },
        status=200 if filters is not None else 400,
    )


def _export_rows(entries, *, today, with_safeguarding: bool):
    for entry in entries:
        child = entry.child
        row = [
            entry.reference,
            child.last_name,
            child.first_name,
            child.date_of_birth,
            year_group_label(child.date_of_birth, today) or "",
            child.upn,
            entry.postcode or "",
            entry.get_status_display(),
            entry.get_primary_reason_display(),
            child.get_sen_provision_display(),
            entry.notified_on,
        ]
        if with_safeguarding:
            record = getattr(child, "safeguarding", None)
            row += (
                [
                    record.get_child_in_need_display(),
                    record.get_child_protection_plan_display(),
                    record.get_section_47_enquiry_display(),
                ]
                if record
                else ["", "", ""]
            )
        yield row


EXPORT_HEADINGS = [
    "Reference",
    "Surname",
    "First name",
    "Date of birth",
    "Year group",
    "UPN",
    "Postcode",
    "Status",
    "Main reason",
    "Special educational needs",
    "Notified on",
]
SAFEGUARDING_HEADINGS = ["Child in need", "Child protection plan", "Section 47 enquiry"]


def _export(request: HttpRequest, file_format: str) -> HttpResponse:
    _, filters = _filters_read(request)
    if filters is None:
        return register(request)
    today = timezone.localdate()
    entries, with_safeguarding = register_export_get(
        actor=Actor.from_request(request, door=Door.STAFF), filters=filters, today=today
    )
    headings = EXPORT_HEADINGS + (SAFEGUARDING_HEADINGS if with_safeguarding else [])
    rows = _export_rows(entries, today=today, with_safeguarding=with_safeguarding)
    filename = f"register-{today.isoformat()}.{file_format}"
    if file_format == "xlsx":
        return xlsx_response(filename=filename, title="Register", headings=headings, rows=rows)
    return csv_response(filename=filename, headings=headings, rows=rows)


@role_required(*EXPORT_ROLES, refusal=EXPORT_REFUSED)
def register_export_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "csv")


@role_required(*EXPORT_ROLES, refusal=EXPORT_REFUSED)
def register_export_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "xlsx")
