"""The LA's settings for its national return."""

from django.db import models

from registers.models.authorities import LocalAuthority
from registers.models.base import BaseModel
from registers.rules.census import Term
from registers.rules.deadlines import long_date


class CensusDate(BaseModel):
    """An LA's own census date for one term, in place of the published pattern.

    One row per term rather than a field on the LA: a date is set for a particular term of a
    particular year (when the Department moves a census day, say), and the pattern
    (registers.rules.census) gives every term that has no row. Archiving the row returns the
    term to the pattern.
    """

    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="census_dates"
    )
    academic_year_start = models.PositiveSmallIntegerField(
        "First calendar year of the academic year"
    )
    term = models.CharField(max_length=12, choices=[(term.value, term.value) for term in Term])
    census_date = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "academic_year_start", "term"],
                condition=models.Q(archived_at__isnull=True),
                name="one_census_date_per_term",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.term} {self.academic_year_start}: {long_date(self.census_date)}"
