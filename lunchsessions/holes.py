"""A session card's places left, or the member's own registration: personal, on a shared page."""

from community.core import holes

from .models import Registration


def session_places(request, args_list) -> list[str]:
    """One query for every card on the page."""
    statuses = Registration.statuses_for(request.user, [session_id for session_id, _places in args_list])
    return [
        holes.render(
            request,
            "lunchsessions/includes/session_places.html",
            {"my_status": statuses.get(session_id, ""), "places_left": places_left},
        )
        for session_id, places_left in args_list
    ]
