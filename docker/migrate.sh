#!/bin/sh
# The one-shot migrate service: wait for the database, migrate, make the application's database
# role, load the local authorities, then exit. It runs as the role that owns the tables
# (DATABASE_URL); web, worker and beat start after it has finished, as the application's role
# (see docs/deploying.md, "The two database roles").
set -eu

cd "$(dirname "$0")/.."  # the project root: /app in the image

# Wait for the database (at most about CNIS_DB_WAIT_SECONDS, default 60). This makes a real
# connection: `manage.py check --database default` does not connect to PostgreSQL.
wait_seconds="${CNIS_DB_WAIT_SECONDS:-60}"
deadline=$(( $(date +%s) + wait_seconds ))
until timeout 10 python manage.py shell --verbosity 0 --no-imports \
        -c "from django.db import connection; connection.ensure_connection()" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "migrate: the database did not answer within ${wait_seconds}s; the last error:" >&2
        timeout 10 python manage.py shell --verbosity 0 --no-imports \
            -c "from django.db import connection; connection.ensure_connection()" >&2 || true
        exit 1
    fi
    echo "migrate: waiting for the database..." >&2
    sleep 2
done

python manage.py migrate --noinput
python manage.py app_database_role
python manage.py load_local_authorities
