#!/bin/sh
# Entrypoint for the web service only: wait for the database, migrate, load the local
# authorities, then run the command (gunicorn). The worker and beat services do not use it:
# they start after web is healthy, so the schema is already in place.
set -eu

cd "$(dirname "$0")/.."  # the project root: /app in the image

# Wait for the database (at most about CNIS_DB_WAIT_SECONDS, default 60). This makes a real
# connection: `manage.py check --database default` does not connect to PostgreSQL.
wait_seconds="${CNIS_DB_WAIT_SECONDS:-60}"
deadline=$(( $(date +%s) + wait_seconds ))
until timeout 10 python manage.py shell --verbosity 0 --no-imports \
        -c "from django.db import connection; connection.ensure_connection()" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
        echo "entrypoint: the database did not answer within ${wait_seconds}s; the last error:" >&2
        timeout 10 python manage.py shell --verbosity 0 --no-imports \
            -c "from django.db import connection; connection.ensure_connection()" >&2 || true
        exit 1
    fi
    echo "entrypoint: waiting for the database..." >&2
    sleep 2
done

python manage.py migrate --noinput
python manage.py load_local_authorities

exec "$@"
