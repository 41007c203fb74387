"""The deployment files: docker-compose.yml, Dockerfile, .dockerignore and docker/.

No container engine runs here, so these tests check the files' shape and run, outside Docker,
the commands the files run: the health-check script against a real server, the migrate script's
syntax and the build's collectstatic step.
"""

import http.server
import importlib.util
import os
import re
import shlex
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
MIGRATE = ROOT / "docker" / "migrate.sh"
HEALTHCHECK = ROOT / "docker" / "healthcheck.py"

APP_SERVICES = ("web", "worker", "beat")
# A whole value that is one ${NAME}, ${NAME:?message} or ${NAME:-default} substitution.
SUBSTITUTION = re.compile(r"^\$\{[A-Z][A-Z0-9_]*(:?[?-][^}]*)?\}$")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    logical, current = [], ""
    for line in DOCKERFILE.read_text().splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        logical.append(current + line)
        current = ""
    pairs = []
    for line in logical:
        keyword, _, rest = line.strip().partition(" ")
        pairs.append((keyword.upper(), rest.strip()))
    return pairs


def instructions(keyword: str) -> list[str]:
    return [rest for name, rest in dockerfile_instructions() if name == keyword]


def as_list(command) -> list[str]:
    return shlex.split(command) if isinstance(command, str) else list(command)


# docker-compose.yml


def test_compose_uses_the_compose_spec_without_a_version_key(compose):
    assert "version" not in compose


def test_compose_defines_the_six_services(services):
    assert set(services) == {"db", "redis", "migrate", "web", "worker", "beat"}


def test_app_services_share_one_image_and_configuration(compose, services):
    shared = compose["x-app"]
    for name in APP_SERVICES:
        for key in ("build", "image", "env_file", "environment", "restart"):
            assert services[name][key] == shared[key], (name, key)


def test_the_env_file_is_optional_and_is_not_the_one_holding_the_database_passwords(services):
    # Compose reads .env for its ${...} substitutions, the owner's password among them; a
    # file passed whole to the app containers would hand them that password.
    for name in (*APP_SERVICES, "migrate"):
        assert services[name]["env_file"] == [{"path": "cnis.env", "required": False}]


def test_every_service_but_beat_has_a_health_check(services):
    for name in ("db", "redis", "web", "worker"):
        check = services[name]["healthcheck"]
        assert check["test"][0] in {"CMD", "CMD-SHELL"}, name
        assert not check.get("disable"), name


def test_beat_disables_the_health_check_it_would_inherit_from_the_image(services):
    # The image's HEALTHCHECK asks /healthz on port 8000, which only web serves.
    assert services["beat"]["healthcheck"] == {"disable": True}


def test_database_and_redis_health_checks(services):
    assert services["db"]["healthcheck"]["test"][:2] == ["CMD", "pg_isready"]
    assert "redis-cli ping" in " ".join(services["redis"]["healthcheck"]["test"])


def test_web_and_dockerfile_health_checks_run_the_same_script(services):
    assert services["web"]["healthcheck"]["test"] == [
        "CMD",
        "python",
        "/app/docker/healthcheck.py",
    ]
    (healthcheck,) = instructions("HEALTHCHECK")
    assert '["python", "/app/docker/healthcheck.py"]' in healthcheck


def test_worker_health_check_pings_its_own_node(services):
    test = services["worker"]["healthcheck"]["test"]
    assert test[0] == "CMD-SHELL"
    # $$ is Compose's escape for a literal $: the container's shell expands $HOSTNAME.
    assert "celery -A cnis inspect ping -d celery@$$HOSTNAME" in test[1]


def test_migrate_runs_once_the_database_is_healthy_and_then_exits(services):
    migrate = services["migrate"]
    assert migrate["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert as_list(migrate["command"]) == ["/app/docker/migrate.sh"]
    assert migrate["restart"] == "no"
    assert migrate["healthcheck"] == {"disable": True}


def test_web_worker_and_beat_start_after_migrate_has_finished(services):
    for name in APP_SERVICES:
        assert services[name]["depends_on"] == {
            "migrate": {"condition": "service_completed_successfully"},
            "redis": {"condition": "service_healthy"},
        }
        assert "entrypoint" not in services[name], f"{name} must not run migrations"
        assert "migrate.sh" not in " ".join(as_list(services[name]["command"]))


def test_web_runs_gunicorn(services):
    web = services["web"]
    command = as_list(web["command"])
    assert command[:2] == ["gunicorn", "cnis.wsgi:application"]
    assert command[command.index("--bind") + 1] == "0.0.0.0:8000"
    assert command[command.index("--access-logfile") + 1] == "-"
    assert any(port.endswith(":8000:8000") or port == "8000:8000" for port in web["ports"])


def test_worker_and_beat_commands(services):
    assert as_list(services["worker"]["command"])[:4] == ["celery", "-A", "cnis", "worker"]
    assert as_list(services["beat"]["command"])[:4] == ["celery", "-A", "cnis", "beat"]


def test_app_services_run_with_debug_off(services):
    for name in APP_SERVICES:
        assert services[name]["environment"]["DJANGO_DEBUG"] == "false", name


def test_secrets_are_only_ever_substituted_never_written_in(services):
    for name, service in services.items():
        environment = service.get("environment", {})
        assert isinstance(environment, dict), f"{name}: use the mapping form of environment"
        for key, value in environment.items():
            if any(word in key for word in ("SECRET", "PASSWORD", "TOKEN")):
                assert SUBSTITUTION.match(str(value)), f"{name}: {key} is a literal value"
    for name in APP_SERVICES:
        environment = services[name]["environment"]
        assert SUBSTITUTION.match(environment["DJANGO_SECRET_KEY"])
        assert environment["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
    assert services["db"]["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")


def database_url(url: str) -> tuple[str, str]:
    """(role, password) of a compose database URL, which must be db's cnis database."""
    found = re.match(r"^postgres://([a-z_]+):(.*)@db:5432/cnis$", url)
    assert found, url
    assert SUBSTITUTION.match(found.group(2)), f"{url}: the password is a literal value"
    return found.group(1), found.group(2)


def test_only_migrate_connects_as_the_role_that_owns_the_tables(services):
    owner = ("cnis", "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}")
    app = ("cnis_app", "${APP_DATABASE_PASSWORD:?set APP_DATABASE_PASSWORD}")
    assert services["db"]["environment"]["POSTGRES_USER"] == owner[0]
    migrate = services["migrate"]["environment"]
    assert database_url(migrate["DATABASE_URL"]) == owner
    assert database_url(migrate["APP_DATABASE_URL"]) == app
    for name in APP_SERVICES:
        environment = services[name]["environment"]
        assert database_url(environment["DATABASE_URL"]) == app, name
        assert "APP_DATABASE_URL" not in environment
        assert not any("POSTGRES_PASSWORD" in str(value) for value in environment.values())


def test_redis_persists_queued_tasks(services):
    redis = services["redis"]
    assert as_list(redis["command"])[-2:] == ["--appendonly", "yes"]
    assert any(volume.endswith(":/data") for volume in redis["volumes"])


def test_database_keeps_its_data_in_a_named_volume(compose, services):
    db = services["db"]
    assert db["image"] == "postgres:15"
    (volume,) = db["volumes"]
    name, _, target = volume.partition(":")
    assert target == "/var/lib/postgresql/data"
    assert name in compose["volumes"]


# Dockerfile and .dockerignore


def test_dockerfile_base_image_and_environment():
    assert instructions("FROM") == ["python:3.11-slim-bookworm"]
    (environment,) = instructions("ENV")
    for setting in ("PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1"):
        assert setting in environment
    assert "SECRET" not in environment, "no secret may be baked into the image"


def test_dockerfile_runs_as_an_unprivileged_user():
    users = instructions("USER")
    assert users and users[-1] not in {"root", "0", "0:0"}
    assert any("useradd" in run and users[-1] in run for run in instructions("RUN"))


def test_dockerfile_installs_the_project_and_collects_static_files():
    runs = instructions("RUN")
    assert any("pip install --no-cache-dir ." in run for run in runs)
    assert any("manage.py collectstatic --noinput" in run for run in runs)
    assert instructions("EXPOSE") == ["8000"]


def test_dockerfile_copies_only_paths_that_exist_and_are_not_ignored():
    ignored = {
        line.strip().rstrip("/")
        for line in DOCKERIGNORE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    for copy in instructions("COPY"):
        *sources, _target = copy.split()
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such file"
            assert source.rstrip("/") not in ignored, f"COPY {source} is in .dockerignore"


def test_dockerignore_keeps_local_and_test_files_out():
    ignored = set(DOCKERIGNORE.read_text().split())
    for pattern in (".venv", ".git", ".env", "db.sqlite3", "staticfiles", "tests"):
        assert pattern in ignored
    assert "**/__pycache__" in ignored
    assert {"frontend", "frontend/node_modules"} & ignored


def test_dockerfile_default_command_is_gunicorn():
    (command,) = instructions("CMD")
    assert command.startswith('["gunicorn", "cnis.wsgi:application", "--bind", "0.0.0.0:8000"')


def collectstatic_build_env() -> dict[str, str]:
    """The throwaway variables the Dockerfile sets for its collectstatic step only."""
    (run,) = [run for run in instructions("RUN") if "collectstatic" in run]
    words = shlex.split(run)
    return dict(word.split("=", 1) for word in words[: words.index("python")])


def test_collectstatic_gets_only_throwaway_values():
    values = collectstatic_build_env()
    assert values["DJANGO_DEBUG"] == "false"
    assert values["DJANGO_SECRET_KEY"] == "build-only"
    assert set(values) == {
        "DJANGO_DEBUG",
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DATABASE_URL",
    }


def clean_env(**values: str) -> dict[str, str]:
    """This process's environment without the project's settings (pytest-env sets some)."""
    prefixes = ("DJANGO_", "CNIS_", "DATABASE_URL", "CELERY_", "HEALTHCHECK_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(prefixes)}
    env.update(values)
    return env


def test_the_build_steps_collectstatic_succeeds_with_production_storage(tmp_path):
    env = clean_env(**collectstatic_build_env(), DJANGO_STATIC_ROOT=str(tmp_path / "static"))
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()


# docker/migrate.sh


def test_the_migrate_script_is_an_executable_posix_shell_script():
    assert MIGRATE.stat().st_mode & stat.S_IXUSR
    assert MIGRATE.read_text().startswith("#!/bin/sh\n")
    subprocess.run(["sh", "-n", str(MIGRATE)], check=True)


def test_migrate_waits_for_the_database_migrates_makes_the_app_role_then_loads_authorities():
    script = MIGRATE.read_text()
    steps = [
        "connection.ensure_connection()",
        "python manage.py migrate --noinput",
        "python manage.py app_database_role",
        "python manage.py load_local_authorities",
    ]
    positions = [script.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "set -eu" in script


# docker/healthcheck.py


def load_healthcheck():
    spec = importlib.util.spec_from_file_location("cnis_healthcheck", HEALTHCHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("allowed_hosts", "expected"),
    [
        ("register.example-council.gov.uk,localhost", "register.example-council.gov.uk"),
        (" .example-council.gov.uk ", "example-council.gov.uk"),
        ("*,cnis.example", "cnis.example"),
        ("*", None),
        ("", None),
    ],
)
def test_health_check_host_header(allowed_hosts, expected):
    assert load_healthcheck().host_header(allowed_hosts) == expected


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_listening(port: int, server: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited early"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listened on port {port} within {seconds} s")


def run_healthcheck(url: str, allowed_hosts: str | None) -> subprocess.CompletedProcess:
    env = clean_env(HEALTHCHECK_URL=url)
    if allowed_hosts is not None:
        env["DJANGO_ALLOWED_HOSTS"] = allowed_hosts
    return subprocess.run(
        [sys.executable, str(HEALTHCHECK)], env=env, capture_output=True, text=True, timeout=15
    )


class _StubHandler(http.server.BaseHTTPRequestHandler):
    """/moved redirects to /healthz, which answers 200; records each request's headers."""

    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:  # the name http.server calls
        self.seen.append(dict(self.headers))
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/healthz")
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_health_check_sends_host_and_https_headers_and_follows_no_redirect():
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), _StubHandler) as stub:
        thread = threading.Thread(target=stub.serve_forever, daemon=True)
        thread.start()
        try:
            base = f"http://127.0.0.1:{stub.server_address[1]}"
            ok = run_healthcheck(f"{base}/healthz", allowed_hosts="cnis.example,localhost")
            redirected = run_healthcheck(f"{base}/moved", allowed_hosts="cnis.example")
        finally:
            stub.shutdown()
    assert ok.returncode == 0, ok.stderr
    assert _StubHandler.seen[0]["Host"] == "cnis.example"
    assert _StubHandler.seen[0]["X-Forwarded-Proto"] == "https"
    assert redirected.returncode == 1
    assert "answered 302" in redirected.stderr
    assert len(_StubHandler.seen) == 2, "the redirect was followed"


def test_health_check_script_against_a_real_server(tmp_path):
    """Production settings (DEBUG off, CNIS_SECURE on by default), as in the container."""
    host = "register.example-council.gov.uk"
    port = free_port()
    url = f"http://127.0.0.1:{port}/healthz"
    env = clean_env(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="test-only-health-check-key",
        DJANGO_ALLOWED_HOSTS=host,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(
        [*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=60
    )
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_listening(port, server, seconds=15)

        healthy = run_healthcheck(url, allowed_hosts=host)
        assert healthy.returncode == 0, healthy.stderr

        # Without the Host header from DJANGO_ALLOWED_HOSTS, Django refuses the request.
        wrong_host = run_healthcheck(url, allowed_hosts=None)
        assert wrong_host.returncode == 1
        assert "answered 400" in wrong_host.stderr
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()

    stopped = run_healthcheck(url, allowed_hosts=host)
    assert stopped.returncode == 1
    assert "unhealthy" in stopped.stderr
