"""A session card's places left, or the member's own registration: personal, on a shared page."""

from django.template.loader import render_to_string

from .models import Registration


def session_places(request, args_list) -> list[str]:
    """One query for every card on the page."""
    statuses = Registration.statuses_for(request.user, [session_id for session_id, _places in args_list])
    return [
        render_to_string(
            "lunchsessions/includes/session_places.html",
            {"my_status": statuses.get(session_id, ""), "places_left": places_left},
            request,
        )
        for session_id, places_left in args_list
    ]
