"""Spreadsheets downloaded from the staff pages, CSV or XLSX, safe to open.

A cell that starts with = + - @, a tab or a carriage return is a formula to a spreadsheet
program (CSV injection, OWASP): such a text cell is written with a leading apostrophe, so that
it is shown as the text it is. Numbers and dates are written as themselves.
"""

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Cell = str | int | date | None


def cell_safe(value: Cell) -> Cell:
    """The value as a spreadsheet may be given it: text that would be a formula quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(
    *, filename: str, headings: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> HttpResponse:
    response = _attachment(HttpResponse(content_type=CSV_TYPE), filename)
    # A byte order mark, so that Excel reads the file as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([cell_safe(heading) for heading in headings])
    for row in rows:
        writer.writerow(["" if value is None else cell_safe(value) for value in row])
    return response


def xlsx_response(
    *, filename: str, title: str, headings: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> HttpResponse:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title)
    sheet.append([cell_safe(heading) for heading in headings])
    for row in rows:
        sheet.append([cell_safe(value) for value in row])
    content = BytesIO()
    book.save(content)
    return _attachment(HttpResponse(content.getvalue(), content_type=XLSX_TYPE), filename)
