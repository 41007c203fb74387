"""The public start page and the health check."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from registers.public.authority import chosen_authority
from registers.selectors.authorities import hosted_authorities


def start(request: HttpRequest) -> HttpResponse:
    """The GOV.UK start page, named for the parent's LA once it is known."""
    authority = chosen_authority(request)
    return render(
        request,
        "public/start.html",
        {
            "authority": authority,
            "la_name": authority.name if authority else "your local authority",
            "authorities": hosted_authorities(),
        },
    )


def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not (for load balancers and compose)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy", whatever its type
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
