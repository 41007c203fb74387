"""The register list: thin views over the register selector."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from registers.actors import Actor
from registers.rules.codes import Door
from registers.selectors.paging import PageAt
from registers.selectors.register import register_page_get
from registers.staff.access import la_staff_required


@la_staff_required
def register(request: HttpRequest) -> HttpResponse:
    page = register_page_get(
        actor=Actor.from_request(request, door=Door.STAFF),
        at=PageAt.from_query(request.GET),
        size=settings.CNIS_REGISTER_PAGE_SIZE,
    )
    return render(request, "staff/register.html", {"page": page, "today": timezone.localdate()})
