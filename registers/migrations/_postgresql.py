"""SQL that only PostgreSQL runs (triggers, GIN indexes, roles): the embedded demo's SQLite has
no such features and skips it. The migration loader ignores modules whose names start with _."""


def on_postgresql(sql: str):
    """A RunPython function that executes `sql` on PostgreSQL and does nothing elsewhere."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run
