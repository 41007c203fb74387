"""The publication's rounding and symbols (plain Python): counts to the nearest 10 for an LA or
region and the nearest 100 for England, percentages as whole numbers and rates to one decimal
place; `low` for a figure that rounds to 0 but is not 0 (`<0.5` for a percentage before
2025/26), `x` for a figure not available, `z` for one that does not apply."""

from decimal import ROUND_HALF_UP, Decimal

LOW = "low"
NOT_AVAILABLE = "x"
NOT_APPLICABLE = "z"
# Percentages that round to 0 but are not 0 were shown as `<0.5` before the 2025/26 release.
SMALL_PERCENTAGE_BEFORE_2025 = "<0.5"
FIRST_LOW_PERIOD = "202526"
NATIONAL_ROUNDING = 100
LOCAL_ROUNDING = 10


def _half_up(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def count_shown(count: int, *, national: bool) -> str:
    step = NATIONAL_ROUNDING if national else LOCAL_ROUNDING
    rounded = int(_half_up(Decimal(count) / step, "1")) * step
    return LOW if count and not rounded else str(rounded)


def percent_shown(count: int, of: int | None, *, time_period: str) -> str:
    """`count` as a percentage of `of`, unrounded counts both; `z` if there is no total."""
    if not of:
        return NOT_APPLICABLE
    rounded = _half_up(Decimal(100 * count) / of, "1")
    if count and not rounded:
        return LOW if time_period >= FIRST_LOW_PERIOD else SMALL_PERCENTAGE_BEFORE_2025
    return str(rounded)


def rate_shown(count: int, population: int | None) -> str:
    """Children per 100 of the population aged 5 to 16; `x` without a population."""
    if not population:
        return NOT_AVAILABLE
    rounded = _half_up(Decimal(100 * count) / population, "0.1")
    return LOW if count and not rounded else str(rounded)
