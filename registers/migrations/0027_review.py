# Reviews of what arrives, and decisions about possible duplicates.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0024_register_size"),
    ]

    operations = [
        migrations.CreateModel(
            name="DuplicateDecision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("same_child", models.BooleanField()),
                ("decided_at", models.DateTimeField()),
            ],
        ),
        migrations.CreateModel(
            name="NotificationReview",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("applied", "Applied"),
                            ("noted", "Reviewed"),
                            ("not_applied", "Not applied"),
                        ],
                        max_length=12,
                    ),
                ),
                ("applied", models.JSONField(default=list)),
                ("reason", models.TextField(blank=True)),
                ("reviewed_at", models.DateTimeField()),
            ],
        ),
        migrations.RemoveConstraint(
            model_name="registerentry",
            name="one_open_entry_per_child",
        ),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(
                condition=models.Q(("reviewed_at__isnull", True)),
                fields=["authority", "received_at", "id"],
                name="notification_to_review",
            ),
        ),
        migrations.AddConstraint(
            model_name="registerentry",
            constraint=models.UniqueConstraint(
                condition=models.Q(("archived_at__isnull", True), ("closed_on__isnull", True)),
                fields=("child",),
                name="one_open_entry_per_child",
            ),
        ),
        migrations.AddField(
            model_name="duplicatedecision",
            name="authority",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registers.localauthority",
            ),
        ),
        migrations.AddField(
            model_name="duplicatedecision",
            name="decided_by",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="duplicatedecision",
            name="first",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="registers.child"
            ),
        ),
        migrations.AddField(
            model_name="duplicatedecision",
            name="kept",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registers.child",
            ),
        ),
        migrations.AddField(
            model_name="duplicatedecision",
            name="second",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="registers.child"
            ),
        ),
        migrations.AddField(
            model_name="notificationreview",
            name="authority",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registers.localauthority",
            ),
        ),
        migrations.AddField(
            model_name="notificationreview",
            name="children",
            field=models.ManyToManyField(
                related_name="notification_reviews", to="registers.child"
            ),
        ),
        migrations.AddField(
            model_name="notificationreview",
            name="notification",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="review",
                to="registers.notification",
            ),
        ),
        migrations.AddField(
            model_name="notificationreview",
            name="reviewed_by",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="duplicatedecision",
            index=models.Index(fields=["second"], name="duplicate_decision_second"),
        ),
        migrations.AddConstraint(
            model_name="duplicatedecision",
            constraint=models.UniqueConstraint(
                fields=("first", "second"), name="duplicate_decision_pair"
            ),
        ),
        migrations.AddConstraint(
            model_name="duplicatedecision",
            constraint=models.CheckConstraint(
                condition=models.Q(("first__lt", models.F("second"))),
                name="duplicate_decision_pair_ordered",
            ),
        ),
        migrations.AddConstraint(
            model_name="duplicatedecision",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kept__isnull", False), ("same_child", True)),
                    models.Q(("kept__isnull", True), ("same_child", False)),
                    _connector="OR",
                ),
                name="duplicate_decision_kept_when_same",
            ),
        ),
    ]
