"""An LA admin's staff accounts: invitations that work once and expire, roles, deactivation,
authenticator resets; every refusal changes nothing."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from registers.errors import ApplicationError
from registers.models import AuditEvent, OutboxMessage, StaffInvitation, StaffRole, StaffUser
from registers.selectors.links import LinkNotUsable, link_digest, staff_invitation_for_link
from registers.selectors.staff_accounts import (
    StaffMemberNotFound,
    authenticator_secret,
    staff_list,
)
from registers.services.staff_accounts import (
    staff_authenticator_reset,
    staff_deactivate,
    staff_invitation_accept,
    staff_invitation_resend,
    staff_invite,
    staff_role_change,
)
from tests.factories import StaffUserFactory, public_actor, staff_actor
from tests.staff_accounts import NEW_PASSWORD, code_for, invitation_link_sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(devon):
    return StaffUserFactory(authority=devon, role=StaffRole.LA_ADMIN, email="admin@devon.example")


def _token(link: str) -> str:
    return urlsplit(link).path.rstrip("/").rsplit("/", 1)[1]


def _invite(admin, email="new.officer@devon.example", **given):
    return staff_invite(
        authority=admin.authority,
        email=email,
        full_name=given.get("full_name", "Nia Officer"),
        role=given.get("role", StaffRole.OFFICER),
        actor=staff_actor(admin),
    )


def _device_key(user) -> str:
    return authenticator_secret(TOTPDevice.objects.get(user=user, confirmed=False))


def test_an_invitation_is_emailed_with_a_link_only_the_email_holds(admin):
    invited = _invite(admin)

    member = invited.invitation.user
    assert (member.role, member.authority, member.has_usable_password()) == (
        StaffRole.OFFICER,
        admin.authority,
        False,
    )
    assert invited.link == ""
    queued = OutboxMessage.objects.get(pk=invited.invitation.email_id)
    assert "/staff/invitation/" not in queued.payload["body"]
    link = invitation_link_sent("new.officer@devon.example")
    invitation = StaffInvitation.objects.get(pk=invited.invitation.pk)
    assert invitation.token_digest == link_digest(_token(link))
    assert invitation.expires_at > timezone.now()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, object_type="staff_user", object_id=str(member.pk)
    ).exists()


def test_the_invited_member_sets_a_password_and_authenticator_once(admin, client):
    member = _invite(admin).invitation.user
    token = _token(invitation_link_sent(member.email))
    key = _device_key(member)

    staff_invitation_accept(
        token=token,
        password=NEW_PASSWORD,
        password_again=NEW_PASSWORD,
        code=code_for(key),
        actor=public_actor(),
    )

    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert TOTPDevice.objects.get(user=member).confirmed
    with pytest.raises(LinkNotUsable) as refused:
        staff_invitation_accept(
            token=token,
            password="another-long-password-1",
            password_again="another-long-password-1",
            code=code_for(key, drift=1),
            actor=public_actor(),
        )
    assert refused.value.reason == "used"
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_an_expired_invitation_sets_nothing(admin):
    member = _invite(admin).invitation.user
    token = _token(invitation_link_sent(member.email))
    StaffInvitation.objects.filter(user=member).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    with pytest.raises(LinkNotUsable) as refused:
        staff_invitation_accept(
            token=token,
            password=NEW_PASSWORD,
            password_again=NEW_PASSWORD,
            code=code_for(_device_key(member)),
            actor=public_actor(),
        )

    assert refused.value.reason == "expired"
    member.refresh_from_db()
    assert not member.has_usable_password()


def test_a_weak_password_or_wrong_code_sets_nothing_and_the_link_still_works(admin):
    member = _invite(admin).invitation.user
    token = _token(invitation_link_sent(member.email))
    key = _device_key(member)
    right = code_for(key)
    wrong = f"{(int(right) + 500000) % 1000000:06d}"

    with pytest.raises(ApplicationError) as refused:
        staff_invitation_accept(
            token=token, password="short", password_again="short", code=wrong, actor=public_actor()
        )

    assert set(refused.value.errors) == {"password", "code"}
    member.refresh_from_db()
    assert not member.has_usable_password()
    assert not TOTPDevice.objects.get(user=member).confirmed
    staff_invitation_accept(
        token=token,
        password=NEW_PASSWORD,
        password_again=NEW_PASSWORD,
        code=right,
        actor=public_actor(),
    )
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


@pytest.mark.parametrize(
    ("email", "field", "message"),
    [
        ("not-an-email", "email", "Enter an email address in the correct format"),
        ("", "email", "Enter their email address"),
        ("ADMIN@devon.example", "email", "There is already an account with this email address"),
    ],
)
def test_a_bad_invitation_makes_nothing(admin, email, field, message):
    before = (StaffUser.objects.count(), OutboxMessage.objects.count(), AuditEvent.objects.count())

    with pytest.raises(ApplicationError) as refused:
        _invite(admin, email=email)

    assert refused.value.errors[field][0].startswith(message)
    after = (StaffUser.objects.count(), OutboxMessage.objects.count(), AuditEvent.objects.count())
    assert after == before


def test_an_admin_cannot_deactivate_themselves(admin):
    with pytest.raises(ApplicationError, match="You cannot deactivate your own account"):
        staff_deactivate(authority=admin.authority, user_id=admin.pk, actor=staff_actor(admin))

    admin.refresh_from_db()
    assert admin.is_active


def test_the_last_admin_keeps_the_role_and_their_account(admin):
    with pytest.raises(ApplicationError, match="only active administrator"):
        staff_role_change(
            authority=admin.authority,
            user_id=admin.pk,
            role=StaffRole.OFFICER,
            actor=staff_actor(admin),
        )
    second = StaffUserFactory(authority=admin.authority, role=StaffRole.LA_ADMIN)
    staff_deactivate(authority=admin.authority, user_id=second.pk, actor=staff_actor(admin))
    with pytest.raises(ApplicationError, match="only active administrator"):
        staff_role_change(
            authority=admin.authority,
            user_id=admin.pk,
            role=StaffRole.MANAGER,
            actor=staff_actor(admin),
        )

    admin.refresh_from_db()
    assert admin.role == StaffRole.LA_ADMIN


def test_a_role_changes_when_another_admin_remains(admin):
    second = StaffUserFactory(authority=admin.authority, role=StaffRole.LA_ADMIN)

    staff_role_change(
        authority=admin.authority, user_id=second.pk, role="manager", actor=staff_actor(admin)
    )

    second.refresh_from_db()
    assert second.role == StaffRole.MANAGER
    assert AuditEvent.objects.filter(object_type="staff_user_role", object_id=str(second.pk))


def test_another_las_staff_cannot_be_touched(admin, cornwall_officer):
    for change, extra in (
        (staff_deactivate, {}),
        (staff_authenticator_reset, {}),
        (staff_role_change, {"role": StaffRole.LA_ADMIN}),
    ):
        with pytest.raises(StaffMemberNotFound):
            change(
                authority=admin.authority,
                user_id=cornwall_officer.pk,
                actor=staff_actor(admin),
                **extra,
            )

    cornwall_officer.refresh_from_db()
    assert (cornwall_officer.is_active, cornwall_officer.role) == (True, StaffRole.OFFICER)
    assert TOTPDevice.objects.get(user=cornwall_officer).confirmed
    assert [member.user for member in staff_list(authority=admin.authority)] == [admin]


def test_a_reset_authenticator_no_longer_gives_codes_that_work(admin, officer):
    staff_authenticator_reset(
        authority=admin.authority, user_id=officer.pk, actor=staff_actor(admin)
    )

    assert not TOTPDevice.objects.filter(user=officer, confirmed=True).exists()
    assert TOTPDevice.objects.filter(user=officer, confirmed=False).count() == 1
    member = next(m for m in staff_list(authority=admin.authority) if m.user == officer)
    assert member.status == "Sets up authenticator at next sign-in"


def test_a_new_invitation_replaces_the_old_link(admin):
    member = _invite(admin).invitation.user
    old = _token(invitation_link_sent(member.email))

    staff_invitation_resend(authority=admin.authority, user_id=member.pk, actor=staff_actor(admin))
    new = _token(invitation_link_sent(member.email))

    with pytest.raises(LinkNotUsable):
        staff_invitation_for_link(token=old, lock=False)
    assert staff_invitation_for_link(token=new, lock=False).user == member


def test_an_account_already_set_up_is_not_invited_again(admin, officer):
    with pytest.raises(ApplicationError, match="has already set up their account"):
        staff_invitation_resend(
            authority=admin.authority, user_id=officer.pk, actor=staff_actor(admin)
        )

    assert not StaffInvitation.objects.exists()
