"""Statistics on the day an entry's update-request interval runs from.

The scheduled job selects the entries whose day is on or before a date through the partial
index entry_update_request_anchor. PostgreSQL gathers no statistics on an expression that only
a partial index holds, so it guessed a quarter of the register matched and, on a small or
freshly changed table, sometimes read the whole table instead. Expression statistics
(PostgreSQL 14 and later) let ANALYZE measure the expression, so the estimate follows the data.
SQLite (the embedded demo) has no such feature.
"""

from django.db import migrations

from registers.migrations._postgresql import on_postgresql

CREATE = """
CREATE STATISTICS registers_registerentry_update_request_anchor
    ON (COALESCE(update_requested_on, registered_on, notified_on))
    FROM registers_registerentry
"""
DROP = "DROP STATISTICS IF EXISTS registers_registerentry_update_request_anchor"


class Migration(migrations.Migration):
    dependencies = [("registers", "0014_returns")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
