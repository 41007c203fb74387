"""A child's letters: the letters made, a letter previewed and made, its PDF downloaded. Thin
views over the letters selector and service."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import service_errors_show
from registers.rules.codes import Door
from registers.rules.letters import letter_digest
from registers.selectors.children import ChildPage
from registers.selectors.letters import child_letters_get, letter_pdf_get, letter_preview_get
from registers.services.letters import letter_make
from registers.staff.access import la_staff_required
from registers.staff.children.tabs import record_tab_context
from registers.staff.letters.forms import LetterKindForm, LetterMakeForm

URL_NAME = "staff:child-letters"


def _tab_context(page: ChildPage) -> dict[str, object]:
    return record_tab_context(page, current=URL_NAME)


def _kind_form(child_id, data=None) -> LetterKindForm:
    return LetterKindForm(
        data, action=reverse("staff:child-letter-preview", kwargs={"child_id": child_id})
    )


def _make_form(child_id, draft, *, refused: ApplicationError | None = None) -> LetterMakeForm:
    """The button that makes the letter previewed; with `refused`, why the last try was not."""
    fields = {"kind": draft.kind, "previewed": letter_digest(draft.text)}
    form = LetterMakeForm(fields if refused else None, initial=fields)
    if refused:
        form.is_valid()
        service_errors_show(form, refused)
    form.helper.form_action = reverse(URL_NAME, kwargs={"child_id": child_id})
    return form


def _letters_page(request: HttpRequest, child_id, form: LetterKindForm) -> HttpResponse:
    page, letters = child_letters_get(
        actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id
    )
    return render(
        request,
        "staff/children/letters.html",
        _tab_context(page) | {"letters": letters, "form": form},
    )


def _preview_page(request: HttpRequest, page, draft, form: LetterMakeForm) -> HttpResponse:
    return render(
        request,
        "staff/children/letter_preview.html",
        _tab_context(page) | {"draft": draft, "form": form},
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def child_letters(request: HttpRequest, child_id) -> HttpResponse:
    """The letters made for the child, and the choice of a letter to make; a POST makes the
    letter previewed."""
    if request.method == "GET":
        return _letters_page(request, child_id, _kind_form(child_id))
    actor = Actor.from_request(request, door=Door.STAFF)
    form = LetterMakeForm(request.POST)
    if form.is_valid():
        try:
            letter = letter_make(
                actor=actor,
                child_id=child_id,
                kind=form.cleaned_data["kind"],
                previewed=form.cleaned_data["previewed"],
            )
        except ApplicationError as error:
            # The letter as it would be made now, with why the previewed one was not.
            page, draft = letter_preview_get(
                actor=actor, child_id=child_id, kind=form.cleaned_data["kind"]
            )
            return _preview_page(request, page, draft, _make_form(child_id, draft, refused=error))
        emailed = f" and emailed to {letter.emailed_to}" if letter.emailed_to else ""
        messages.success(request, f"{letter.get_kind_display()} made{emailed}")
        return redirect(URL_NAME, child_id=child_id)
    return _letters_page(request, child_id, _kind_form(child_id))


@la_staff_required
def child_letter_preview(request: HttpRequest, child_id) -> HttpResponse:
    """The letter chosen, as it would be made now, and the button that makes it."""
    form = _kind_form(child_id, request.GET)
    if not form.is_valid():
        return _letters_page(request, child_id, form)
    try:
        page, draft = letter_preview_get(
            actor=Actor.from_request(request, door=Door.STAFF),
            child_id=child_id,
            kind=form.cleaned_data["kind"],
        )
    except ApplicationError as error:
        service_errors_show(form, error)
        return _letters_page(request, child_id, form)
    return _preview_page(request, page, draft, _make_form(child_id, draft))


@la_staff_required
def child_letter_pdf(request: HttpRequest, child_id, letter_id: int) -> HttpResponse:
    """The letter's PDF, as made; an audited read of the child."""
    letter = letter_pdf_get(
        actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id, letter_id=letter_id
    )
    response = HttpResponse(bytes(letter.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{letter.file_name}"'
    return response
