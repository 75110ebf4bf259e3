"""The label layout of the region map (community.network.maps.place_labels), on estimated boxes."""

import pytest

from community.models import Region
from community.network import maps

pytestmark = pytest.mark.django_db


def markers_for_all_regions():
    markers = []
    for region in Region.objects.all():
        x, y = maps.project(region.latitude, region.longitude)
        markers.append({"x": x, "y": y, "label": region.name})
    return markers


def test_no_label_overlaps_another_label_or_a_marker_and_all_stay_on_the_map():
    data = maps.netherlands()
    markers = maps.place_labels(markers_for_all_regions(), data["width"], data["height"])
    boxes = [maps.label_box(m["label_x"], m["label_y"], m["label"], m["label_anchor"]) for m in markers]
    for i, box in enumerate(boxes):
        assert 0 <= box[0] and box[2] <= data["width"] and 0 <= box[1] and box[3] <= data["height"]
        assert not any(maps.boxes_overlap(box, other) for other in boxes[i + 1 :]), markers[i]["label"]
        assert not any(maps.boxes_overlap(box, maps._marker_box(m)) for m in markers), markers[i]["label"]


def test_close_neighbours_get_labels_on_different_sides():
    markers = [{"x": 100, "y": 100, "label": "Utrecht"}, {"x": 112, "y": 96, "label": "Amersfoort"}]
    maps.place_labels(markers, 400, 400)
    first, second = (maps.label_box(m["label_x"], m["label_y"], m["label"], m["label_anchor"]) for m in markers)
    assert not maps.boxes_overlap(first, second)


def test_region_page_uses_the_layout(client):
    html = client.get("/organisaties/regio/").content.decode()
    assert 'text-anchor="end"' in html and 'text-anchor="middle"' in html and "dx=" not in html
