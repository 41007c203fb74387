"""The LA's termly national return, as its register stood on the census date.

Everything is counted in the database, from each case's history (CaseTransition: every move,
with when it happened), not from today's status: five aggregate statements whatever the number
of children, each reading only the LA's own rows. What a case held at a moment is its status
now if it took it before then (status_since), else its last move before then, found by walking
the casetransition_history index (entry, occurred_at, id) backwards: only the cases that moved
since cost a look-up. The LA's cases come through the register entry's (authority,
notified_on) and (authority) indexes, its children through theirs, and the moves that made a
case missing education through the partial casetransition_to_cme index. The work grows with the
LA's cases open at the time, not with the database.

A child's sex, date of birth and SEN provision, and a case's primary reason and previous school,
are read as recorded now: the register keeps no history of them. Who counts as home educated or
missing education, the bands and the code lists are registers.rules.returns; the document's
shape is the la-return contract (registers.contracts, docs/returns.md).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from registers.actors import Actor
from registers.audit import audit_record
from registers.contracts import LA_RETURN_CONTRACT_VERSION, la_return_check
from registers.errors import ApplicationError
from registers.models import AuditEvent, CaseTransition, CensusDate, LocalAuthority, RegisterEntry
from registers.rules import returns as rules
from registers.rules.census import (
    ACADEMIC_YEAR_UNKNOWN,
    TERM_UNKNOWN,
    CensusPeriod,
    academic_year_parse,
    census_period,
    term_parse,
)
from registers.rules.codes import CaseStatus, ClosureReason
from registers.rules.deadlines import long_date
from registers.rules.pseudonyms import child_pseudonym
from registers.rules.year_group import year_group_birth_dates

CENSUS_NOT_PASSED = (
    "The census date for the {term} of {year} is {census}: its return can be made "
    "from the day after"
)

# The rules' sets as sorted lists, so that each statement's text is the same every time.
_HOME_EDUCATED = sorted(rules.ELECTIVE_HOME_EDUCATION)
_MISSING_EDUCATION = sorted(rules.MISSING_EDUCATION)
_NOT_HOME_EDUCATED = sorted(rules.NOT_HOME_EDUCATED)
_MAINSTREAM = sorted(rules.MAINSTREAM_SCHOOLS)

# A breakdown's row: the code, its label in the period, and how many children it counts.
Row = dict[str, str | int]


def _start_of(day: date) -> datetime:
    """Midnight at the start of the day, in the register's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class _Breakdown:
    """One breakdown of a set of children by a code list, counted with one FILTER per code.

    `match` gives the condition for a code; the list's `rest` code counts every child matching
    none of the others, so the breakdown always adds up to the children `within` it.
    """

    code_list: rules.PublishedCodeList
    match: Callable[[str], Q]
    within: Q = field(default_factory=Q)

    def aggregates(self, period: rules.Period, prefix: str) -> dict[str, Count]:
        codes = self.code_list.in_period(period) or ()
        others = [code for code, _ in codes if code != self.code_list.rest]
        matched = {code: self.match(code) for code in others}
        rest = ~reduce(or_, matched.values()) if matched else Q()
        return {
            f"{prefix}_{index}": Count(
                "pk", filter=self.within & (rest if code == self.code_list.rest else matched[code])
            )
            for index, (code, _) in enumerate(codes)
        }

    def rows(self, period: rules.Period, prefix: str, counts: dict[str, int]) -> list[Row] | None:
        codes = self.code_list.in_period(period)
        if codes is None:
            return None
        return [
            {"code": code, "label": label, "count": counts[f"{prefix}_{index}"]}
            for index, (code, label) in enumerate(codes)
        ]


def _equals(field_name: str) -> Callable[[str], Q]:
    return lambda code: Q(**{field_name: code})


def _counted(
    queryset: QuerySet,
    period: rules.Period,
    breakdowns: dict[str, _Breakdown],
    **totals: Count,
) -> tuple[dict[str, int], dict[str, list[Row] | None]]:
    """Run one aggregate statement for the totals and every breakdown; return both."""
    aggregates = dict(totals)
    for name, breakdown in breakdowns.items():
        aggregates |= breakdown.aggregates(period, name)
    counts = queryset.aggregate(**aggregates)
    rows = {name: item.rows(period, name, counts) for name, item in breakdowns.items()}
    return {name: counts[name] for name in totals}, rows


def _last_move_before(moment: datetime, field_name: str) -> Subquery:
    """For each case (the outer RegisterEntry), `field_name` of its last move before `moment`."""
    return Subquery(
        CaseTransition.objects.filter(entry=OuterRef("pk"), occurred_at__lt=moment)
        .order_by("-occurred_at", "-id")
        .values(field_name)[:1]
    )


def _status_at(moment: datetime) -> Case:
    """For each case (RegisterEntry), its status at `moment`: its status now if it took it
    before then, else its last move before then, looked up in its history."""
    return Case(
        When(status_since__lt=moment, then=F("status")),
        default=_last_move_before(moment, "to_status"),
    )


def _live_entries(authority: LocalAuthority, *, notified_by: date) -> QuerySet[RegisterEntry]:
    """The LA's cases in use that the LA had been told of by `notified_by`.

    An archived case or child (made in error) is left out of every return, past ones
    included. No case has a move before the day it was notified (the case service refuses
    one), so a case notified later holds no status by then and need not be looked at.
    """
    # The child's own authority is the case's (the case service sees to it); saying so lets
    # the database read the LA's children alone rather than every LA's.
    return RegisterEntry.objects.live().filter(
        authority=authority,
        notified_on__lte=notified_by,
        child__authority=authority,
        child__archived_at__isnull=True,
    )


def _moves(authority: LocalAuthority) -> QuerySet[CaseTransition]:
    """The moves of the LA's cases in use."""
    return CaseTransition.objects.filter(
        entry__authority=authority,
        entry__archived_at__isnull=True,
        entry__child__authority=authority,
        entry__child__archived_at__isnull=True,
    )


def _year_group_match(census_date: date) -> Callable[[str], Q]:
    def match(code: str) -> Q:
        year = 0 if code == "R" else int(code)
        return Q(child__date_of_birth__range=year_group_birth_dates(year, census_date))

    return match


def _time_missing_match(census_date: date) -> Callable[[str], Q]:
    """A band as a range of the moment the case became missing education: the days counted
    are from that moment's date to the census date."""
    bands = {band.code: band for band in rules.CME_DURATION_BANDS}

    def match(code: str) -> Q:
        band = bands[code]

        def day_after(days_missing: int) -> datetime:
            # Missing `days_missing` days or more: became missing before this moment.
            return _start_of(census_date - timedelta(days=days_missing - 1))

        condition = Q(occurred_at__lt=day_after(band.from_days))
        if band.until_days is not None:
            condition &= Q(occurred_at__gte=day_after(band.until_days))
        return condition

    return match


def _census(
    authority: LocalAuthority, period: CensusPeriod, key: rules.Period
) -> tuple[dict, QuerySet[RegisterEntry]]:
    """The census-date counts: two statements, one for home education, one for missing
    education. Also the cases counted as home educated, not yet read."""
    census = period.census_date
    cutoff = _start_of(rules.census_cutoff_day(census))

    # Home educated: each case that stood on the census day, by its last move before the day
    # ended. A case closed by then was closed at the end of it (closing is final), so those are
    # left out before their moves are looked up.
    home_educated = (
        _live_entries(authority, notified_by=census)
        .exclude(closed_on__lte=census)
        .exclude(eligibility_basis__in=_NOT_HOME_EDUCATED)
        .alias(census_status=_status_at(cutoff))
        .filter(census_status__in=_HOME_EDUCATED)
    )
    mainstream = Q(previous_school_type__in=_MAINSTREAM)
    ehe_totals, ehe_rows = _counted(
        home_educated,
        key,
        {
            "sex": _Breakdown(rules.SEX, _equals("child__sex")),
            "year_group": _Breakdown(rules.YEAR_GROUP, _year_group_match(census)),
            "primary_reason": _Breakdown(rules.PRIMARY_REASON, _equals("primary_reason")),
            "sen_provision": _Breakdown(rules.SEN_PROVISION, _equals("child__sen_provision")),
            "mainstream_sen_provision": _Breakdown(
                rules.SEN_PROVISION, _equals("child__sen_provision"), within=mainstream
            ),
            "mainstream_primary_reason": _Breakdown(
                rules.PRIMARY_REASON, _equals("primary_reason"), within=mainstream
            ),
        },
        total=Count("pk"),
        mainstream=Count("pk", filter=mainstream),
    )

    # Missing education: the moves to missing education that were still each case's last move
    # when the census day ended. The move says when the child became missing, and why.
    later_move = CaseTransition.objects.filter(
        entry=OuterRef("entry"), occurred_at__lt=cutoff
    ).filter(
        Q(occurred_at__gt=OuterRef("occurred_at"))
        | Q(occurred_at=OuterRef("occurred_at"), pk__gt=OuterRef("pk"))
    )
    missing = (
        _moves(authority)
        .filter(to_status__in=_MISSING_EDUCATION, occurred_at__lt=cutoff)
        .exclude(entry__closed_on__lte=census)
        .exclude(Exists(later_move))
    )
    cme_totals, cme_rows = _counted(
        missing,
        key,
        {
            "time_missing": _Breakdown(rules.CME_TIME_MISSING, _time_missing_match(census)),
            "reason": _Breakdown(rules.CME_REASON, _equals("cme_reason")),
        },
        total=Count("pk"),
    )

    census_counts = {
        "elective_home_education": {
            "total": ehe_totals["total"],
            "sex": ehe_rows["sex"],
            "year_group": ehe_rows["year_group"],
            "primary_reason": ehe_rows["primary_reason"],
            "sen_provision": ehe_rows["sen_provision"],
            "previous_school_mainstream": {
                "total": ehe_totals["mainstream"],
                "sen_provision": ehe_rows["mainstream_sen_provision"],
                "primary_reason": ehe_rows["mainstream_primary_reason"],
            },
        },
        "children_missing_education": {
            "total": cme_totals["total"],
            "time_missing": cme_rows["time_missing"],
            "reason": cme_rows["reason"],
        },
    }
    return census_counts, home_educated


def _pseudonyms(home_educated: QuerySet[RegisterEntry], key: str) -> list[str]:
    """The keyed pseudonym of each child counted as home educated (one statement), sorted so
    that their order says nothing of the register's."""
    details = home_educated.values_list(
        "child__first_name", "child__last_name", "child__date_of_birth"
    )
    return sorted(
        {
            child_pseudonym(key, first_name=first, last_name=last, date_of_birth=born)
            for first, last, born in details
        }
    )


def _academic_year(
    authority: LocalAuthority, period: CensusPeriod, key: rules.Period
) -> dict[str, object]:
    """The academic year's figures from 1 September to the census date: two statements, one
    over the children, one over the moves."""
    first_day = date(period.academic_year_start, 9, 1)
    opens, closes = _start_of(first_day), _start_of(rules.census_cutoff_day(period.census_date))
    home_educated = _HOME_EDUCATED
    moves_in_year = CaseTransition.objects.filter(occurred_at__gte=opens, occurred_at__lt=closes)

    # Children home educated at any point: the case was home educated as the year opened, or
    # moved into home education during it. A child with more than one such case (closed and
    # opened again) is counted once, with the previous school of the latest.
    during_year = (
        _live_entries(authority, notified_by=period.census_date)
        .exclude(eligibility_basis__in=_NOT_HOME_EDUCATED)
        .exclude(closed_on__lt=first_day)
        .alias(
            status_as_year_opened=_status_at(opens),
            # A look-up for each case, not EXISTS: with OR, EXISTS may be answered by hashing
            # every LA's moves of the year.
            home_move_in_year=Subquery(
                moves_in_year.filter(entry=OuterRef("pk"), to_status__in=home_educated).values(
                    "pk"
                )[:1]
            ),
        )
        .filter(
            Q(status_as_year_opened__in=home_educated)
            # Only a case that has moved since the year opened can have moved during it.
            | (Q(status_since__gte=opens) & Q(home_move_in_year__isnull=False))
        )
        .annotate(
            latest_for_child=Window(
                RowNumber(),
                partition_by=[F("child_id")],
                order_by=[F("notified_on").desc(), F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(latest_for_child=1)
    )
    children, rows = _counted(
        during_year,
        key,
        {
            "previous_school_type": _Breakdown(
                rules.PREVIOUS_SCHOOL_TYPE, _equals("previous_school_type")
            )
        },
        children=Count("pk"),
    )

    # The moves of the year, on the LA's cases in use.
    home_educated_case = ~Q(entry__eligibility_basis__in=_NOT_HOME_EDUCATED)
    from_home_education = Q(from_status__in=home_educated) & home_educated_case
    events = (
        _moves(authority)
        .filter(occurred_at__gte=opens, occurred_at__lt=closes)
        .aggregate(
            starts=Count(
                "entry__child",
                distinct=True,
                filter=Q(to_status__in=home_educated)
                & ~Q(from_status__in=home_educated)
                & home_educated_case,
            ),
            returns=Count(
                "entry__child",
                distinct=True,
                filter=from_home_education
                & (
                    Q(to_status=rules.RETURN_TO_SCHOOL_STATUS)
                    | Q(
                        to_status=CaseStatus.CLOSED,
                        entry__closure_reason=ClosureReason.RETURNED_TO_SCHOOL,
                    )
                ),
            ),
            notices=Count("pk", filter=Q(to_status=rules.SECTION_437_NOTICE)),
            orders_issued=Count(
                "pk",
                filter=Q(to_status=rules.ORDER_SERVED)
                & ~Q(from_status=rules.ORDER_SERVED_NOT_FROM),
            ),
            orders_revoked=Count("pk", filter=Q(to_status=rules.ORDER_REVOKED)),
        )
    )
    return {
        "from": first_day.isoformat(),
        "to": period.census_date.isoformat(),
        "children_at_any_point": children["children"],
        "starts": events["starts"],
        "returns_to_school": events["returns"],
        "section_437_notices": events["notices"],
        "attendance_orders_issued": events["orders_issued"],
        "attendance_orders_revoked": events["orders_revoked"],
        "previous_school_type": rows["previous_school_type"],
    }


def _without_jit() -> None:
    """Turn PostgreSQL's just-in-time compilation off for the rest of the transaction.

    Its cost estimates for the look-ups in these statements run high, so it would compile
    their many FILTER expressions on every build: measured, that takes longer than the
    counting it was meant to speed up (0.75 s of 1.3 s for 50,000 children).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")


def la_return_census_period(
    *, authority: LocalAuthority, academic_year: str, term: str
) -> CensusPeriod:
    """The census period of the LA's return for `academic_year` ("2025-26") and `term`
    ("autumn"), with the LA's own census date where it has set one (one statement).

    Raises ApplicationError, by field, for a year or term that is not one, or a term before
    the national return began.
    """
    start, which = academic_year_parse(academic_year), term_parse(term)
    errors: dict[str, list[str]] = {}
    if start is None:
        errors["academic_year"] = [ACADEMIC_YEAR_UNKNOWN]
    if which is None:
        errors["term"] = [TERM_UNKNOWN]
    if not errors and (refusal := rules.return_period_refusal((start, which))):
        errors["term"] = [refusal]
    if errors:
        raise ApplicationError(errors)
    own_date = (
        CensusDate.objects.live()
        .filter(authority=authority, academic_year_start=start, term=which)
        .values_list("census_date", flat=True)
        .first()
    )
    return census_period(start, which, census_on=own_date)


def la_return_build(*, authority: LocalAuthority, academic_year: str, term: str) -> dict:
    """The LA's return for `academic_year` ("2025-26") and `term` ("autumn"), as the
    la-return contract (docs/returns.md) has it: counts only, in the period's code lists.

    Five reads, however many children (six with the children's keyed pseudonyms, when the LAs
    share a key: CNIS_RETURN_PSEUDONYM_KEY), and on PostgreSQL a setting for them. Raises
    ApplicationError for a year or term that is not one, a term before the return began, or
    one whose census day has not yet ended.
    """
    period = la_return_census_period(authority=authority, academic_year=academic_year, term=term)
    if period.census_date >= timezone.localdate():
        raise ApplicationError(
            {
                "term": [
                    CENSUS_NOT_PASSED.format(
                        term=period.term.value.lower(),
                        year=period.academic_year,
                        census=long_date(period.census_date),
                    )
                ]
            }
        )
    key: rules.Period = (period.academic_year_start, period.term)
    pseudonym_key = settings.CNIS_RETURN_PSEUDONYM_KEY
    with transaction.atomic():
        _without_jit()
        (census, home_educated), academic = (
            _census(authority, period, key),
            _academic_year(authority, period, key),
        )
        pseudonyms = _pseudonyms(home_educated, pseudonym_key) if pseudonym_key else None
    payload = {
        "contract": "la-return",
        "contract_version": LA_RETURN_CONTRACT_VERSION,
        "local_authority": {
            "old_la_code": authority.dfe_number,
            "new_la_code": authority.ons_code,
            "la_name": authority.name,
        },
        "period": {
            "academic_year": period.academic_year,
            "term": period.term.slug,
            "time_period": period.time_period,
            "time_identifier": period.term.value,
            "census_date": period.census_date.isoformat(),
        },
        "census": census,
        "academic_year": academic,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
    }
    if pseudonyms is not None:
        payload["pseudonyms"] = {"elective_home_education": pseudonyms}
    # A return that breaks its own contract is a fault here, never something to send.
    la_return_check(payload)
    return payload


def la_return_export(
    *, actor: Actor, authority: LocalAuthority, academic_year: str, term: str
) -> dict:
    """The LA's return (`la_return_build`), sent out of the register: recorded in the audit
    trail as an export, in the same transaction. Counts only, so the row names no child."""
    with transaction.atomic():
        payload = la_return_build(authority=authority, academic_year=academic_year, term=term)
        audit_record(
            actor=actor,
            action=AuditEvent.Action.EXPORT,
            outcome=AuditEvent.Outcome.ALLOWED,
            authority=authority,
            object_type="la_return",
            object_id=f"{payload['period']['academic_year']}/{payload['period']['term']}",
            categories=("counts",),
        )
    return payload
