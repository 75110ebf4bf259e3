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
