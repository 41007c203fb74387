"""gunicorn as production runs it (sync workers, the same WSGI entry point), on a free loopback
port, stopped whatever happens."""

import ctypes
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.register import ROOT

HOST = "127.0.0.1"
START_TIMEOUT_SECONDS = 120.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _answers(port: int, path: str) -> bool:
    connection = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        connection.request("GET", path, headers={"Host": f"{HOST}:{port}"})
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


@dataclass(frozen=True)
class Server:
    """One gunicorn to run: its WSGI application, environment, and the path that answers 200
    once it is ready."""

    app: str
    env: Mapping[str, str]
    ready_path: str
    log: Path


@contextmanager
def gunicorn(*servers: Server, workers: int) -> Iterator[list[int]]:
    """Serves each application with `workers` sync workers, all starting at once; yields their
    ports once each answers."""
    started: list[tuple[Server, int, subprocess.Popen]] = []
    try:
        for server in servers:
            port = free_port()
            started.append((server, port, _start(server, port=port, workers=workers)))
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        for server, port, process in started:
            while not _answers(port, server.ready_path):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"gunicorn ({server.app}) did not start:\n{tail(server.log)}"
                    )
                time.sleep(0.2)
        yield [port for _, port, _ in started]
    finally:
        for _, _, process in started:
            process.terminate()
        for _, _, process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _start(server: Server, *, port: int, workers: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        server.app,
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--access-logfile",
        "-",
        "--chdir",
        str(ROOT),
        # Several servers run at once here: none may take another's control socket.
        "--no-control-socket",
    ]
    if os.path.isdir("/dev/shm"):
        command += ["--worker-tmp-dir", "/dev/shm"]
    with server.log.open("ab") as output:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=dict(server.env),
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=_ended_with_parent,
        )


def _ended_with_parent() -> None:
    """On Linux, the server is sent SIGTERM if the harness dies without stopping it (killed,
    or timed out by a test), so no gunicorn is left behind."""
    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
