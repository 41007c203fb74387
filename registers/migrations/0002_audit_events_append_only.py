"""Audit rows are append-only: on PostgreSQL a trigger refuses to change or delete them.

SQLite (the embedded demo) has no such guard; production runs on PostgreSQL.
"""

from django.db import migrations

from registers.migrations._postgresql import on_postgresql

CREATE = """
CREATE OR REPLACE FUNCTION registers_audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER registers_auditevent_append_only
    BEFORE UPDATE OR DELETE ON registers_auditevent
    FOR EACH ROW EXECUTE FUNCTION registers_audit_event_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS registers_auditevent_append_only ON registers_auditevent;
DROP FUNCTION IF EXISTS registers_audit_event_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("registers", "0001_initial")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
