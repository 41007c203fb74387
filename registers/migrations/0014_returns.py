"""The national return: when each case took its status; the reason a child is missing
education, kept with the move that made the case missing education; indexes for reading what
held on a day; LAs' own census dates.

Moves to missing education made before this migration had no reason recorded, so they are
marked "Not recorded", as the return reports them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

from registers.rules.codes import CmeReason

CME_REASONS = [(reason.value, reason.label) for reason in CmeReason]
TERMS = [("Autumn term", "Autumn term"), ("Spring term", "Spring term"), ("Summer term", "Summer term")]


def status_since_last_move(apps, schema_editor):
    RegisterEntry = apps.get_model("registers", "RegisterEntry")
    CaseTransition = apps.get_model("registers", "CaseTransition")
    RegisterEntry.objects.update(
        status_since=Subquery(
            CaseTransition.objects.filter(entry=OuterRef("pk"))
            .order_by("-occurred_at")
            .values("occurred_at")[:1]
        )
    )


def mark_not_recorded(apps, schema_editor):
    CaseTransition = apps.get_model("registers", "CaseTransition")
    CaseTransition.objects.filter(to_status="cme", cme_reason="").update(
        cme_reason="not_recorded"
    )


class Migration(migrations.Migration):
    dependencies = [("registers", "0013_api_tokens")]

    operations = [
        migrations.AddField(
            model_name="registerentry",
            name="status_since",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(status_since_last_move, migrations.RunPython.noop),
        migrations.AddField(
            model_name="casetransition",
            name="cme_reason",
            field=models.CharField(
                blank=True,
                choices=CME_REASONS,
                max_length=40,
                verbose_name="Reason for missing education",
            ),
        ),
        migrations.RunPython(mark_not_recorded, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="casetransition",
            constraint=models.CheckConstraint(
                condition=(models.Q(to_status="cme") & ~models.Q(cme_reason=""))
                | (~models.Q(to_status="cme") & models.Q(cme_reason="")),
                name="cme_reason_with_moves_to_cme_only",
            ),
        ),
        migrations.AddIndex(
            model_name="casetransition",
            index=models.Index(
                fields=["entry", "occurred_at", "id"], name="casetransition_history"
            ),
        ),
        migrations.AddIndex(
            model_name="casetransition",
            index=models.Index(
                condition=models.Q(to_status="cme"),
                fields=["entry", "occurred_at"],
                name="casetransition_to_cme",
            ),
        ),
        migrations.CreateModel(
            name="CensusDate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("modified_at", models.DateTimeField(auto_now=True)),
                ("archived_at", models.DateTimeField(blank=True, null=True)),
                ("archive_reason", models.TextField(blank=True)),
                (
                    "academic_year_start",
                    models.PositiveSmallIntegerField(
                        verbose_name="First calendar year of the academic year"
                    ),
                ),
                ("term", models.CharField(choices=TERMS, max_length=12)),
                ("census_date", models.DateField()),
                (
                    "archived_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "authority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="census_dates",
                        to="registers.localauthority",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "modified_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(archived_at__isnull=True),
                        fields=("authority", "academic_year_start", "term"),
                        name="one_census_date_per_term",
                    )
                ],
            },
        ),
    ]
