"""Local authorities: every English LA is known; a deployment hosts one or several."""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

from registers.rules.codes import Regime


class LocalAuthority(models.Model):
    """An English local authority, with the settings that regulations will fix.

    The periods and thresholds are per LA settings rather than constants because the
    regulations under the Children's Wellbeing and Schools Act 2026 have not yet set them.
    """

    dfe_number = models.CharField(
        "DfE local authority number",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", "Enter a 3-digit local authority number")],
    )
    ons_code = models.CharField("ONS code", max_length=9, unique=True)
    name = models.CharField(max_length=100, unique=True)
    region_code = models.CharField(max_length=9)
    region_name = models.CharField(max_length=50)
    london_split = models.CharField(max_length=20, blank=True)
    hosted = models.BooleanField(
        default=False, help_text="This deployment keeps this authority's register."
    )
    regime = models.CharField(max_length=20, choices=Regime.choices, default=Regime.EHE_2019)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    contact_address = models.TextField(blank=True, help_text="The postal address, a line each.")

    # The pages every page's footer links to, in the LA's own words. Blank shows the default,
    # written from the LA's settings and what the service does (registers.selectors.information).
    # Plain text: pages show each line as a paragraph, escaped, never as HTML.
    privacy_notice = models.TextField(blank=True)
    accessibility_statement = models.TextField(blank=True)
    cookies_text = models.TextField("cookies page text", blank=True)
    contact_text = models.TextField("contact page text", blank=True)

    # s.436D: a parent tells the LA within this many days of the child becoming eligible.
    registration_period_days = models.PositiveSmallIntegerField(default=15)
    # L2: the LA considers where the child lives within this many days of registration.
    living_situation_period_days = models.PositiveSmallIntegerField(default=15)
    # s.436D / P2: update requests no more often than every 3 months, at least every 12.
    update_request_min_months = models.PositiveSmallIntegerField(default=3)
    update_request_max_months = models.PositiveSmallIntegerField(default=12)
    # s.436E: providers answer within a period regulations will set.
    provider_response_period_days = models.PositiveSmallIntegerField(default=15)
    # s.436C(1)(e): providers above a prescribed weekly time are recorded in full.
    provider_hours_threshold = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        default=Decimal("0.0"),
        validators=[MinValueValidator(Decimal("0.0"))],
    )
    # s.437(2): a notice to satisfy gives at least 15 days; the Act's period is unconfirmed.
    notice_to_satisfy_period_days = models.PositiveSmallIntegerField(default=15)
    # s.438(4) today, s.436K under the Act: the parent may choose another school within 15 days
    # beginning with the day the school nomination notice is served.
    school_nomination_period_days = models.PositiveSmallIntegerField(default=15)
    # s.434A: after a refusal the parent may not ask again for this many months.
    consent_re_request_months = models.PositiveSmallIntegerField(default=6)
    # Retention is LA policy: years after the child leaves compulsory school age.
    retention_years_after_school_age = models.PositiveSmallIntegerField(default=6)
    # Counts every change to the settings above, so a form opened before another admin's
    # change is refused rather than saved over it.
    settings_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    update_request_min_months__lte=models.F("update_request_max_months")
                ),
                name="update_request_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name
