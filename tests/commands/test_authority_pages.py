"""manage.py authority_page and authority_contact: an LA's footer pages in its own words, and
the contact details its contact page gives, until the LA admin pages can set them."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from registers.models import AuditEvent
from registers.rules.codes import Door

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_an_las_own_text_is_set_from_a_file_and_shown_on_its_page(client, devon, tmp_path):
    notice = tmp_path / "privacy.txt"
    notice.write_text("Devon's privacy notice.\r\nWritten by Devon.\r\n", encoding="utf-8")

    said = run("authority_page", "878", "privacy", "--from-file", str(notice))

    assert said == "Devon's privacy notice now shows its own text.\n"
    devon.refresh_from_db()
    assert devon.privacy_notice == "Devon's privacy notice.\nWritten by Devon."
    page = client.get(reverse("public:information", args=["privacy"])).content.decode()
    assert '<p class="govuk-body">Written by Devon.</p>' in page
    event = AuditEvent.objects.get()
    assert (event.action, event.door, event.object_type) == (
        AuditEvent.Action.UPDATE,
        Door.COMMAND,
        "local_authority",
    )


def test_text_can_come_from_standard_input(devon, monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO("Devon's statement."))

    run("authority_page", "878", "accessibility", "--from-file", "-")

    devon.refresh_from_db()
    assert devon.accessibility_statement == "Devon's statement."


def test_the_text_a_page_shows_is_printed_to_start_from(devon):
    assert "Devon is the data controller" in run("authority_page", "878", "privacy")


def test_default_brings_back_the_text_the_service_writes(devon):
    devon.cookies_text = "Our own words."
    devon.save()

    said = run("authority_page", "878", "cookies", "--default")

    assert said == "Devon's cookies now shows the default text.\n"
    devon.refresh_from_db()
    assert devon.cookies_text == ""


def test_text_too_long_for_a_page_is_refused(devon, tmp_path):
    too_long = tmp_path / "long.txt"
    too_long.write_text("x" * 20_001, encoding="utf-8")

    with pytest.raises(CommandError, match="20000 characters or fewer"):
        run("authority_page", "878", "privacy", "--from-file", str(too_long))
    devon.refresh_from_db()
    assert devon.privacy_notice == ""


def test_an_unknown_la_is_refused(devon):
    with pytest.raises(CommandError, match="is not an English local authority"):
        run("authority_page", "999", "privacy")


def test_contact_details_are_set_and_shown_on_the_contact_page(client, devon):
    said = run(
        "authority_contact",
        "878",
        "--email",
        "cnis@devon.example",
        "--phone",
        "01392 000000",
        "--address-line",
        "County Hall",
        "--address-line",
        "Exeter EX2 4QD",
    )

    assert said == "Devon's contact details are set.\n"
    page = client.get(reverse("public:information", args=["contact"])).content.decode()
    assert "cnis@devon.example" in page
    assert "County Hall<br>Exeter EX2 4QD" in page


def test_bad_contact_details_are_refused_and_nothing_is_changed(devon):
    with pytest.raises(CommandError, match="Enter an email address in the correct format"):
        run("authority_contact", "878", "--email", "not-an-email", "--phone", "01392 000000")
    devon.refresh_from_db()
    assert (devon.contact_email, devon.contact_phone) == ("", "")
