"""The register is searched by the start of a name, in any case, through an index.

An officer types part of a surname ("moor") or a first name and a surname ("isla moor"); the
register selector asks for UPPER(name) LIKE 'MOOR%', which these expression indexes answer
with a range instead of reading every child. text_pattern_ops makes the range right whatever
the database's collation. PostgreSQL only: the embedded demo's SQLite reads its few children.
"""

from django.db import migrations

from registers.migrations._postgresql import on_postgresql

NAME_INDEXES = {
    "child_last_name_prefix": "last_name",
    "child_first_name_prefix": "first_name",
}


class Migration(migrations.Migration):
    dependencies = [
        ("registers", "0024_register_size"),
    ]

    operations = [
        migrations.RunPython(
            on_postgresql(
                f"CREATE INDEX {name} ON registers_child (UPPER({column}) text_pattern_ops)"
            ),
            on_postgresql(f"DROP INDEX {name}"),
        )
        for name, column in NAME_INDEXES.items()
    ]
