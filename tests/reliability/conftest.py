"""A private Redis for the reliability tests, which can be stopped and started again.

The server is a child process of the test run on a free localhost port, with persistence off,
so stopping it loses nothing but the queue, just as a Redis restart without persistence would.
It is always terminated when the test ends, whatever happened.
"""

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from kombu import pools

from cnis.celery import app
from tests.conftest import skip_or_fail

START_TIMEOUT_SECONDS = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    def __init__(self, *, binary: str, port: int, directory: Path) -> None:
        self.binary = binary
        self.port = port
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        if self.process is not None:
            raise RuntimeError("The private Redis is already running")
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        try:
            while True:
                try:
                    client.ping()
                    return
                except redis.ConnectionError as error:
                    if self.process.poll() is not None or time.monotonic() > deadline:
                        self.stop()
                        raise RuntimeError(
                            f"redis-server did not start on port {self.port}"
                        ) from error
                    time.sleep(0.05)
        finally:
            client.close()

    def stop(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture
def private_redis(tmp_path) -> Iterator[PrivateRedis]:
    binary = shutil.which("redis-server")
    if binary is None:
        skip_or_fail("needs redis-server on the PATH (Debian: apt-get install redis-server)")
    server = PrivateRedis(binary=binary, port=free_port(), directory=tmp_path)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def _forget_broker_connections() -> None:
    # The app keeps one connection pool made from the first broker URL it used; drop it so
    # neither this test nor a later one talks to a broker it was not given. kombu also keeps
    # process-wide pools keyed by broker address, and a free port may have served an earlier
    # test's (since closed) broker: reset those too.
    if app._pool is not None:
        app._pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    pools.reset()


@pytest.fixture
def celery_on_private_redis(private_redis, settings, monkeypatch) -> Iterator[PrivateRedis]:
    """The production shape: tasks go through the broker, requests only write the outbox."""
    # Celery reads CELERY_BROKER_URL from the environment before its configuration (CI sets
    # it for the whole run), so the private broker must be named there too.
    monkeypatch.setenv("CELERY_BROKER_URL", private_redis.url)
    settings.CELERY_BROKER_URL = private_redis.url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CNIS_OUTBOX_DELIVER_ON_COMMIT = False
    overrides = {
        "broker_url": private_redis.url,
        "task_always_eager": False,
        # Leave pytest's log capture alone when the test worker starts.
        "worker_hijack_root_logger": False,
    }
    previous = {name: app.conf[name] for name in overrides}
    _forget_broker_connections()
    app.conf.update(overrides)
    try:
        yield private_redis
    finally:
        app.conf.update(previous)
        _forget_broker_connections()
