"""Public pages count posts per client per hour: every test here starts with none counted."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_rate_limit_counters():
    cache.clear()
    yield
    cache.clear()
