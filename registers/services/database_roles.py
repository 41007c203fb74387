"""The application's database role: what web, worker and beat connect as (docs/deploying.md).

The role that runs migrations owns every table, and a table's owner may do anything to it:
disable the audit trail's triggers, drop them, empty the table. So the app connects as another
role, which owns nothing and belongs to no role, may read and write the register's tables, and
may only add and read audit rows (ASVS 16.4.2; quality target S7). The migrating role makes it,
or brings it up to date, after every `migrate`: the same grants again change nothing, and
tables made by later migrations are granted to it as they are made.

PostgreSQL only: the embedded demo's SQLite has no roles.
"""

from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from psycopg2 import sql

from registers.errors import ApplicationError
from registers.models import AuditEvent

# What the app may do to a table, and to the two tables it may do less to.
TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
APPEND_ONLY = {AuditEvent._meta.db_table: "SELECT, INSERT"}
READ_ONLY = {MigrationRecorder.Migration._meta.db_table: "SELECT"}

# Only a superuser may change these attributes, so an existing role is checked for them.
POWERS = ("rolsuper", "rolreplication", "rolbypassrls", "rolcreaterole", "rolcreatedb")


def _execute(cursor, statement: str, **names: str) -> None:
    cursor.execute(
        sql.SQL(statement).format(**{key: sql.Identifier(value) for key, value in names.items()})
    )


def _role_make(cursor, *, role: str, password: str) -> None:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
    exists = cursor.fetchone() is not None
    statement = sql.SQL("{verb} ROLE {role} LOGIN NOINHERIT NOCREATEDB NOCREATEROLE{more}").format(
        verb=sql.SQL("ALTER" if exists else "CREATE"),
        role=sql.Identifier(role),
        more=sql.SQL(" NOSUPERUSER NOREPLICATION NOBYPASSRLS" if not exists else ""),
    )
    if password:
        statement += sql.SQL(" PASSWORD {}").format(sql.Literal(password))
    cursor.execute(statement)


def _refuse_power(cursor, *, role: str) -> None:
    """The role may own nothing here, belong to no role and have no power over others."""
    cursor.execute(
        f"SELECT {', '.join(POWERS)}, "
        "(SELECT count(*) FROM pg_auth_members WHERE member = r.oid), "
        "(SELECT count(*) FROM pg_class WHERE relowner = r.oid) "
        "+ (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid) "
        "+ (SELECT count(*) FROM pg_proc WHERE proowner = r.oid) "
        "FROM pg_roles r WHERE rolname = %s",
        [role],
    )
    *powers, memberships, owned = cursor.fetchone()
    if any(powers):
        held = [name.removeprefix("rol") for name, has in zip(POWERS, powers, strict=True) if has]
        raise ApplicationError(
            f"The role {role} has {', '.join(held)}: the application's role may have none"
        )
    if memberships:
        raise ApplicationError(
            f"The role {role} is a member of another role, whose privileges it could take on: "
            "revoke its memberships"
        )
    if owned:
        raise ApplicationError(
            f"The role {role} owns {owned} objects in this database: the application's role "
            "must own nothing (REASSIGN OWNED BY it to the role that runs migrations)"
        )


def _grant(cursor, *, role: str, database: str, schema: str) -> None:
    names = {"role": role, "database": database, "schema": schema}
    for statement in (
        "GRANT CONNECT ON DATABASE {database} TO {role}",
        # So that the app's role (or any other) cannot make tables it would then own.
        "REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC",
        "REVOKE CREATE ON SCHEMA {schema} FROM {role}",
        "GRANT USAGE ON SCHEMA {schema} TO {role}",
        # Revoked and granted again in this transaction: whatever was granted before, the
        # role ends with exactly these privileges, and never has more for a moment.
        "REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
        f"GRANT {TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA {{schema}} TO {{role}}",
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        # Tables and sequences later migrations make (as this role) are granted as they are.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {{schema}} GRANT {TABLE_PRIVILEGES} ON TABLES "
        "TO {role}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {role}",
    ):
        _execute(cursor, statement, **names)
    for table, privileges in (APPEND_ONLY | READ_ONLY).items():
        _execute(cursor, "REVOKE ALL ON {schema}.{table} FROM {role}", table=table, **names)
        _execute(
            cursor, f"GRANT {privileges} ON {{schema}}.{{table}} TO {{role}}", table=table, **names
        )


def app_database_role_grant(*, role: str, password: str, database: str) -> None:
    """Make the application's role on this database, or bring it up to date: a login that owns
    nothing, with the register's tables to read and write and the audit trail to add to and
    read. Run as the role that runs migrations; one transaction.

    `database` is the database the role is for, which must be this connection's. An empty
    `password` leaves an existing role's password as it is. ApplicationError says why a role
    cannot be the application's.
    """
    if connection.vendor != "postgresql":
        raise ApplicationError("The application's database role needs PostgreSQL")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_database(), current_schema()")
        owner, current_database, schema = cursor.fetchone()
        if database != current_database:
            raise ApplicationError(
                f"The application's role is for the database {database}, but this connection "
                f"is to {current_database}: both URLs must name the same database"
            )
        if role == owner:
            raise ApplicationError(
                f"The application's role ({role}) must not be the role that runs migrations, "
                "which owns the tables"
            )
        _role_make(cursor, role=role, password=password)
        _refuse_power(cursor, role=role)
        _grant(cursor, role=role, database=database, schema=schema)
