# CNIS Register: one image for the web (gunicorn), worker (celery) and beat services.
# See docs/deploying.md. Build: docker build -t cnis-register .
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=cnis.settings \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    PYTHONPATH=/app

WORKDIR /app

# The service runs as this unprivileged account; the code stays owned by root, read-only to it.
RUN groupadd --system cnis \
    && useradd --system --gid cnis --home-dir /home/cnis --create-home --shell /usr/sbin/nologin cnis

COPY pyproject.toml manage.py ./
COPY cnis/ cnis/
COPY registers/ registers/
COPY templates/ templates/
COPY static/ static/
COPY docker/ docker/

# Installs the pinned runtime dependencies (psycopg2-binary ships wheels, so no compiler).
# The code runs from /app (PYTHONPATH), which also holds the templates, static files and
# fixtures that the installed package does not carry.
RUN pip install --no-cache-dir . \
    && rm -rf build *.egg-info \
    && chmod 0755 docker/migrate.sh

# Static files are collected into the image (whitenoise serves them). DEBUG off demands these
# three variables; the values here are throwaway and exist only for this one command.
RUN DJANGO_DEBUG=false \
    DJANGO_SECRET_KEY=build-only \
    DJANGO_ALLOWED_HOSTS=build \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --noinput \
    && rm -f /tmp/build.sqlite3

USER cnis

EXPOSE 8000

# 200 from /healthz (the database answers) within 5 s; sends the first DJANGO_ALLOWED_HOSTS
# entry as Host. The worker and beat services override or disable this in docker-compose.yml.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]

CMD ["gunicorn", "cnis.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--worker-tmp-dir", "/dev/shm"]
