"""No copy of the database can be turned into a working link, and the audit trail cannot be
emptied.

- A request's link is made when its email is delivered, so a request has no digest until
  then, and it keeps the email that carries its link (whether it went, and when). Requests
  made before this are linked to their emails by the emails' dedupe keys.
- Emails already sent are cleared of their address and body, which held the links' secrets.
- On PostgreSQL a statement-level trigger refuses TRUNCATE of the audit trail, which the
  row-level append-only trigger (0002) does not see. The application's own database role
  cannot disable either trigger, for it owns no table: `manage.py app_database_role`
  (docs/deploying.md) makes it after this has run.
"""

import django.db.models.deletion
from django.db import migrations, models

from registers.migrations._postgresql import on_postgresql

# The dedupe key each kind of request's email was enqueued with, before its id.
EMAIL_KEYS = {"parent_update": "update-request-", "provider": "provider-request-"}


def requests_keep_their_emails(apps, schema_editor):
    InformationRequest = apps.get_model("registers", "InformationRequest")
    OutboxMessage = apps.get_model("registers", "OutboxMessage")
    linked = []
    for kind, prefix in EMAIL_KEYS.items():
        emails = dict(
            OutboxMessage.objects.filter(dedupe_key__startswith=prefix).values_list(
                "dedupe_key", "pk"
            )
        )
        for information_request in InformationRequest.objects.filter(kind=kind).only("pk"):
            email_id = emails.get(f"{prefix}{information_request.pk}")
            if email_id is not None:
                information_request.email_id = email_id
                linked.append(information_request)
    InformationRequest.objects.bulk_update(linked, ["email"], batch_size=500)


def sent_emails_keep_no_address_or_body(apps, schema_editor):
    OutboxMessage = apps.get_model("registers", "OutboxMessage")
    OutboxMessage.objects.filter(published_at__isnull=False).update(payload={})


# The function 0002 made raises for whatever operation fired it, TRUNCATE included.
CREATE_TRUNCATE_GUARD = """
CREATE TRIGGER registers_auditevent_no_truncate
    BEFORE TRUNCATE ON registers_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION registers_audit_event_append_only();
"""
DROP_TRUNCATE_GUARD = (
    "DROP TRIGGER IF EXISTS registers_auditevent_no_truncate ON registers_auditevent"
)


class Migration(migrations.Migration):
    dependencies = [("registers", "0005_audit_children")]

    operations = [
        migrations.AddField(
            model_name="informationrequest",
            name="email",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="information_request",
                to="registers.outboxmessage",
            ),
        ),
        migrations.AlterField(
            model_name="informationrequest",
            name="token_digest",
            field=models.CharField(blank=True, max_length=64, null=True, unique=True),
        ),
        migrations.RunPython(requests_keep_their_emails, migrations.RunPython.noop),
        migrations.RunPython(sent_emails_keep_no_address_or_body, migrations.RunPython.noop),
        migrations.RunPython(
            on_postgresql(CREATE_TRUNCATE_GUARD), on_postgresql(DROP_TRUNCATE_GUARD)
        ),
    ]
