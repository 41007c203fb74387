"""The pages every page's footer links to: the LA's privacy notice, accessibility statement,
cookies and contact pages (registers.selectors.information), for the LA whose service the
visitor is using."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from registers.public.authority import authority_choice_redirect, page_authority
from registers.selectors.information import (
    COOKIES,
    INFORMATION_PAGES,
    InformationPage,
    information_text,
    service_cookies,
)


class InformationPageConverter:
    """The pages' addresses, /privacy/, /accessibility/, /cookies/ and /contact/: only these
    match, and the view is given the page itself."""

    regex = "|".join(page.slug for page in INFORMATION_PAGES)

    def to_python(self, value: str) -> InformationPage:
        return next(page for page in INFORMATION_PAGES if page.slug == value)

    def to_url(self, value: str) -> str:
        return value


@require_GET
def information_page(request: HttpRequest, page: InformationPage) -> HttpResponse:
    authority = page_authority(request)
    if authority is None:
        return authority_choice_redirect(request)
    return render(
        request,
        "public/information.html",
        {
            "page": page,
            "authority": authority,
            "text": information_text(authority=authority, page=page),
            "cookies": service_cookies() if page == COOKIES else [],
        },
    )
