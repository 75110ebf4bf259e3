"""The region map's labels never overlap each other or a marker (Amersfoort/Utrecht, Breda/Tilburg), measured
in the browser at desktop width and at 360 px."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MEASURE = """() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
    return {
        labels: [...document.querySelectorAll('svg.nl-map .nl-map__marker text')].map(el => ({name: el.textContent, ...box(el)})),
        circles: [...document.querySelectorAll('svg.nl-map .nl-map__marker circle')].map(el => ({
            name: el.parentElement.querySelector('text').textContent, ...box(el)})),
        map: box(document.querySelector('svg.nl-map')),
    };
}"""


def overlap(a, b):
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


def overlapping_pairs(measured):
    labels, circles = measured["labels"], measured["circles"]
    pairs = [(a["name"], b["name"]) for i, a in enumerate(labels) for b in labels[i + 1 :] if overlap(a, b)]
    pairs += [
        (label["name"], "stip " + circle["name"]) for label in labels for circle in circles if overlap(label, circle)
    ]
    return pairs


@pytest.mark.parametrize("width", [1280, 360])
def test_map_labels_do_not_overlap(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/organisaties/regio/")
    measured = page.evaluate(MEASURE)
    names = {label["name"] for label in measured["labels"]}
    assert {"Amersfoort", "Utrecht", "Breda", "Tilburg"} <= names
    assert overlapping_pairs(measured) == []
    for label in measured["labels"]:  # every label inside the map
        assert measured["map"]["l"] <= label["l"] and label["r"] <= measured["map"]["r"] + 0.5, label
