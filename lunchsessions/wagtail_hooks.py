import functools

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from community.core.hooks import (
    DIGEST_SOURCES,
    EDITOR_TASKS,
    HOME_SECTIONS,
    NOTIFICATION_TARGETS,
    PAGE_HOLES,
    PERSONAL_DATA,
    PHASE_LINKS,
    SEARCH_ADAPTERS,
    DigestSource,
    EditorTasks,
    Hole,
    NotificationTarget,
    PersonalDataSource,
    Section,
)

from . import admin_views
from . import personal_data as lunch_data
from .admin_actions import SessionAction, session_action
from .dashboard import sessions_without_recap
from .holes import session_places
from .home import upcoming_cards
from .integrations import recaps_since, resolve_series, resolve_sessions, sessions_for_phase, upcoming_since
from .models import LunchSessionIndexPage
from .search import LunchSessionAdapter


@hooks.register("on_serve_page", order=-30)
def serve_routes_directly(serve):
    """The routes of /lunchsessies/ (feeds, calendar link, aanmelden) are views with their own checks,
    as they were when Django served them: they skip the page's teaser and page-cache handling
    (``community.wagtail_hooks``), which concern the page itself (its index route)."""

    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, LunchSessionIndexPage) and serve_args and serve_args[0].__name__ != "index_route":
            return page.serve(request, *serve_args, **serve_kwargs)
        return serve(page, request, serve_args, serve_kwargs)

    return inner


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path("lunchsessies/<int:page_id>/aanmeldingen/", admin_views.registrations, name="lunchsessions_registrations"),
        path(
            "lunchsessies/<int:page_id>/aanmeldingen.csv",
            admin_views.registrations_csv,
            name="lunchsessions_registrations_csv",
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "lunchsessions.export_registrations", _("Aanmeldingen geëxporteerd"), _("Aanmeldingen geëxporteerd")
    )


@session_action
class RegistrationsAction(SessionAction):
    label = _("Aanmeldingen")
    icon_name = "group"
    priority = 45
    url_name = "lunchsessions_registrations"


# What lunch sessions add to the site's extension points (community/core/hooks.py).


@hooks.register(HOME_SECTIONS)
def lunch_session_home_section():
    return Section(
        key="lunchsessions", title=_("Lunchsessies"), items=upcoming_cards, order=30, more_url="/lunchsessies/"
    )


@hooks.register(SEARCH_ADAPTERS)
@functools.cache  # one adapter for the process: search code compares them
def lunch_session_search():
    return LunchSessionAdapter()


@hooks.register(PERSONAL_DATA)
def lunch_session_personal_data():
    return PersonalDataSource("lunchsessies", export=lunch_data.export, erase=lunch_data.erase)


@hooks.register(PHASE_LINKS)
def lunch_session_phase_links():
    return Section(key="lunchsessions", title=_("Lunchsessies"), items=sessions_for_phase, order=40)


@hooks.register(DIGEST_SOURCES)
def recaps_digest():
    return DigestSource("new_recaps", recaps_since)


@hooks.register(DIGEST_SOURCES)
def upcoming_sessions_digest():
    return DigestSource("upcoming_sessions", upcoming_since)


@hooks.register(EDITOR_TASKS)
def sessions_without_recap_tasks():
    return EditorTasks(
        "recaps",
        _("Sessies zonder terugblik"),
        sessions_without_recap,
        _("Alle voorbije sessies hebben een terugblik."),
        order=10,
    )


@hooks.register(NOTIFICATION_TARGETS)
def session_notification_target():
    return NotificationTarget(kind="session", label=_("lunchsessie"), resolve=resolve_sessions, followable=False)


@hooks.register(NOTIFICATION_TARGETS)
def series_notification_target():
    return NotificationTarget(kind="series", label=_("reeks"), resolve=resolve_series)


@hooks.register(PAGE_HOLES)
def session_places_hole():
    return Hole("session_places", session_places)
