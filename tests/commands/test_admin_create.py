"""manage.py admin_create: an LA's first administrator, with a link printed once."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from registers.models import AuditEvent, StaffRole, StaffUser
from registers.rules.codes import Door
from tests.staff_accounts import NEW_PASSWORD, code_for, key_shown

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/staff/invitation/\S+/")


def create(*args) -> str:
    out = StringIO()
    call_command("admin_create", *args, stdout=out)
    return out.getvalue()


def test_the_first_admin_sets_up_their_account_with_the_printed_link(devon):
    said = create("--authority", "878", "--email", "Head@Devon.example", "--name", "Ada Head")

    admin = StaffUser.objects.get()
    assert (admin.email, admin.role, admin.authority) == (
        "head@devon.example",
        StaffRole.LA_ADMIN,
        devon,
    )
    assert AuditEvent.objects.filter(door=Door.COMMAND, object_type="staff_user").exists()
    link = urlsplit(LINK.search(said)[0]).path
    browser = Client()
    key = key_shown(browser.get(link).content.decode())
    browser.post(
        link, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "code": code_for(key)}
    )
    admin.refresh_from_db()
    assert admin.check_password(NEW_PASSWORD)


def test_running_it_again_gives_a_new_link_and_the_old_one_stops_working(devon):
    first = LINK.search(create("--authority", "878", "--email", "a@devon.example", "--name", "A"))
    second = LINK.search(create("--authority", "878", "--email", "a@devon.example", "--name", "A"))

    assert StaffUser.objects.count() == 1
    assert Client().get(urlsplit(first[0]).path).status_code == 410
    assert Client().get(urlsplit(second[0]).path).status_code == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--authority", "999", "--email", "a@x.example", "--name", "A"], "999"),
        (["--authority", "878", "--email", "not-an-email", "--name", "A"], "correct format"),
    ],
)
def test_bad_input_makes_no_account(devon, args, message):
    with pytest.raises(CommandError, match=message):
        create(*args)

    assert StaffUser.objects.count() == 0
