"""The LA's settings for its national return: its own census date for a term."""

from datetime import date

from django.db import transaction

from registers.actors import Actor
from registers.audit import audit_record
from registers.errors import ApplicationError
from registers.models import AuditEvent, CensusDate, LocalAuthority
from registers.rules.census import Term, census_date_refusal

CENSUS_DATE_REASON = "Back to the published census date pattern"


@transaction.atomic
def census_date_set(
    *,
    authority: LocalAuthority,
    academic_year_start: int,
    term: Term,
    census_date: date | None,
    actor: Actor,
) -> CensusDate | None:
    """Set the LA's own census date for the term, or with None go back to the published
    pattern for it. Returns the date in force for the term, None if the pattern's.

    Refuses (ApplicationError, by field) a date outside the term's academic year.
    """
    if census_date is not None and (
        refusal := census_date_refusal(academic_year_start, term, census_date)
    ):
        raise ApplicationError({"census_date": [refusal]})
    current = (
        CensusDate.objects.live()
        .select_for_update()
        .filter(authority=authority, academic_year_start=academic_year_start, term=term)
        .first()
    )
    if census_date is None and current is None:
        return None
    if census_date is None:
        current.archive(actor=actor, reason=CENSUS_DATE_REASON)
    elif current is None:
        current = CensusDate.objects.create(
            authority=authority,
            academic_year_start=academic_year_start,
            term=term,
            census_date=census_date,
            created_by=actor.user,
            modified_by=actor.user,
        )
    else:
        current.census_date = census_date
        current.modified_by = actor.user
        current.save(update_fields=["census_date", "modified_by", "modified_at"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        outcome=AuditEvent.Outcome.ALLOWED,
        authority=authority,
        object_type="census_date",
        object_id=current.pk,
    )
    return current if census_date is not None else None
