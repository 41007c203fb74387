"""What every page's layout needs: the service name, phase and whose service this is."""

from django.conf import settings
from django.http import HttpRequest

from registers.public.authority import page_authority
from registers.selectors.information import INFORMATION_PAGES


def service(request: HttpRequest) -> dict[str, object]:
    """The header names the signed-in officer's LA, or the LA a parent is dealing with (the
    only one a single-LA deployment hosts, or the one they chose); the footer links to that
    LA's information pages."""
    return {
        "service_name": settings.CNIS_SERVICE_NAME,
        "service_phase": settings.CNIS_PHASE,
        "feedback_email": settings.CNIS_FEEDBACK_EMAIL,
        "header_authority": page_authority(request),
        "information_pages": INFORMATION_PAGES,
    }
