"""A parent asks the LA for support (Education Act 1996 s.436G)."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import posted_data, service_errors_show
from registers.intake.support import SupportRequestDetails
from registers.public.authority import with_authority
from registers.public.ratelimit import public_post_rate_limited, submission_refused
from registers.public.support.forms import SupportRequestForm
from registers.rules.codes import Door
from registers.services.changes import support_request_submit

DONE = "cnis_support_done"


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
@with_authority
def support_request(request: HttpRequest, authority) -> HttpResponse:
    form = SupportRequestForm(posted_data(request), initial={"idempotency_key": uuid.uuid4().hex})
    if request.method == "POST" and form.is_valid():
        if refused := submission_refused(request):
            return refused
        fields = dict(form.cleaned_data)
        key = fields.pop("idempotency_key")
        try:
            notification = support_request_submit(
                authority=authority,
                details=SupportRequestDetails(**fields),
                idempotency_key=f"support-{key}",
                actor=Actor.from_request(request, door=Door.PUBLIC),
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            request.session[DONE] = {
                "reference": notification.reference,
                "email_given": bool(fields["email"]),
            }
            return redirect("public:support-done")
    return render(
        request,
        "public/updates/form_page.html",
        {
            "form": form,
            "heading": "Ask for support",
            "intro": (
                f"{authority.name} can give support to families whose children are not in "
                "school, such as advice. Tell us what would help, and an officer will contact "
                "you."
            ),
            "back_url": reverse("public:start"),
        },
    )


@require_GET
def support_request_done(request: HttpRequest) -> HttpResponse:
    done = request.session.get(DONE)
    if not isinstance(done, dict):
        return redirect("public:start")
    return render(request, "public/support/done.html", {"done": done})
