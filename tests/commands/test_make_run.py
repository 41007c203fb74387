"""`make run` on another host and port: the demo's emailed links and printed sign-in address
follow it, and the printed way to get a security code works as printed, from a plain shell."""

import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def make_run_steps(**variables: str) -> list[list[str]]:
    """The commands `make run` would run with these variables, each split into words."""
    printed = subprocess.run(
        ["make", "--no-print-directory", "-n", "run", *(f"{k}={v}" for k, v in variables.items())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [shlex.split(line) for line in printed.splitlines() if "manage.py" in line]


def settings_and_command(words: list[str]) -> tuple[dict[str, str], list[str]]:
    """`A=1 B=2 python manage.py x` -> ({"A": "1", "B": "2"}, ["python", "manage.py", "x"])."""
    settings = {}
    while re.match(r"^[A-Z_]+=", words[0]):
        name, value = words.pop(0).split("=", 1)
        settings[name] = value
    return settings, words


def plain_shell() -> dict[str, str]:
    """A newcomer's shell: none of the project's settings (the test run sets some)."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "CNIS_", "CELERY_"))
    }


def run(command: list[str] | str, env: dict[str, str]) -> str:
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        shell=isinstance(command, str),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def demo_on_port_8101(tmp_path_factory) -> tuple[dict[str, str], str]:
    """Every step of `make run HOST=localhost PORT=8101` but serving, on a scratch database
    (not the demo's own) and with no children; returns the settings and seed_demo's output."""
    database = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'db.sqlite3'}"
    seeded = ""
    for words in make_run_steps(HOST="localhost", PORT="8101"):
        settings, command = settings_and_command(words)
        settings["DATABASE_URL"] = database
        if "runserver" in command:
            assert command[-1] == "localhost:8101"
            continue
        if "seed_demo" in command:
            command += ["--children", "0"]
            seeded = run(command, plain_shell() | settings)
        else:
            run(command, plain_shell() | settings)
    return settings, seeded


def test_the_printed_sign_in_address_is_where_the_demo_is_served(demo_on_port_8101):
    _, seeded = demo_on_port_8101

    assert "Sign in at http://localhost:8101/staff/sign-in/" in seeded


def test_emailed_links_point_where_the_demo_is_served(demo_on_port_8101):
    settings, _ = demo_on_port_8101
    python = ".venv/bin/python"
    show_link = "from registers.services.links import link_url; print(link_url(path='/u/x/'))"

    printed = run([python, "manage.py", "shell", "-c", show_link], plain_shell() | settings)

    assert printed.splitlines()[-1] == "http://localhost:8101/u/x/"


def test_the_printed_alternative_to_make_code_gives_a_code(demo_on_port_8101):
    _, seeded = demo_on_port_8101
    alternative = re.search(r"make code +\(or (.+)\)$", seeded, re.MULTILINE).group(1)

    printed = run(alternative, plain_shell())

    assert re.match(r"^\d{6}   security code for officer@devon\.example\.org", printed)
