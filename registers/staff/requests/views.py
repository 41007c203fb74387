"""Staff: send a parent an update request (s.436D) from the child record."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.rules.codes import Door
from registers.selectors.update_requests import register_entry_get
from registers.services.update_requests import long_date, update_request_send
from registers.staff.access import la_staff_required


@la_staff_required
def update_request_send_view(request: HttpRequest, entry_id: str) -> HttpResponse:
    # The entry is looked up first, so that another LA's entry is "not found" whatever the
    # method; only then is anything but POST refused.
    entry = register_entry_get(authority=request.user.authority, entry_id=entry_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        information_request = update_request_send(
            entry=entry, actor=Actor.from_request(request, door=Door.STAFF)
        )
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"Update request sent. The parents are asked to answer by "
            f"{long_date(information_request.respond_by)}",
        )
    return redirect("staff:child", child_id=entry.child_id)
