"""Runs last in load_demo: make sure everything the other apps just created is searchable."""

from . import indexing


def load(context) -> None:
    outcome = indexing.rebuild()
    context.say(f"  zoekindex: {outcome['written']} documenten")
