"""Reading a letter's PDF as a person would: its text, as a PDF reader extracts it."""

import io

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    """The words of every page of the PDF, with the lines joined by spaces."""
    reader = PdfReader(io.BytesIO(bytes(pdf)))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
