"""What every page's layout needs: the service name, phase and whose service this is."""

from django.conf import settings
from django.http import HttpRequest

from registers.selectors.authorities import hosted_authorities


def service(request: HttpRequest) -> dict[str, object]:
    """The header names the signed-in officer's LA, or the LA of a single-LA deployment."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        authority = user.authority
    else:
        hosted = list(hosted_authorities()[:2])
        authority = hosted[0] if len(hosted) == 1 else None
    return {
        "service_name": settings.CNIS_SERVICE_NAME,
        "service_phase": settings.CNIS_PHASE,
        "feedback_email": settings.CNIS_FEEDBACK_EMAIL,
        "header_authority": authority,
    }
