"""Staff accounts: each belongs to one LA, except national analysts, who belong to none."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone

from registers.models.audit import OutboxMessage
from registers.models.authorities import LocalAuthority


class StaffRole(models.TextChoices):
    OFFICER = "officer", "Officer"
    MANAGER = "manager", "Manager"
    LA_ADMIN = "la_admin", "Local authority administrator"
    NATIONAL_ANALYST = "national_analyst", "National analyst"


LA_ROLES = (StaffRole.OFFICER, StaffRole.MANAGER, StaffRole.LA_ADMIN)
# Who works cases (moves them, serves notices): an LA's administrator sees them, but keeps the
# service's accounts and settings rather than its cases.
CASE_WORKER_ROLES = (StaffRole.OFFICER, StaffRole.MANAGER)


class StaffUserManager(BaseUserManager["StaffUser"]):
    def get_queryset(self) -> models.QuerySet["StaffUser"]:
        # Every staff page shows the user's LA: load it with the user, not in a query of its own.
        return super().get_queryset().select_related("authority")

    def create_user(self, email: str, password: str | None = None, **fields) -> "StaffUser":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user


class StaffUser(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=StaffRole.choices)
    authority = models.ForeignKey(
        LocalAuthority,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    # Safeguarding fields (s.47 enquiries, CP plans, CIN, looked-after status) are shown only
    # to staff an LA admin has cleared for them.
    can_view_safeguarding = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = StaffUserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name", "role"]

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(role=StaffRole.NATIONAL_ANALYST, authority__isnull=True)
                    | (
                        ~models.Q(role=StaffRole.NATIONAL_ANALYST)
                        & models.Q(authority__isnull=False)
                    )
                ),
                name="staff_authority_matches_role",
                violation_error_message=(
                    "National analysts belong to no local authority; everyone else to one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def works_cases(self) -> bool:
        return self.role in CASE_WORKER_ROLES and self.works_for_authority

    @property
    def works_for_authority(self) -> bool:
        return self.role in LA_ROLES and self.authority_id is not None


class StaffInvitation(models.Model):
    """An invitation to a new member of staff (or the first admin): a single-use link to set a
    password and an authenticator app.

    Like every link secret, only the digest of its token is kept. A link sent by email is made
    when the email is delivered (registers.services.links), so until then it has no digest and
    no expiry; one printed by `manage.py admin_create` is made at once.
    """

    user = models.ForeignKey(StaffUser, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(
        StaffUser, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    token_digest = models.CharField(max_length=64, unique=True, null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)
    # The email that carries the link, while it waits in the outbox.
    email = models.OneToOneField(
        OutboxMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Invitation for {self.user}"
