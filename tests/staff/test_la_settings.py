"""The LA admin's settings pages: staff accounts, periods and thresholds, footer pages. Only an
LA admin, only for their own LA; bad input shows GOV.UK errors and changes nothing."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.intake.staff_settings import WINDOW_OUT_OF_ORDER
from registers.models import AuditEvent, LocalAuthority, StaffRole, StaffUser
from tests.conftest import sign_in_fully
from tests.factories import STAFF_PASSWORD, TOTP_KEY_HEX, StaffUserFactory
from tests.pages import assert_errors_shown, error_summary, text
from tests.staff_accounts import NEW_PASSWORD, code_for, invitation_link_sent, key_shown
from tests.statements import statements_run

pytestmark = pytest.mark.django_db

SETTINGS_PAGES = ["staff:settings-staff", "staff:settings-periods", "staff:settings-pages"]


@pytest.fixture
def admin(devon):
    return StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN, email="admin@devon.example")


@pytest.fixture
def admin_client(client, admin):
    return sign_in_fully(client, admin)


def _periods(devon, **changed) -> dict:
    answers = {
        "version": devon.settings_version,
        "regime": devon.regime,
        "registration_period_days": "15",
        "living_situation_period_days": "15",
        "update_request_min_months": "3",
        "update_request_max_months": "12",
        "provider_response_period_days": "15",
        "notice_to_satisfy_period_days": "15",
        "school_nomination_period_days": "15",
        "consent_re_request_months": "6",
        "retention_years_after_school_age": "6",
        "provider_hours_threshold": "0",
    }
    return {**answers, **changed}


@pytest.mark.parametrize("role", [StaffRole.OFFICER, StaffRole.MANAGER])
@pytest.mark.parametrize("name", [*SETTINGS_PAGES, "staff:settings-staff-invite"])
def test_officers_and_managers_are_refused_every_settings_page(client, devon, role, name):
    sign_in_fully(client, StaffUserFactory(authority=devon, role=role))

    looked = client.get(reverse(name))
    posted = client.post(reverse(name), {"email": "x@devon.example", "full_name": "X"})

    assert (looked.status_code, posted.status_code) == (403, 403)
    assert AuditEvent.objects.filter(outcome=AuditEvent.Outcome.DENIED).count() == 2
    assert StaffUser.objects.count() == 1


def test_an_officer_cannot_deactivate_a_colleague(client, devon, officer):
    colleague = StaffUserFactory(authority=devon)
    sign_in_fully(client, officer)

    refused = client.post(reverse("staff:settings-staff-deactivate", args=[colleague.pk]))

    assert refused.status_code == 403
    colleague.refresh_from_db()
    assert colleague.is_active


def test_the_admin_sees_the_las_staff_only(admin_client, admin, officer, cornwall_officer):
    page = text(admin_client.get(reverse("staff:settings-staff")).content.decode())

    assert officer.full_name in page and admin.full_name in page
    assert cornwall_officer.email not in page


def test_another_las_member_is_not_found(admin_client, cornwall_officer):
    looked = admin_client.get(reverse("staff:settings-staff-member", args=[cornwall_officer.pk]))
    posted = admin_client.post(
        reverse("staff:settings-staff-deactivate", args=[cornwall_officer.pk])
    )

    assert (looked.status_code, posted.status_code) == (404, 404)
    cornwall_officer.refresh_from_db()
    assert cornwall_officer.is_active


def test_an_invitation_with_a_bad_email_shows_errors_and_sends_nothing(admin_client):
    response = admin_client.post(
        reverse("staff:settings-staff-invite"),
        {"full_name": "Nia Officer", "email": "nia@", "role": StaffRole.OFFICER},
    )

    assert_errors_shown(
        response,
        [("id_email", "Enter an email address in the correct format, like name@example.com")],
    )
    assert StaffUser.objects.count() == 1


def test_an_invitation_to_an_address_already_used_shows_an_error(admin_client, officer):
    response = admin_client.post(
        reverse("staff:settings-staff-invite"),
        {"full_name": "Someone", "email": officer.email.upper(), "role": StaffRole.MANAGER},
    )

    assert_errors_shown(
        response, [("id_email", "There is already an account with this email address")]
    )
    officer.refresh_from_db()
    assert officer.role == StaffRole.OFFICER


def test_an_invited_officer_sets_up_their_account_and_signs_in(admin_client):
    invited = admin_client.post(
        reverse("staff:settings-staff-invite"),
        {"full_name": "Nia Officer", "email": "Nia@Devon.example", "role": StaffRole.OFFICER},
        follow=True,
    )
    assert "Invitation sent to Nia Officer at nia@devon.example" in text(invited.content.decode())
    link = urlsplit(invitation_link_sent("nia@devon.example")).path
    newcomer = Client()

    opened = newcomer.get(link)
    key = key_shown(opened.content.decode())
    set_up = newcomer.post(
        link,
        {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "code": code_for(key)},
        follow=True,
    )
    again = newcomer.get(link)

    assert "Your account is set up" in text(set_up.content.decode())
    assert again.status_code == 410
    newcomer.post(
        reverse("staff:sign-in"), {"email": "nia@devon.example", "password": NEW_PASSWORD}
    )
    signed_in = newcomer.post(
        reverse("staff:sign-in-code"), {"code": code_for(key, drift=1)}, follow=True
    )
    assert signed_in.request["PATH_INFO"] == reverse("staff:dashboard")


def test_a_deactivated_member_cannot_sign_in(admin_client, officer):
    admin_client.post(reverse("staff:settings-staff-deactivate", args=[officer.pk]))

    refused = Client().post(
        reverse("staff:sign-in"), {"email": officer.email, "password": STAFF_PASSWORD}
    )

    assert error_summary(refused) == [("id_email", "Enter a correct email address and password")]


def test_the_admin_cannot_deactivate_themselves_on_the_page(admin_client, admin):
    response = admin_client.post(reverse("staff:settings-staff-deactivate", args=[admin.pk]))

    assert error_summary(response) == [("actions", "You cannot deactivate your own account")]
    admin.refresh_from_db()
    assert admin.is_active


def test_a_reset_member_sets_up_an_authenticator_at_next_sign_in(admin_client, officer):
    admin_client.post(reverse("staff:settings-staff-authenticator", args=[officer.pk]))
    member = Client()

    after_password = member.post(
        reverse("staff:sign-in"), {"email": officer.email, "password": STAFF_PASSWORD}, follow=True
    )
    key = key_shown(after_password.content.decode())
    signed_in = member.post(
        reverse("staff:sign-in-authenticator"), {"code": code_for(key)}, follow=True
    )

    assert after_password.request["PATH_INFO"] == reverse("staff:sign-in-authenticator")
    assert signed_in.request["PATH_INFO"] == reverse("staff:dashboard")
    assert TOTPDevice.objects.get(user=officer).confirmed


def test_periods_are_saved_and_audited(admin_client, devon):
    saved = admin_client.post(
        reverse("staff:settings-periods"),
        _periods(devon, update_request_min_months="4", provider_hours_threshold="12.5"),
        follow=True,
    )

    assert "Your changes are saved" in text(saved.content.decode())
    devon.refresh_from_db()
    assert (devon.update_request_min_months, str(devon.provider_hours_threshold)) == (4, "12.5")
    assert AuditEvent.objects.filter(
        object_type="local_authority", action=AuditEvent.Action.UPDATE
    ).exists()


def test_a_window_out_of_order_changes_nothing(admin_client, devon):
    response = admin_client.post(
        reverse("staff:settings-periods"),
        _periods(devon, update_request_min_months="13", registration_period_days="ten"),
    )

    assert_errors_shown(
        response,
        [
            (
                "id_registration_period_days",
                "Registration period must be a whole number of days, like 1",
            ),
            (
                "id_update_request_min_months",
                WINDOW_OUT_OF_ORDER,
            ),
        ],
    )
    before = devon.settings_version
    devon.refresh_from_db()
    assert (devon.update_request_min_months, devon.settings_version) == (3, before)


def test_a_stale_periods_form_is_refused(admin_client, devon):
    opened_at = devon.settings_version
    LocalAuthority.objects.filter(pk=devon.pk).update(settings_version=opened_at + 1)

    response = admin_client.post(
        reverse("staff:settings-periods"),
        _periods(devon, version=opened_at, registration_period_days="20"),
    )

    assert (
        "These settings have been changed since you opened this page"
        in error_summary(response)[0][1]
    )
    devon.refresh_from_db()
    assert devon.registration_period_days == 15


def test_footer_pages_and_contact_details_are_saved_and_shown(admin_client, devon):
    admin_client.post(
        reverse("staff:settings-pages"),
        {
            "version": devon.settings_version,
            "contact_email": "cnis@devon.example",
            "contact_phone": "01392 000000",
            "contact_address": "County Hall\r\nExeter",
            "privacy_notice": "Devon's own privacy notice.",
        },
    )

    devon.refresh_from_db()
    assert (devon.contact_email, devon.contact_address) == (
        "cnis@devon.example",
        "County Hall\nExeter",
    )
    assert devon.privacy_notice == "Devon's own privacy notice."
    shown = Client().get(reverse("public:information", args=["privacy"]))
    assert "Devon's own privacy notice." in text(shown.content.decode())


def test_a_bad_contact_email_saves_no_page(admin_client, devon):
    response = admin_client.post(
        reverse("staff:settings-pages"),
        {
            "version": devon.settings_version,
            "contact_email": "cnis at devon",
            "privacy_notice": "Not saved.",
        },
    )

    assert error_summary(response) == [
        ("id_contact_email", "Enter an email address in the correct format, like name@example.com")
    ]
    devon.refresh_from_db()
    assert devon.privacy_notice == ""


def test_a_national_analyst_lands_on_the_national_dashboard():
    StaffUserFactory(
        authority=None, role=StaffRole.NATIONAL_ANALYST, email="analyst@national.example"
    )
    analyst = Client()
    analyst.post(
        reverse("staff:sign-in") + "?next=/staff/register/",
        {"email": "analyst@national.example", "password": STAFF_PASSWORD},
    )
    landed = analyst.post(
        reverse("staff:sign-in-code"),
        {"code": f"{TOTP(bytes.fromhex(TOTP_KEY_HEX)).token():06d}"},
        follow=True,
    )

    assert landed.status_code == 200
    assert landed.request["PATH_INFO"] == reverse("national:dashboard")
    assert "You cannot see this page" not in landed.content.decode()
    assert analyst.get(reverse("staff:dashboard")).url == reverse("national:dashboard")


def test_a_stale_pages_form_is_refused_and_the_other_admins_text_kept(admin_client, devon):
    opened_at = devon.settings_version
    LocalAuthority.objects.filter(pk=devon.pk).update(
        privacy_notice="Another admin's notice.", settings_version=opened_at + 1
    )

    response = admin_client.post(
        reverse("staff:settings-pages"),
        {"version": opened_at, "privacy_notice": "Mine, written over it."},
    )

    assert (
        "These settings have been changed since you opened this page"
        in error_summary(response)[0][1]
    )
    devon.refresh_from_db()
    assert devon.privacy_notice == "Another admin's notice."


def test_the_staff_list_costs_the_same_for_a_large_team(admin_client, devon):
    StaffUserFactory.create_batch(2, authority=devon)
    url = reverse("staff:settings-staff")
    small = len(statements_run(lambda: admin_client.get(url)))
    StaffUserFactory.create_batch(30, authority=devon)

    large = statements_run(lambda: admin_client.get(url))

    assert len(large) == small


def test_a_deactivated_members_open_session_ends(admin_client, officer):
    member = sign_in_fully(Client(), officer)
    assert member.get(reverse("staff:register")).status_code == 200

    admin_client.post(reverse("staff:settings-staff-deactivate", args=[officer.pk]))

    assert member.get(reverse("staff:register")).url.startswith(reverse("staff:sign-in"))


def test_the_admin_clears_a_member_for_safeguarding_information(admin_client, officer):
    url = reverse("staff:settings-staff-safeguarding", args=[officer.pk])

    unanswered = admin_client.post(url, {})
    officer.refresh_from_db()
    assert not officer.can_view_safeguarding
    cleared = admin_client.post(url, {"can_view_safeguarding": "yes"}, follow=True)

    assert error_summary(unanswered) == [
        ("id_can_view_safeguarding_1", "Select yes if they may see safeguarding information")
    ]
    assert f"{officer.full_name} may see safeguarding information" in text(
        cleared.content.decode()
    )
    officer.refresh_from_db()
    assert officer.can_view_safeguarding
    assert AuditEvent.objects.filter(
        object_type="staff_user_safeguarding", object_id=str(officer.pk)
    ).exists()
