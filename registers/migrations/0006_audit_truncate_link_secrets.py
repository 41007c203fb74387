"""The audit trail cannot be emptied: on PostgreSQL a statement-level trigger refuses TRUNCATE,
which the row-level append-only trigger (0002) does not see.

The application's own database role cannot disable either trigger, for it owns no table:
`manage.py app_database_role` (docs/deploying.md) makes it after this has run.
"""

from django.db import migrations

from registers.migrations._postgresql import on_postgresql

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
        migrations.RunPython(
            on_postgresql(CREATE_TRUNCATE_GUARD), on_postgresql(DROP_TRUNCATE_GUARD)
        ),
    ]
