"""What the national collection keeps: where each LA's return is read, each run for a term,
what each LA answered, the tables added up from the accepted returns, and the population
the rates are per 100 of."""

from django.db import models


class Source(models.Model):
    """An LA's register, as the national job reaches it: its API's address and a token with
    the returns:read scope. The token is kept to send, never shown again (only its start)."""

    old_la_code = models.CharField(max_length=3, unique=True)
    new_la_code = models.CharField(max_length=9)
    la_name = models.CharField(max_length=100)
    # The region as the publication has it: Inner London and Outer London, not London.
    region_code = models.CharField(max_length=9)
    region_name = models.CharField(max_length=50)
    base_url = models.URLField(max_length=300)
    token = models.CharField(max_length=200)
    added_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["la_name"]

    def __str__(self) -> str:
        return f"{self.la_name} ({self.old_la_code})"

    @property
    def token_start(self) -> str:
        """Enough of the token to tell which it is, and no more."""
        return f"{self.token[:10]}…"


class Term(models.TextChoices):
    AUTUMN = "autumn", "Autumn term"
    SPRING = "spring", "Spring term"
    SUMMER = "summer", "Summer term"


class CollectionRun(models.Model):
    """The collection of one term's returns. Collecting the term again restarts its run."""

    academic_year = models.CharField(max_length=7)  # "2025-26"
    term = models.CharField(max_length=6, choices=Term.choices)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-academic_year", "-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["academic_year", "term"], name="national_run_term")
        ]

    def __str__(self) -> str:
        return f"{self.get_term_display()} {self.academic_year}"


class ReturnStatus(models.TextChoices):
    MISSING = "missing", "Missing"
    RECEIVED = "received", "Received"
    VALID = "valid", "Valid"
    INVALID = "invalid", "Invalid"
    FAILED = "failed", "Failed"


class LaReturnResult(models.Model):
    """What one LA answered in a run: the return itself once it is accepted, else why not."""

    run = models.ForeignKey(CollectionRun, on_delete=models.CASCADE, related_name="results")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="results")
    status = models.CharField(
        max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.MISSING
    )
    reasons = models.JSONField(default=list, blank=True)
    payload = models.JSONField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["source__la_name"]
        constraints = [
            models.UniqueConstraint(fields=["run", "source"], name="national_result_run_source")
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.get_status_display()}"


class GeographicLevel(models.TextChoices):
    NATIONAL = "National"
    REGIONAL = "Regional"
    LOCAL_AUTHORITY = "Local authority"


class AreaCount(models.Model):
    """One count of a run's tables: a file's breakdown, for England, a region or an LA,
    added up in the database from the accepted returns (national.aggregation)."""

    run = models.ForeignKey(CollectionRun, on_delete=models.CASCADE, related_name="counts")
    file = models.CharField(max_length=30)
    geographic_level = models.CharField(max_length=20, choices=GeographicLevel.choices)
    area_code = models.CharField(max_length=9)
    breakdown_topic = models.CharField(max_length=60)
    breakdown_code = models.CharField(max_length=40)
    breakdown = models.CharField(max_length=100)
    position = models.PositiveIntegerField()
    child_count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["run", "file", "area_code", "breakdown_topic", "breakdown_code"],
                name="national_count_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.area_code} {self.file} {self.breakdown}: {self.child_count}"


class Population(models.Model):
    """ONS mid-year estimate of an LA's children aged 5 to 16: the rates' denominator."""

    new_la_code = models.CharField(max_length=9, unique=True)
    population = models.PositiveIntegerField()
    mid_year = models.PositiveSmallIntegerField()

    def __str__(self) -> str:
        return f"{self.new_la_code}: {self.population} ({self.mid_year})"
