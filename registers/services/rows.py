"""New rows of several tables written together: a submission's records reach the database in
one statement, however many parents, providers and addresses it names (P8).

Two steps, each one statement on PostgreSQL:

- `keys_draw` gives rows that other rows point at (an address a parent lives at) their primary
  keys from their tables' sequences, so that the rows pointing at them can be written with
  them;
- `rows_insert` writes every row, of every table, as the data-modifying WITH clauses of one
  statement. Foreign keys are checked when the transaction commits (Django declares them
  deferrable, initially deferred), so the order of the tables inside it does not matter.

The embedded demo's SQLite draws keys from its own sequence table and inserts table by table.
"""

from collections.abc import Iterable, Sequence
from itertools import groupby

from django.db import connection
from django.db.models import Model
from django.db.models.sql import InsertQuery


def _by_table(rows: Iterable[Model]) -> dict[type[Model], list[Model]]:
    tables: dict[type[Model], list[Model]] = {}
    for row in rows:
        tables.setdefault(type(row), []).append(row)
    return tables


def _drawn_postgresql(counts: dict[type[Model], int]) -> dict[type[Model], list[int]]:
    models = list(counts)
    branches = " UNION ALL ".join(
        "SELECT %s, nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)"
        for _ in models
    )
    params = []
    for number, model in enumerate(models):
        opts = model._meta
        params += [number, connection.ops.quote_name(opts.db_table), opts.pk.column, counts[model]]
    with connection.cursor() as cursor:
        cursor.execute(branches, params)
        drawn = sorted(cursor.fetchall())
    return {
        models[number]: [key for _, key in keys]
        for number, keys in groupby(drawn, key=lambda pair: pair[0])
    }


def _drawn_sqlite(counts: dict[type[Model], int]) -> dict[type[Model], list[int]]:
    # AUTOINCREMENT tables keep their last key in sqlite_sequence, which SQLite lets a program
    # update; the update holds the database's write lock until this transaction ends.
    drawn = {}
    with connection.cursor() as cursor:
        for model, count in counts.items():
            table = model._meta.db_table
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) SELECT %s, 0 "
                "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = %s)",
                [table, table],
            )
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = seq + %s WHERE name = %s RETURNING seq",
                [count, table],
            )
            (last,) = cursor.fetchone()
            drawn[model] = list(range(last - count + 1, last + 1))
    return drawn


def keys_draw(rows: Iterable[Model]) -> None:
    """Give each new row without a primary key its key now, in the order given: one statement
    on PostgreSQL for every table at once. For rows that other rows point at."""
    tables = {
        model: [row for row in batch if row.pk is None] for model, batch in _by_table(rows).items()
    }
    counts = {model: len(batch) for model, batch in tables.items() if batch}
    if not counts:
        return
    if connection.vendor == "postgresql":
        drawn = _drawn_postgresql(counts)
    elif connection.vendor == "sqlite":
        drawn = _drawn_sqlite(counts)
    else:
        raise NotImplementedError(f"No way to draw keys on {connection.vendor}")
    for model, keys in drawn.items():
        for row, key in zip(tables[model], keys, strict=True):
            row.pk = key


def _insert_sql(model: type[Model], batch: Sequence[Model], *, keyed: bool) -> tuple[str, list]:
    opts = model._meta
    fields = [
        field
        for field in opts.concrete_fields
        if not field.generated and (keyed or field is not opts.pk)
    ]
    query = InsertQuery(model)
    query.insert_values(fields, batch)
    ((sql, params),) = query.get_compiler(connection=connection).as_sql()
    return sql, list(params)


def _insert_postgresql(tables: dict[type[Model], list[Model]]) -> None:
    clauses, params, unkeyed = [], [], []
    groups = [
        (model, keyed, [row for row in batch if (row.pk is not None) is keyed])
        for model, batch in tables.items()
        for keyed in (True, False)
    ]
    for model, keyed, group in groups:
        if group:
            number = len(clauses)
            sql, group_params = _insert_sql(model, group, keyed=keyed)
            if not keyed:
                sql += f" RETURNING {connection.ops.quote_name(model._meta.pk.column)}"
                unkeyed.append((number, model, group))
            clauses.append(f"rows_{number} AS ({sql})")
            params += group_params
    # The keys the database chose come back sorted: a sequence hands them out in the order
    # the rows are inserted, which is the order given.
    returned = " UNION ALL ".join(
        f"SELECT {number}, {connection.ops.quote_name(model._meta.pk.column)} FROM rows_{number}"
        for number, model, _ in unkeyed
    )
    main = f"{returned} ORDER BY 1, 2" if returned else "SELECT NULL"
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(clauses)} {main}", params)
        keys = cursor.fetchall()
    for number, _, group in unkeyed:
        chosen = [key for clause, key in keys if clause == number]
        for row, key in zip(group, chosen, strict=True):
            row.pk = key


def rows_insert(rows: Iterable[Model]) -> None:
    """Insert these new rows, of any tables, as bulk_create would: afterwards each has its
    primary key. One statement on PostgreSQL, however many rows and tables.

    A row that another row points at must have its key already: a UUID, or one from
    `keys_draw`. Elsewhere the tables are inserted in the order they first appear.
    """
    tables = _by_table(rows)
    for batch in tables.values():
        for row in batch:
            if row.pk is None:
                row.pk = row._meta.pk.get_pk_value_on_save(row)
            # Copy the keys of the rows this one points at (drawn after it was built).
            row._prepare_related_fields_for_save(operation_name="rows_insert")
    if not tables:
        return
    if connection.vendor == "postgresql":
        _insert_postgresql(tables)
    else:
        for model, batch in tables.items():
            model._base_manager.bulk_create(batch)
    for batch in tables.values():
        for row in batch:
            row._state.adding = False
            row._state.db = connection.alias
