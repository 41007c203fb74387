"""The review queue, one item beside the register, and possible duplicates: thin views over the
review selectors and service, for the roles that review."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from registers.actors import Actor
from registers.errors import ApplicationError
from registers.forms import posted_data, service_errors_show
from registers.rules.codes import Door
from registers.selectors.review import (
    duplicate_pair_get,
    duplicate_pairs_get,
    review_item_get,
    review_queue_get,
)
from registers.services.review import (
    children_merge,
    children_not_the_same,
    notification_review_record,
)
from registers.staff.access import REVIEWING_ROLES, role_required
from registers.staff.review.forms import NOT_THE_SAME, DuplicateForm, ReviewForm

SORTS = {"oldest": False, "newest": True}


@role_required(*REVIEWING_ROLES)
@require_http_methods(["GET", "HEAD"])
def review_queue(request: HttpRequest) -> HttpResponse:
    """Everything waiting for review in the officer's LA, oldest first, filtered by kind."""
    sort = request.GET.get("sort", "oldest")
    queue = review_queue_get(
        actor=Actor.from_request(request, door=Door.STAFF),
        kind=request.GET.get("kind", ""),
        newest_first=SORTS.get(sort, False),
    )
    return render(request, "staff/review/queue.html", {"queue": queue})


@role_required(*REVIEWING_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def review_item(request: HttpRequest, kind: str, notification_id: int) -> HttpResponse:
    """One item beside what the register holds; the officer applies it, or records why not."""
    actor = Actor.from_request(request, door=Door.STAFF)
    item = review_item_get(actor=actor, slug=kind, notification_id=notification_id)
    form = ReviewForm(posted_data(request), item=item)
    if request.method == "POST" and form.is_valid():
        try:
            review = notification_review_record(
                authority=request.user.authority,
                slug=kind,
                notification_id=notification_id,
                outcome=form.cleaned_data["outcome"],
                fields=form.cleaned_data.get("fields", []),
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
                actor=actor,
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(
                request,
                f"{item.notification.get_kind_display()} {item.notification.reference}: "
                f"{review.get_outcome_display().lower()}",
            )
            return redirect("staff:review")
    return render(request, "staff/review/item.html", {"item": item, "form": form})


@role_required(*REVIEWING_ROLES)
@require_http_methods(["GET", "HEAD"])
def duplicate_list(request: HttpRequest) -> HttpResponse:
    """Pairs of children who may be the same child, not yet decided."""
    pairs = duplicate_pairs_get(actor=Actor.from_request(request, door=Door.STAFF))
    return render(request, "staff/review/duplicates.html", {"pairs": pairs})


@role_required(*REVIEWING_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def duplicate_pair(request: HttpRequest, first_id: str, second_id: str) -> HttpResponse:
    """Two records side by side: the same child (merged) or not (never asked again)."""
    actor = Actor.from_request(request, door=Door.STAFF)
    pair = duplicate_pair_get(actor=actor, first_id=first_id, second_id=second_id)
    form = DuplicateForm(posted_data(request), pair=pair)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == NOT_THE_SAME:
                children_not_the_same(
                    authority=request.user.authority,
                    first_id=first_id,
                    second_id=second_id,
                    actor=actor,
                )
                messages.success(request, "Recorded as two different children")
                return redirect("staff:review-duplicates")
            kept = children_merge(
                authority=request.user.authority,
                kept_id=form.cleaned_data["decision"],
                first_id=first_id,
                second_id=second_id,
                version=form.cleaned_data["version"],
                actor=actor,
            )
        except ApplicationError as error:
            service_errors_show(form, error)
        else:
            messages.success(request, f"Merged into one record for {kept.full_name}")
            return redirect("staff:child", child_id=kept.pk)
    return render(request, "staff/review/duplicate.html", {"pair": pair, "form": form})
