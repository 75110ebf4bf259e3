"""The inline SVG map of the Netherlands: province outlines shipped in community/network/geo/ plus region markers."""

import functools
import json
import math
from pathlib import Path

MAP_FILE = Path(__file__).resolve().parent / "geo" / "netherlands.json"


@functools.cache
def netherlands() -> dict:
    with MAP_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


def project(latitude, longitude) -> tuple[float, float]:
    """SVG coordinates of a point, in the projection the province paths were drawn in."""
    projection = netherlands()["projection"]
    x = (float(longitude) - projection["min_lon"]) * math.cos(math.radians(projection["lat0"])) * projection["scale"]
    y = (projection["max_lat"] - float(latitude)) * projection["scale"]
    return round(x, 1), round(y, 1)


# Label layout. Boxes are in the map's own units (the SVG scales as a whole, so a layout without overlap
# stays without overlap at any width). Sizes follow the CSS (.nl-map__marker text: 11px, 3px white halo),
# on the generous side so real glyphs stay inside the estimate.
LABEL_FONT_SIZE = 11
LABEL_CHAR_WIDTH = 0.62 * LABEL_FONT_SIZE
LABEL_ASCENT, LABEL_DESCENT = 0.8 * LABEL_FONT_SIZE, 0.3 * LABEL_FONT_SIZE
LABEL_HALO = 1.5
MARKER_RADIUS = 9  # the circle when hovered or focused
# Where a label may go, in order of preference: (dx, dy of the baseline, text-anchor).
LABEL_POSITIONS = [
    (11, 4, "start"),
    (-11, 4, "end"),
    (0, -14, "middle"),
    (0, 20, "middle"),
    (11, -8, "start"),
    (11, 16, "start"),
    (-11, -8, "end"),
    (-11, 16, "end"),
]


def label_box(x: float, y: float, text: str, anchor: str) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a label whose anchor point is x and baseline is y."""
    width = len(text) * LABEL_CHAR_WIDTH
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left - LABEL_HALO, y - LABEL_ASCENT - LABEL_HALO, left + width + LABEL_HALO, y + LABEL_DESCENT + LABEL_HALO)


def boxes_overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _marker_box(marker) -> tuple[float, float, float, float]:
    x, y = marker["x"], marker["y"]
    return (x - MARKER_RADIUS, y - MARKER_RADIUS, x + MARKER_RADIUS, y + MARKER_RADIUS)


def place_labels(markers: list[dict], width: float, height: float) -> list[dict]:
    """Give each marker ``label_x``, ``label_y``, ``label_anchor`` so that no label overlaps another label,
    any marker, or the edge of the map. Crowded markers are placed first (they have the fewest options);
    each takes the first free position in LABEL_POSITIONS, with backtracking when one is left without."""
    order = sorted(markers, key=lambda m: -sum(abs(m["x"] - o["x"]) + abs(m["y"] - o["y"]) < 90 for o in markers))
    obstacles = [_marker_box(marker) for marker in markers]

    def options(marker):
        for dx, dy, anchor in LABEL_POSITIONS:
            box = label_box(marker["x"] + dx, marker["y"] + dy, marker["label"], anchor)
            if box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height:
                if not any(boxes_overlap(box, other) for other in obstacles):
                    yield dx, dy, anchor, box

    def place(index: int, placed: list) -> bool:
        if index == len(order):
            return True
        marker = order[index]
        for dx, dy, anchor, box in options(marker):
            if not any(boxes_overlap(box, other) for other in placed):
                marker.update(
                    label_x=round(marker["x"] + dx, 1), label_y=round(marker["y"] + dy, 1), label_anchor=anchor
                )
                if place(index + 1, placed + [box]):
                    return True
        return False

    if not place(0, []):
        raise ValueError("No label layout without overlap for these markers")
    return markers
