"""An LA admin's settings: the letters the LA sends, as templates with placeholders. Thin views
over the letters selector and service."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import service_errors_show
from registers.models import StaffRole
from registers.rules.codes import Door
from registers.rules.letters import PLACEHOLDERS
from registers.selectors.letters import letter_template_get, letter_templates_list
from registers.services.letters import letter_template_save
from registers.staff.access import role_required
from registers.staff.settings.forms import LetterTemplateForm

LA_ADMINS_ONLY = "Only a local authority administrator may change the letters"

la_admin_required = role_required(
    StaffRole.LA_ADMIN, refusal=LA_ADMINS_ONLY, object_type="letter_template"
)


@la_admin_required
@require_GET
def letter_templates(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "staff/settings/letters.html",
        {"templates": letter_templates_list(authority=request.user.authority)},
    )


@la_admin_required
@require_http_methods(["GET", "POST"])
def letter_template_edit(request: HttpRequest, kind: str) -> HttpResponse:
    authority = request.user.authority
    current = letter_template_get(authority=authority, kind=kind)
    form = LetterTemplateForm(
        request.POST or None,
        initial={
            "title": current.text.title,
            "body": current.text.body,
            "version": current.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            letter_template_save(
                authority=authority,
                kind=kind,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                expected_version=form.cleaned_data["version"],
                actor=Actor.from_request(request, door=Door.STAFF),
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(request, f"{current.kind.label} saved")
            return redirect("staff:settings-letters")
    return render(
        request,
        "staff/settings/letter.html",
        {"form": form, "current": current, "placeholders": PLACEHOLDERS},
    )
