"""Charts drawn on the server as SVG, so that they show without JavaScript: the geometry of bars
worked out here, the markup in templates/staff/includes/chart.html. A chart is an image with a
title and a description for screen readers; the page shows its figures as a table beside it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

# The drawing's own units (its viewBox); it scales to the width of the page.
WIDTH = 640
LABEL_WIDTH = 250
VALUE_ROOM = 60
ROW_HEIGHT = 26
BAR_THICKNESS = 18
COLUMN_AREA_HEIGHT = 180
AXIS_ROOM = 24


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float
    # Where the label and the figure are written.
    label_x: float
    label_y: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    description: str
    width: int
    height: int
    horizontal: bool
    bars: list[Bar]
    axis_y: float


def _scale(values: Sequence[int], room: float) -> float:
    largest = max(values, default=0)
    return room / largest if largest else 0.0


def bar_chart(*, slug: str, title: str, rows: Sequence[tuple[str, int]]) -> Chart:
    """Horizontal bars, one a row: the label at the left, the figure after the bar."""
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    scale = _scale([value for _, value in rows], room)
    bars = []
    for index, (label, value) in enumerate(rows):
        top = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_THICKNESS) / 2
        length = value * scale
        bars.append(
            Bar(
                label=label,
                count=value,
                x=LABEL_WIDTH,
                y=top,
                width=length,
                height=BAR_THICKNESS,
                label_x=LABEL_WIDTH - 8,
                label_y=top + BAR_THICKNESS - 4,
                value_x=LABEL_WIDTH + length + 6,
                value_y=top + BAR_THICKNESS - 4,
            )
        )
    return Chart(
        slug=slug,
        title=title,
        description=_description(rows),
        width=WIDTH,
        height=max(len(rows), 1) * ROW_HEIGHT,
        horizontal=True,
        bars=bars,
        axis_y=0,
    )


def column_chart(*, slug: str, title: str, rows: Sequence[tuple[str, int]]) -> Chart:
    """Upright columns, one for each period in order, the figure above each column."""
    slot = WIDTH / max(len(rows), 1)
    scale = _scale([value for _, value in rows], COLUMN_AREA_HEIGHT - 20)
    base = COLUMN_AREA_HEIGHT
    bars = []
    for index, (label, value) in enumerate(rows):
        height = value * scale
        left = index * slot + slot * 0.15
        bars.append(
            Bar(
                label=label,
                count=value,
                x=left,
                y=base - height,
                width=slot * 0.7,
                height=height,
                label_x=index * slot + slot / 2,
                label_y=base + AXIS_ROOM - 6,
                value_x=index * slot + slot / 2,
                value_y=base - height - 4,
            )
        )
    return Chart(
        slug=slug,
        title=title,
        description=_description(rows),
        width=WIDTH,
        height=COLUMN_AREA_HEIGHT + AXIS_ROOM,
        horizontal=False,
        bars=bars,
        axis_y=base,
    )


def _description(rows: Sequence[tuple[str, int]]) -> str:
    if not rows:
        return "Nothing to show yet."
    return "; ".join(f"{label}: {value:,}" for label, value in rows) + "."
