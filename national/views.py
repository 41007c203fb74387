"""The national analyst's pages: the dashboard (the landing page), the sources, the button that
collects a term's returns, and the published files to download. Thin: forms check, services
write, selectors read."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from national.access import national_analyst_required
from national.forms import CollectForm, SourceForm
from national.publication import publication_read
from national.selectors import dashboard_read, run_get, sources_read
from national.services import source_add
from national.tables import FILES, FILES_BY_NAME
from national.tasks import collection_start
from national.writing import publication_write

COLLECTING = "Collecting the returns for the {run} from {count} LA{plural}"
SOURCE_SAVED = "{source}: returns will be read from {url}"


@national_analyst_required
def dashboard(request, academic_year: str | None = None, term: str | None = None) -> HttpResponse:
    run = None
    if academic_year and term:
        run = run_get(academic_year, term)
        if run is None:
            raise Http404("No returns have been collected for that term")
    return render(
        request,
        "national/dashboard.html",
        {"page": dashboard_read(run), "files": FILES, "form": CollectForm()},
    )


@national_analyst_required
@require_POST
def collect(request) -> HttpResponse:
    form = CollectForm(request.POST)
    if not form.is_valid():
        page = dashboard_read(None)
        return render(
            request,
            "national/dashboard.html",
            {"page": page, "files": FILES, "form": form},
            status=400,
        )
    run = collection_start(
        academic_year=form.cleaned_data["academic_year"].strip(), term=form.cleaned_data["term"]
    )
    count = run.results.count()
    messages.success(
        request, COLLECTING.format(run=run, count=count, plural="" if count == 1 else "s")
    )
    return redirect("national:run", academic_year=run.academic_year, term=run.term)


@national_analyst_required
@require_http_methods(["GET", "POST"])
def sources(request) -> HttpResponse:
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        source = source_add(
            old_la_code=data["old_la_code"], base_url=data["base_url"], token=data["token"]
        )
        messages.success(request, SOURCE_SAVED.format(source=source, url=source.base_url))
        return redirect("national:sources")
    status = 400 if form.errors else 200
    return render(
        request,
        "national/sources.html",
        {"form": form, "sources": sources_read()},
        status=status,
    )


@national_analyst_required
def download(request, academic_year: str, term: str, name: str, kind: str) -> HttpResponse:
    """A published file, written and checked against the EES standards as it is asked for."""
    run = run_get(academic_year, term)
    if run is None or run.finished_at is None or name not in FILES_BY_NAME:
        raise Http404("No such file")
    filename = f"{name}{'.meta' if kind == 'meta' else ''}.csv"
    with tempfile.TemporaryDirectory(prefix="national-") as folder:
        written = publication_write(publication_read(run), Path(folder))
        path = Path(folder) / filename
        content = path.read_bytes() if path.exists() else None
    if content is None:
        failures = [failure for failure in written.failures if failure.startswith(f"{name}.")]
        return render(
            request, "national/file_failed.html", {"name": name, "failures": failures}, status=409
        )
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
