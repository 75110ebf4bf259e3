"""The header's bell and the follow buttons: personal parts of pages shared by an audience."""

from django.utils.safestring import mark_safe

from community.core import holes
from community.notify import events


def bells(request, args_list) -> list[str]:
    return [holes.render(request, "components/holes/bell.html", {})] * len(args_list)


def follow_forms(request, args_list) -> list[str]:
    """Follow or unfollow buttons; the follows come from the shared cache (events.is_following)."""
    return [
        holes.render(request, "community/includes/follow_form.html", _follow_context(request, *args))
        for args in args_list
    ]


def _follow_context(request, kind: str, target_id, title: str = "") -> dict:
    target = events.targets().get(kind)
    return {
        "kind": kind,
        "target_id": target_id,
        "title": mark_safe(title),  # noqa: S308 - escaped by the follow_form tag before it went into the marker
        "label": target.label if target else "",
        "following": events.is_following(request.user, kind, target_id),
        "next": request.get_full_path(),
    }
