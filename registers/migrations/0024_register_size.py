"""Each LA's register size, kept by PostgreSQL as entries and children change.

A live entry of a live child counts. Triggers add and take away as rows are written, in the
same transaction, whatever writes them (the intake's one-statement insert, the case service,
archiving, a merge), so the register page reads one row instead of counting the register. The
count starts from the rows there are. SQLite (the embedded demo) counts its small register
directly and has no triggers.
"""

import django.db.models.deletion
from django.db import migrations, models

from registers.migrations._postgresql import on_postgresql

CREATE = """
CREATE FUNCTION registers_register_size_add(authority bigint, delta bigint) RETURNS void AS $$
    INSERT INTO registers_registersize (authority_id, entries) VALUES (authority, delta)
    ON CONFLICT (authority_id)
    DO UPDATE SET entries = registers_registersize.entries + EXCLUDED.entries;
$$ LANGUAGE sql;

-- Whether an entry is on the register: live, and its child live.
CREATE FUNCTION registers_register_entry_counted(entry registers_registerentry)
RETURNS boolean AS $$
    SELECT entry.archived_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM registers_child child
        WHERE child.id = entry.child_id AND child.archived_at IS NOT NULL
    );
$$ LANGUAGE sql STABLE;

CREATE FUNCTION registers_register_size_entry() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND registers_register_entry_counted(OLD) THEN
        PERFORM registers_register_size_add(OLD.authority_id, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND registers_register_entry_counted(NEW) THEN
        PERFORM registers_register_size_add(NEW.authority_id, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER registers_registerentry_register_size
    AFTER INSERT OR DELETE OR UPDATE OF archived_at, authority_id, child_id
    ON registers_registerentry
    FOR EACH ROW EXECUTE FUNCTION registers_register_size_entry();

-- A child archived (or brought back) takes their live entries off (or puts them back on).
CREATE FUNCTION registers_register_size_child() RETURNS trigger AS $$
DECLARE
    sign bigint := CASE WHEN NEW.archived_at IS NULL THEN 1 ELSE -1 END;
BEGIN
    IF (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL) THEN
        PERFORM registers_register_size_add(entry.authority_id, sign * entry.live)
        FROM (
            SELECT authority_id, count(*) AS live FROM registers_registerentry
            WHERE child_id = NEW.id AND archived_at IS NULL GROUP BY authority_id
        ) AS entry;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER registers_child_register_size
    AFTER UPDATE OF archived_at ON registers_child
    FOR EACH ROW EXECUTE FUNCTION registers_register_size_child();

INSERT INTO registers_registersize (authority_id, entries)
SELECT entry.authority_id, count(*) FROM registers_registerentry entry
WHERE registers_register_entry_counted(entry)
GROUP BY entry.authority_id;
"""

DROP = """
DROP TRIGGER IF EXISTS registers_child_register_size ON registers_child;
DROP TRIGGER IF EXISTS registers_registerentry_register_size ON registers_registerentry;
DROP FUNCTION IF EXISTS registers_register_size_child();
DROP FUNCTION IF EXISTS registers_register_size_entry();
DROP FUNCTION IF EXISTS registers_register_entry_counted(registers_registerentry);
DROP FUNCTION IF EXISTS registers_register_size_add(bigint, bigint);
"""


class Migration(migrations.Migration):
    dependencies = [("registers", "0015_update_request_anchor_statistics")]

    operations = [
        migrations.CreateModel(
            name="RegisterSize",
            fields=[
                (
                    "authority",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="registers.localauthority",
                    ),
                ),
                ("entries", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP)),
    ]
