"""Which LA a parent or provider is dealing with.

A single-LA deployment goes straight in; one that hosts several asks first and remembers the
answer for the visit.
"""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from registers.forms import GovukForm
from registers.models import LocalAuthority
from registers.public.ratelimit import public_post_rate_limited
from registers.selectors.authorities import hosted_authorities

CHOSEN = "cnis_public_authority"

View = Callable[..., HttpResponse]


def chosen_authority(request: HttpRequest) -> LocalAuthority | None:
    """The parent's LA: the only one a single-LA deployment hosts, or the one they chose; None
    until they have chosen. Asked by the view and again by the page's layout, so it is looked up
    once a request."""
    if not hasattr(request, "_cnis_chosen_authority"):
        hosted = list(hosted_authorities())
        chosen = hosted[0].pk if len(hosted) == 1 else request.session.get(CHOSEN)
        request._cnis_chosen_authority = next(
            (authority for authority in hosted if authority.pk == chosen), None
        )
    return request._cnis_chosen_authority


def page_authority(request: HttpRequest) -> LocalAuthority | None:
    """Whose service a page is: the signed-in officer's LA, else the parent's."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.authority
    return chosen_authority(request)


def authority_choice_redirect(request: HttpRequest) -> HttpResponse:
    """Ask which LA first, then come back to this page."""
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse('public:choose-authority')}?{query}")


def with_authority(view: View) -> View:
    """Pass the parent's LA to the view as `authority`, asking for it first where needed."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        authority = chosen_authority(request)
        if authority is None:
            return authority_choice_redirect(request)
        return view(request, *args, authority=authority, **kwargs)

    return wrapped


CHOOSE_AUTHORITY = "Select the local authority area your child lives in"


class AuthorityChoiceForm(GovukForm):
    authority = forms.ModelChoiceField(
        label="Which local authority area does your child live in?",
        queryset=LocalAuthority.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": CHOOSE_AUTHORITY, "invalid_choice": CHOOSE_AUTHORITY},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = hosted_authorities()

    def layout_items(self) -> list:
        return [Field.radios("authority", legend_size=Size.LARGE, legend_tag="h1")]


@public_post_rate_limited
@require_http_methods(["GET", "POST"])
def choose_authority(request: HttpRequest) -> HttpResponse:
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("public:start")
    form = AuthorityChoiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        request.session[CHOSEN] = form.cleaned_data["authority"].pk
        return redirect(next_url)
    return render(request, "public/question.html", {"form": form, "title": "Your local authority"})
