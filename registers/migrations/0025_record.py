"""A child's record kept with its history, and the officer's contacts, visits and suitability
decisions.

Every field an officer changes is a RecordChange row (who, when, old and new value, where the
information came from); the child's version refuses a form loaded before another change.
Contacts and visits are kept by the day they happened; a visit records when it was offered, for
when, who visits and notes; suitability decisions are their own rows, each with its evidence.
No deployment has recorded contacts or visits yet, so their old columns go without copying.
"""

import datetime
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('registers', '0024_register_size'),
    ]

    operations = [
        migrations.CreateModel(
            name='RecordChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changed_at', models.DateTimeField()),
                ('category', models.CharField(max_length=40)),
                ('field', models.CharField(max_length=100)),
                ('old_value', models.TextField(blank=True)),
                ('new_value', models.TextField(blank=True)),
                ('source', models.CharField(blank=True, max_length=200, verbose_name='Where the information came from')),
            ],
            options={
                'ordering': ['changed_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='SuitabilityDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('modified_at', models.DateTimeField(auto_now=True)),
                ('archived_at', models.DateTimeField(blank=True, null=True)),
                ('archive_reason', models.TextField(blank=True)),
                ('outcome', models.CharField(choices=[('suitable', 'Suitable'), ('not_suitable', 'Not suitable'), ('not_yet_determined', 'Not yet determined')], max_length=20)),
                ('decided_on', models.DateField()),
                ('evidence', models.TextField()),
            ],
            options={
                'ordering': ['-decided_on', '-id'],
            },
        ),
        migrations.AlterModelOptions(
            name='contact',
            options={'ordering': ['-occurred_on', '-id']},
        ),
        migrations.AlterModelOptions(
            name='visit',
            options={'ordering': ['-offered_on', '-id']},
        ),
        migrations.RemoveField(
            model_name='contact',
            name='occurred_at',
        ),
        migrations.RemoveField(
            model_name='visit',
            name='evidence',
        ),
        migrations.RemoveField(
            model_name='visit',
            name='proposed_for',
        ),
        migrations.RemoveField(
            model_name='visit',
            name='suitability',
        ),
        migrations.RemoveField(
            model_name='visit',
            name='took_place_on',
        ),
        migrations.AddField(
            model_name='child',
            name='version',
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AddField(
            model_name='contact',
            name='occurred_on',
            field=models.DateField(default=datetime.date(2026, 12, 6)),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='visit',
            name='notes',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='visit',
            name='offered_on',
            field=models.DateField(default=datetime.date(2026, 12, 6)),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='visit',
            name='visit_on',
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='visit',
            name='visited_by',
            field=models.CharField(blank=True, max_length=200, verbose_name='Who visits'),
        ),
        migrations.AlterField(
            model_name='visit',
            name='status',
            field=models.CharField(choices=[('offered', 'Offered'), ('accepted', 'Accepted'), ('refused', 'Declined by the family'), ('completed', 'Took place'), ('cancelled', 'Cancelled')], default='offered', max_length=10),
        ),
        migrations.AddConstraint(
            model_name='visit',
            constraint=models.CheckConstraint(condition=models.Q(('visit_on__isnull', True), ('visit_on__gte', models.F('offered_on')), _connector='OR'), name='visit_on_or_after_offer'),
        ),
        migrations.AddField(
            model_name='recordchange',
            name='changed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='recordchange',
            name='child',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='changes', to='registers.child'),
        ),
        migrations.AddField(
            model_name='recordchange',
            name='provider',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='changes', to='registers.provider'),
        ),
        migrations.AddField(
            model_name='suitabilitydecision',
            name='archived_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='suitabilitydecision',
            name='created_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='suitabilitydecision',
            name='entry',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='suitability_decisions', to='registers.registerentry'),
        ),
        migrations.AddField(
            model_name='suitabilitydecision',
            name='modified_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddIndex(
            model_name='recordchange',
            index=models.Index(fields=['child', 'changed_at'], name='record_change_history'),
        ),
        migrations.AddConstraint(
            model_name='recordchange',
            constraint=models.CheckConstraint(condition=models.Q(('child__isnull', False), ('provider__isnull', False), _connector='OR'), name='record_change_names_its_record'),
        ),
        migrations.AddConstraint(
            model_name='suitabilitydecision',
            constraint=models.CheckConstraint(condition=models.Q(('evidence', ''), _negated=True), name='suitability_decision_has_evidence'),
        ),
    ]
