"""Timing in alternating rounds (quality targets P9).

Each round times every target in turn, starting one target later than the round before, so
drift on a shared machine (another process waking up, the database's cache warming) falls on
every target alike. Within a round a target is asked by a fixed number of concurrent clients
until it has answered at least `requests` times and at least `seconds` have passed (a target
that writes, exactly `requests` times). Each request opens a new connection, as gunicorn's sync
workers close theirs, and is timed from sending to the last byte of the response.

A target's ratio to a baseline is taken per round (its p95 over the baseline's p95 in the same
round) and reported as the median over the rounds.
"""

import http.client
import math
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.client import TIMEOUT_SECONDS

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None = None


@dataclass
class Target:
    """One page (or baseline) to time: the request to send and the answer it must get."""

    key: str
    name: str
    port: int
    path: str
    request: Callable[[], Request]
    status: int = 200
    # Text the response must contain (a status alone would not show a page, not a sign-in).
    contains: str = ""
    # Where a redirect must point (for a post).
    location: str = ""
    # A target that makes records (a notification) is asked exactly `requests` times a round,
    # with no time floor, so that each run adds a known, small number of them.
    writes: bool = False
    note: str = ""
    rounds: list[list[float]] = field(default_factory=list)

    def check(self, status: int, location: str, body: str) -> str:
        """What is wrong with a response, or '' if it is the answer expected."""
        if status != self.status:
            return f"HTTP {status} {location or body[:200]!r}"
        if self.location and not location.endswith(self.location):
            return f"redirected to {location!r}, not {self.location!r}"
        if self.contains and self.contains not in body:
            return f"the response does not contain {self.contains!r}"
        return ""


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest sample at or above `fraction` of them."""
    ordered = sorted(samples)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def p95(samples: Sequence[float]) -> float:
    return percentile(samples, 0.95)


def _send(connection: http.client.HTTPConnection, request: Request) -> tuple[float, int, str, str]:
    started = time.perf_counter()
    connection.request(request.method, request.path, body=request.body, headers=request.headers)
    response = connection.getresponse()
    body = response.read()
    elapsed_ms = (time.perf_counter() - started) * 1000
    location = response.headers.get("Location", "")
    connection.close()
    return elapsed_ms, response.status, location, body.decode("utf-8", errors="replace")


def measure(target: Target, *, clients: int, requests: int, seconds: float) -> list[float]:
    """Milliseconds per request; raises if any response is not the one expected."""
    samples: list[float] = []
    problems: list[str] = []
    lock = threading.Lock()
    started = 0
    deadline = time.perf_counter() + seconds

    def client() -> None:
        nonlocal started
        connection = http.client.HTTPConnection(HOST, target.port, timeout=TIMEOUT_SECONDS)
        try:
            while True:
                with lock:
                    if problems or (started >= requests and time.perf_counter() >= deadline):
                        return
                    started += 1
                request = target.request()
                elapsed_ms, status, location, body = _send(connection, request)
                problem = target.check(status, location, body)
                with lock:
                    if problem:
                        problems.append(
                            f"{target.name} ({request.method} {request.path}): {problem}"
                        )
                    else:
                        samples.append(elapsed_ms)
        except Exception as error:  # a client that dies must stop the run, not hang it
            with lock:
                problems.append(f"{target.name}: {error!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if problems:
        raise RuntimeError(problems[0])
    return samples


def run_rounds(
    targets: Sequence[Target],
    *,
    rounds: int,
    clients: int,
    requests: int,
    seconds: float,
    warm_up: int,
    log: Callable[[str], None],
) -> None:
    """Fills each target's `rounds` with its samples, after an untimed warm-up of each."""
    log(f"Warming up: {warm_up} requests to each target")
    for target in targets:
        measure(target, clients=clients, requests=warm_up, seconds=0)
    for number in range(rounds):
        shift = number % len(targets)
        for target in [*targets[shift:], *targets[:shift]]:
            least_seconds = 0 if target.writes else seconds
            target.rounds.append(
                measure(target, clients=clients, requests=requests, seconds=least_seconds)
            )
        log(f"Round {number + 1} of {rounds} done")


@dataclass(frozen=True)
class Figures:
    requests: int
    median_ms: float
    p95_ms: float
    round_p95_ms: list[float]


def figures(target: Target) -> Figures:
    every = [sample for samples in target.rounds for sample in samples]
    return Figures(
        requests=len(every),
        median_ms=statistics.median(every),
        p95_ms=p95(every),
        round_p95_ms=[p95(samples) for samples in target.rounds],
    )


def ratio(target: Target, baseline: Target) -> float:
    """The median over rounds of the target's p95 over the baseline's p95 in the same round."""
    return statistics.median(
        p95(mine) / p95(theirs)
        for mine, theirs in zip(target.rounds, baseline.rounds, strict=True)
    )
