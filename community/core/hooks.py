"""The site's extension points: Wagtail hooks, their names, and the one shape each hook function returns.

An app extends another without the other importing it: in its own ``wagtail_hooks.py`` it registers a
function under one of these names, and the function returns one item of the shape named here::

    from wagtail import hooks

    from community.core.hooks import HOME_SECTIONS, Section

    @hooks.register(HOME_SECTIONS)
    def casus_section():
        return Section(key="casuses", title=_("Recente casussen"), items=recent_casus_cards, order=10)

Everything an item lists must already be filtered by ``community.core.access`` for the viewer it is given.
Tests add a hook for one test with ``wagtail.hooks.register_temporarily(NAME, fn)``, or put only their
own in place of every app's with ``replaced(NAME, fn, ...)``.
"""

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter

from wagtail import hooks

#: ``fn() -> Section``; ``items(request)``: the home page's sections (community.models.site.HomePage).
HOME_SECTIONS = "kennisplein_home_sections"
#: ``fn() -> Section``; ``items(organisation, viewer)``: what an organisation contributed, on its page.
ORGANISATION_CONTRIBUTIONS = "kennisplein_organisation_contributions"
#: ``fn() -> Section``; ``items(member_user, viewer)``: what a member contributed, on the profile
#: (only what the member chose to show as theirs).
MEMBER_CONTRIBUTIONS = "kennisplein_member_contributions"
#: ``fn() -> Section``; ``items(request, phase)``: related items on a methodiek phase page.
PHASE_LINKS = "kennisplein_phase_links"
#: ``fn() -> EditorTasks``: a list of pages waiting for an editor, on the CMS dashboard.
EDITOR_TASKS = "kennisplein_editor_tasks"
#: ``fn() -> DigestSource``: items of one notification topic for the weekly digest.
DIGEST_SOURCES = "kennisplein_digest_sources"
#: ``fn() -> PersonalDataSource``: what an app holds about a person (download, account deletion).
PERSONAL_DATA = "kennisplein_personal_data"
#: ``fn() -> PagePanel``: a box an app adds to another app's page type, where its template says
#: ``{% page_panels page %}`` (e.g. recording attendance on a lunch session, completing a module).
PAGE_PANELS = "kennisplein_page_panels"
#: ``fn() -> Hole``: a personal part of a page that is otherwise the same for a whole audience, where a
#: template says ``{% hole "name" arg … %}`` (community.core.holes).
PAGE_HOLES = "kennisplein_page_holes"
#: ``fn() -> SitemapList``: public objects listed in /sitemap.xml (never restricted ones).
SITEMAPS = "kennisplein_sitemaps"
#: ``fn() -> HealthCheck | None``: a part /healthz reports on (None: not in use with these settings).
HEALTH_CHECKS = "kennisplein_health_checks"
#: ``fn() -> search.documents.SearchAdapter``: an app's documents in the one site search; the same
#: instance on every call (decorate the function with ``functools.cache``).
SEARCH_ADAPTERS = "kennisplein_search_adapters"
#: ``fn() -> NotificationTarget``: a kind of thing notifications point at and members may follow
#: (a casus, a methodiek phase, a tag, a lunch-session series, a session), and how to show it.
NOTIFICATION_TARGETS = "kennisplein_notification_targets"


@dataclass(frozen=True)
class Section:
    """A titled list of cards (community.core.cards.Card); rendered by components/sections.html."""

    key: str
    title: str
    items: Callable
    order: int = 100
    more_url: str = ""
    template: str = "components/card_list.html"


@dataclass(frozen=True)
class EditorTasks:
    key: str
    heading: str
    pages: Callable  # (user) -> a short list of pages, one query
    empty: str  # said when there is nothing to do
    order: int = 100


@dataclass(frozen=True)
class DigestSource:
    topic: str  # one of NotificationPreference.TOPICS
    items: Callable  # (user, since) -> list[Card]


@dataclass(frozen=True)
class TargetLink:
    """What a notification or a follow shows of its target: a title and a URL (a path on this site)."""

    title: str
    url: str


@dataclass(frozen=True)
class NotificationTarget:
    kind: str  # "casus", "phase", "tag", "series", "session": stored with follows and notifications
    label: str  # Dutch, e.g. "casus", for "U volgt deze casus"
    # (user, {(target id, detail id)}) -> {(target id, detail id): TargetLink} for what ``user`` may see
    # now; the detail is 0 or e.g. a reaction's id. One or two queries for any number of pairs.
    resolve: Callable
    followable: bool = True


@dataclass(frozen=True)
class PersonalDataSource:
    name: str
    export: Callable  # (user) -> JSON-serialisable data
    erase: Callable  # (user) -> None: removes or anonymises it


@dataclass(frozen=True)
class PagePanel:
    page_type: str  # "app_label.ModelName" of the pages it is shown on
    template: str
    context: Callable  # (request, page) -> dict for the template, or None: nothing to show this viewer
    order: int = 100


@dataclass(frozen=True)
class Hole:
    name: str
    # (request, [args of each hole of this name on the page]) -> [HTML for each], one call per page,
    # so that all holes of one name cost one query together
    render: Callable


@dataclass(frozen=True)
class SitemapList:
    name: str
    queryset: object  # an ordered queryset of objects with get_absolute_url()


@dataclass(frozen=True)
class HealthCheck:
    name: str
    check: Callable  # () -> {"ok": bool, ...}
    critical: bool = True  # a failing non-critical part leaves the site up (degraded)


def collect(hook_name: str) -> list:
    """What every function registered under ``hook_name`` returns, in registration order (None left out)."""
    return [item for item in (fn() for fn in hooks.get_hooks(hook_name)) if item is not None]


def sections(hook_name: str, *args) -> list[dict]:
    """``{key, title, items, more_url, template}`` for each Section of this hook with items for ``args``."""
    rendered = []
    for section in sorted(collect(hook_name), key=attrgetter("order")):
        items = list(section.items(*args))
        if items:
            rendered.append(
                {
                    "key": section.key,
                    "title": section.title,
                    "items": items,
                    "more_url": section.more_url,
                    "template": section.template,
                }
            )
    return rendered


def page_panels(request, page) -> list[tuple[str, dict]]:
    """(template, context) of every PagePanel for this page's type that has something for this viewer."""
    label = page._meta.label
    found = []
    for panel in sorted(collect(PAGE_PANELS), key=attrgetter("order")):
        if panel.page_type == label:
            context = panel.context(request, page)
            if context is not None:
                found.append((panel.template, context))
    return found


@contextmanager
def replaced(hook_name: str, *fns: Callable):
    """Only ``fns`` answer ``hook_name`` inside the block; the apps' own functions come back afterwards."""
    hooks.search_for_hooks()
    saved = hooks._hooks.get(hook_name, [])
    hooks._hooks[hook_name] = [(fn, 0) for fn in fns]
    try:
        yield
    finally:
        hooks._hooks[hook_name] = saved
