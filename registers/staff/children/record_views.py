"""Changing a child's record, and the contacts and visits tab: thin views over the record and
contacts selectors and services. Each change is its own GOV.UK page, reached from a "Change"
link on the record, and goes back to the record once saved."""

from collections.abc import Callable
from decimal import Decimal

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import service_errors_show
from registers.rules.codes import Door
from registers.selectors.children import ChildPage, child_page_read
from registers.selectors.providers import provider_get
from registers.selectors.record import (
    arrangement_of,
    child_contacts_get,
    child_safeguarding_get,
    current_address,
    provider_version,
    relationship_of,
    visit_of,
)
from registers.services import contacts, record
from registers.staff.access import la_staff_required
from registers.staff.children import record_forms as forms
from registers.staff.children.views import _tab_context as tab_context
from registers.validation import hours_text

Reader = Callable[[Actor, str], tuple[ChildPage, object]]


def _reader(categories: set[str], part: Callable[[ChildPage], object] = lambda page: None):
    def read(actor: Actor, child_id: str) -> tuple[ChildPage, object]:
        return child_page_read(actor=actor, child_id=child_id, categories=categories, read=part)

    return read


def _change_page(
    request: HttpRequest,
    child_id: str,
    *,
    form_class: type[forms.RecordForm],
    read: Reader,
    initial: Callable[[ChildPage, object], dict],
    save: Callable[..., object],
    done: str,
    back: str = "staff:child",
) -> HttpResponse:
    """Show the form with the record's values; on a good POST, save through the service, say
    so and go back; otherwise show every problem, with nothing changed."""
    actor = Actor.from_request(request, door=Door.STAFF)
    page, part = read(actor, child_id)
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            try:
                save(form=form, actor=actor, child_id=page.child.pk, part=part)
            except record.RecordNotFound as error:
                raise Http404(str(error)) from error
            except ApplicationError as error:
                service_errors_show(form, error)
            else:
                messages.success(request, done)
                return redirect(back, child_id=page.child.pk)
    else:
        form = form_class(initial={"version": page.child.version, **initial(page, part)})
    return render(
        request,
        "staff/children/change.html",
        {
            "form": form,
            "child": page.child,
            "back_url": reverse(back, kwargs={"child_id": page.child.pk}),
        },
    )


def _version(form: forms.RecordForm) -> int:
    return form.cleaned_data["version"]


def _hours(value: Decimal | None) -> str:
    return "" if value is None else hours_text(value)


@la_staff_required
@require_http_methods(["GET", "POST"])
def child_details_change(request: HttpRequest, child_id: str) -> HttpResponse:
    def initial(page: ChildPage, part) -> dict:
        child = page.child
        return {
            "first_name": child.first_name,
            "middle_names": child.middle_names,
            "last_name": child.last_name,
            "date_of_birth": child.date_of_birth,
            "sex": child.sex,
            "upn": child.upn,
            "nhs_number": child.nhs_number,
        }

    return _change_page(
        request,
        child_id,
        form_class=forms.ChildDetailsForm,
        read=_reader({"identity"}),
        initial=initial,
        save=lambda form, actor, child_id, part: record.child_details_change(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            details=form.details(),
        ),
        done="The child's details have been changed",
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def child_sen_change(request: HttpRequest, child_id: str) -> HttpResponse:
    return _change_page(
        request,
        child_id,
        form_class=forms.SenForm,
        read=_reader({"special_educational_needs"}),
        initial=lambda page, part: {"sen_provision": page.child.sen_provision},
        save=lambda form, actor, child_id, part: record.child_sen_change(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            sen_provision=form.cleaned_data["sen_provision"],
        ),
        done="The child's special educational needs have been changed",
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def child_address_move(request: HttpRequest, child_id: str) -> HttpResponse:
    return _change_page(
        request,
        child_id,
        form_class=forms.AddressMoveForm,
        read=_reader({"address"}, current_address),
        initial=lambda page, part: {},
        save=lambda form, actor, child_id, part: record.child_address_move(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            address=form.address(),
        ),
        done="The child's new home address has been saved",
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def parent_change(request: HttpRequest, child_id: str, relationship_id: int) -> HttpResponse:
    def initial(page: ChildPage, link) -> dict:
        person = link.person
        return {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "relationship": link.relationship,
            "email": person.email,
            "phone": person.phone,
            "has_parental_responsibility": forms.initial_yes_no(link.has_parental_responsibility),
            "provides_education": forms.initial_yes_no(link.provides_education),
        }

    return _change_page(
        request,
        child_id,
        form_class=forms.ParentForm,
        read=_reader({"family"}, relationship_of(relationship_id)),
        initial=initial,
        save=lambda form, actor, child_id, part: record.parent_details_change(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            relationship_id=part.pk,
            details=form.details(),
        ),
        done="The parent or carer's details have been changed",
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def arrangement_change(request: HttpRequest, child_id: str, arrangement_id: int) -> HttpResponse:
    return _change_page(
        request,
        child_id,
        form_class=forms.ArrangementForm,
        read=_reader({"education"}, arrangement_of(arrangement_id)),
        initial=lambda page, arrangement: {
            "hours_per_week": _hours(arrangement.hours_per_week),
            "hours_without_parent": _hours(arrangement.hours_without_parent),
        },
        save=lambda form, actor, child_id, part: record.arrangement_change(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            arrangement_id=part.pk,
            details=form.details(),
        ),
        done="The hours of education have been changed",
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def provider_arrangement_add(request: HttpRequest, child_id: str) -> HttpResponse:
    return _change_page(
        request,
        child_id,
        form_class=forms.ProviderAddForm,
        read=_reader({"education"}),
        initial=lambda page, part: {},
        save=lambda form, actor, child_id, part: record.provider_arrangement_add(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            details=form.details(),
        ),
        done="The education provider has been added",
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def previous_school_change(request: HttpRequest, child_id: str) -> HttpResponse:
    def initial(page: ChildPage, part) -> dict:
        entry = page.entry
        if entry is None:
            raise Http404("This child has no case on the register")
        return {
            "previous_school_name": entry.previous_school_name,
            "previous_school_urn": entry.previous_school_urn,
            "previous_school_type": entry.previous_school_type,
            "primary_reason": entry.primary_reason,
        }

    return _change_page(
        request,
        child_id,
        form_class=forms.PreviousSchoolForm,
        read=_reader({"education"}),
        initial=initial,
        save=lambda form, actor, child_id, part: record.previous_school_change(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            details=form.details(),
        ),
        done="The previous school and main reason have been changed",
    )


@la_staff_required
@require_http_methods(["GET", "POST"])
def safeguarding_change(request: HttpRequest, child_id: str) -> HttpResponse:
    def initial(page: ChildPage, held) -> dict:
        if held is None:
            return {"looked_after": "no"}
        return {
            "section_47_enquiry": held.section_47_enquiry,
            "child_protection_plan": held.child_protection_plan,
            "child_protection_plan_ended_on": held.child_protection_plan_ended_on,
            "child_in_need": held.child_in_need,
            "looked_after": forms.initial_yes_no(held.looked_after),
            "looked_after_reason": held.looked_after_reason,
        }

    return _change_page(
        request,
        child_id,
        form_class=forms.SafeguardingForm,
        read=lambda actor, child_id: child_safeguarding_get(actor=actor, child_id=child_id),
        initial=initial,
        save=lambda form, actor, child_id, part: record.safeguarding_change(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            details=form.details(),
        ),
        done="The safeguarding information has been changed",
    )


# Contacts and visits --------------------------------------------------------------------------


@la_staff_required
def child_contacts(request: HttpRequest, child_id: str) -> HttpResponse:
    """The contacts, visits and suitability decisions of the child's cases."""
    found = child_contacts_get(
        actor=Actor.from_request(request, door=Door.STAFF), child_id=child_id
    )
    return render(
        request,
        "staff/children/contacts.html",
        tab_context(request, found.page)
        | {
            "contacts": found.contacts,
            "visits": found.visits,
            "decision": found.decision,
            "decisions": found.decisions,
            "editable": found.page.editable,
        },
    )


def _recording(form_class, service, done: str):
    @la_staff_required
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, child_id: str) -> HttpResponse:
        return _change_page(
            request,
            child_id,
            form_class=form_class,
            read=_reader({"education"}),
            initial=lambda page, part: form_class.initial_from_query(request.GET),
            save=lambda form, actor, child_id, part: service(
                actor=actor,
                child_id=child_id,
                expected_version=_version(form),
                details=form.details(),
            ),
            done=done,
            back="staff:child-contacts",
        )

    return view


contact_new = _recording(
    forms.ContactForm, contacts.contact_record, "The contact has been recorded"
)
visit_new = _recording(forms.VisitForm, contacts.visit_record, "The visit has been recorded")
suitability_new = _recording(
    forms.SuitabilityForm,
    contacts.suitability_decide,
    "The suitability decision has been recorded",
)


@la_staff_required
@require_http_methods(["GET", "POST"])
def visit_change(request: HttpRequest, child_id: str, visit_id: int) -> HttpResponse:
    """What has become of a visit already recorded: accepted, declined, arranged, made."""
    return _change_page(
        request,
        child_id,
        form_class=forms.VisitChangeForm,
        read=_reader({"education"}, visit_of(visit_id)),
        initial=lambda page, visit: {
            "status": visit.status,
            "offered_on": visit.offered_on,
            "visit_on": visit.visit_on,
            "at_home": forms.initial_yes_no(visit.at_home),
            "visited_by": visit.visited_by,
            "notes": visit.notes,
        },
        save=lambda form, actor, child_id, part: contacts.visit_change(
            actor=actor,
            child_id=child_id,
            expected_version=_version(form),
            visit_id=part.pk,
            details=form.details(),
        ),
        done="The visit has been updated",
        back="staff:child-contacts",
    )


# A provider's contact details -----------------------------------------------------------------


@la_staff_required
@require_http_methods(["GET", "POST"])
def provider_contact_change(request: HttpRequest, provider_id: int) -> HttpResponse:
    actor = Actor.from_request(request, door=Door.STAFF)
    provider = provider_get(authority=request.user.authority, provider_id=provider_id)
    if request.method == "POST":
        form = forms.ProviderContactForm(request.POST)
        if form.is_valid():
            try:
                contacts.provider_contact_change(
                    actor=actor,
                    provider_id=provider.pk,
                    expected_version=_version(form),
                    details=form.details(),
                )
            except ApplicationError as error:
                service_errors_show(form, error)
            else:
                messages.success(request, f"{provider.name}'s contact details have been changed")
                return redirect("staff:provider", provider_id=provider.pk)
    else:
        form = forms.ProviderContactForm(
            initial={
                "version": provider_version(provider),
                "email": provider.email,
                "phone": provider.phone,
            }
        )
    return render(
        request,
        "staff/children/change.html",
        {
            "form": form,
            "caption": provider.name,
            "back_url": reverse("staff:provider", kwargs={"provider_id": provider.pk}),
        },
    )
