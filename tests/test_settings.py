"""Settings come from the environment; production refuses to start half-configured (S16)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The production variables documented in README.md ("Deploying").
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "register.example-council.gov.uk",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://register.example-council.gov.uk",
    "DATABASE_URL": "postgres://cnis:secret@db.internal:5432/cnis",
    "CELERY_BROKER_URL": "redis://redis.internal:6379/0",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CNIS_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_with_the_documented_production_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert f"set these environment variables: {missing}" in result.stderr


def test_a_session_renewal_interval_as_long_as_the_idle_limit_is_refused():
    env = PRODUCTION | {"CNIS_SESSION_IDLE_SECONDS": "600", "CNIS_SESSION_RENEW_SECONDS": "600"}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "CNIS_SESSION_RENEW_SECONDS must be" in result.stderr
