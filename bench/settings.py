"""The project's own settings (production, configured by the environment), served with the
benchmark's URLs: the project's routes and one trivial view behind the same middleware."""

from cnis.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
