"""The register list: thin views over the register selector."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from registers.selectors.register import register_entry_list
from registers.staff.access import la_staff_required


@la_staff_required
def register(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(
        register_entry_list(authority=request.user.authority), settings.CNIS_REGISTER_PAGE_SIZE
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "staff/register.html", {"page": page, "today": timezone.localdate()})
