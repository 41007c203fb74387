"""Audit rows name the children whose data they show or change.

On PostgreSQL a GIN index answers "which rows name this child" (children @> '["<id>"]') without
reading the whole trail; SQLite (the embedded demo) has no such index.
"""

from django.db import migrations, models

from registers.migrations._postgresql import on_postgresql

CREATE_INDEX = (
    "CREATE INDEX registers_auditevent_children ON registers_auditevent "
    "USING gin ((children::jsonb) jsonb_path_ops)"
)
DROP_INDEX = "DROP INDEX IF EXISTS registers_auditevent_children"


class Migration(migrations.Migration):
    dependencies = [("registers", "0004_actors_versions_archiving")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="children",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(on_postgresql(CREATE_INDEX), on_postgresql(DROP_INDEX)),
    ]
