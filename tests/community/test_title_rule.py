"""Issue 13.8: one rule for the titles of what a visitor may not open (community.core.access.TITLE_TEASERS),
per content type x place x role.

Every title below carries the word "plumeauwerk" so one search finds them all. Places: the 403 teaser page,
the anonymous search hint ("Log in om ook N resultaten voor leden te zien" + titles that invite), the search
results, the sitemap, the RSS recap feed and the iCal agenda."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, get_page_models

from casuses.models import CasusPage, ensure_index
from community.core import access
from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory, restrict_to_members
from methodology.factories import GuidePageFactory, MethodologyIndexPageFactory, TrainingModulePageFactory, restrict

pytestmark = pytest.mark.django_db

TITLES = {
    "public_guide": "Openbare handleiding plumeauwerk",
    "guide": "Handleiding plumeauwerk voor leden",
    "association_guide": "Handleiding plumeauwerk voor de Vereniging",
    "training": "Module plumeauwerk in de praktijk",
    "lunchsession": "Lunchsessie over plumeauwerk",
    "past_lunchsession": "Terugblik plumeauwerk met de leden",
    "casus": "Vader weigert plumeauwerk bij de overdracht",
    "page": "Besloten pagina-titel plumeauwerk",
}
SHOWN_TO_OUTSIDERS = {"guide", "association_guide", "training", "lunchsession", "past_lunchsession"}
NEVER = {"casus", "page"}


@pytest.fixture
def content(home_page):
    from search import indexing

    methodiek = MethodologyIndexPageFactory(parent=home_page)
    pages = {
        "public_guide": GuidePageFactory(parent=methodiek, title=TITLES["public_guide"], slug="openbaar"),
        "guide": GuidePageFactory(parent=methodiek, title=TITLES["guide"], slug="leden-handleiding"),
        "association_guide": GuidePageFactory(parent=methodiek, title=TITLES["association_guide"], slug="vereniging"),
        "training": TrainingModulePageFactory(parent=methodiek, title=TITLES["training"], slug="module"),
    }
    restrict(pages["guide"], settings.MEMBERS_GROUP)
    restrict(pages["training"], settings.MEMBERS_GROUP)
    restrict(pages["association_guide"], settings.ASSOCIATION_GROUP)
    sessions = LunchSessionIndexPageFactory(parent=home_page)
    pages["lunchsession"] = LunchSessionPageFactory(parent=sessions, title=TITLES["lunchsession"], slug="komend")
    past = timezone.now() - datetime.timedelta(days=10)
    pages["past_lunchsession"] = LunchSessionPageFactory(
        parent=sessions, title=TITLES["past_lunchsession"], slug="voorbij", start=past, recap="<p>Samenvatting.</p>"
    )
    for key in ("lunchsession", "past_lunchsession"):
        restrict_to_members(pages[key])
    casus = CasusPage(
        title=TITLES["casus"], slug="casus", situation="De overdracht loopt uit op ruzie.", question="Hoe?", live=True
    )
    ensure_index(home_page).add_child(instance=casus)
    pages["casus"] = casus
    pages["page"] = home_page.add_child(instance=Page(title=TITLES["page"], slug="besloten"))
    restrict(pages["page"], settings.MEMBERS_GROUP)
    indexing.rebuild()
    return pages


def test_every_page_type_has_its_title_rule_decided():
    undecided = [
        model._meta.label
        for model in get_page_models()
        if model is not Page and model._meta.label not in access.PAGE_KINDS
    ]
    assert undecided == []
    assert all(kind in access.TITLE_TEASERS for kind in access.PAGE_KINDS.values())
    assert not access.title_teaser_allowed("page") and not access.title_teaser_allowed("iets-nieuws")


@pytest.mark.parametrize(
    "kind,allowed",
    [
        ("guide", True),
        ("training", True),
        ("lunchsession", True),
        ("section", True),
        ("casus", False),
        ("reaction", False),
        ("document", False),
        ("member_profile", False),
        ("page", False),
    ],
)
def test_the_rule_per_content_type(kind, allowed, role_users):
    members_only = access.members_audience()
    assert access.may_show_title(_anonymous(), kind, members_only) is allowed
    assert access.may_show_title(role_users["lid"], kind, members_only)  # who may open it sees its title


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


# --- the 403 teaser page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "account", "lid"])
def test_teaser_page_shows_a_title_only_when_the_rule_allows(content, client_for, role):
    """lid may open the members' items; for it only the Vereniging guide is a teaser."""
    for key, page in content.items():
        response = client_for(role).get(page.url)
        if key == "public_guide":
            assert response.status_code == 200
            continue
        if response.status_code == 200:
            assert role == "lid" and key != "association_guide"
            continue
        html = response.content.decode()
        assert response.status_code == 403, (role, key)
        assert (TITLES[key] in html) is (key in SHOWN_TO_OUTSIDERS), (role, key)
        if key == "casus":
            assert "<h1>Casus</h1>" in html
        if key == "page":
            assert "<h1>Besloten pagina</h1>" in html


# --- search: results, and the anonymous hint -------------------------------------------------------------


def without_hint(html: str) -> str:
    if 'class="search-members-titles"' not in html:
        return html
    before, after = html.split('class="search-members-titles"', 1)
    return before + after.split("</ul>", 1)[1]


def shows(html: str, key: str, content) -> bool:
    """A hit links to the item (its title carries <mark>s)."""
    return f'href="{content[key].url}"' in html


@pytest.mark.parametrize("role", ["anonymous", "account", "lid", "vereniging"])
def test_search_results_show_only_what_the_role_may_open(content, client_for, role):
    results = without_hint(client_for(role).get("/zoeken/", {"q": "plumeauwerk"}).content.decode())
    opened = {
        "anonymous": {"public_guide"},
        "account": {"public_guide"},
        "lid": {"public_guide", "guide", "training", "lunchsession", "past_lunchsession", "casus"},
        "vereniging": {
            "public_guide",
            "guide",
            "association_guide",
            "training",
            "lunchsession",
            "past_lunchsession",
            "casus",
        },
    }[role]
    for key in TITLES.keys() - {"page"}:  # a plain page has no search adapter
        assert shows(results, key, content) is (key in opened), (role, key)


def test_anonymous_hint_counts_members_results_and_names_none_of_them(content, client, role_users):
    """Issue 12: the hint is a count only. Even an inviting title could tell that its restricted body holds the word."""
    from search import service
    from search.engines import SearchQuery

    html = client.get("/zoeken/", {"q": "plumeauwerk"}).content.decode()
    anonymous, member = (
        client.get("/api/search", {"q": "plumeauwerk"}).json(),
        service.search(role_users["lid"], SearchQuery(q="plumeauwerk")),
    )
    assert anonymous["members_more"] == member.total - anonymous["total"] > 3  # a count of members' results
    assert f"Log in om ook {anonymous['members_more']} resultaten voor leden te zien" in html
    for key in TITLES.keys() - {"public_guide"}:
        assert TITLES[key] not in html, key
    assert set(anonymous) & {"members_titles"} == set()
    assert all(TITLES[key] not in str(anonymous) for key in TITLES.keys() - {"public_guide"})


@pytest.mark.parametrize("role", ["account", "lid", "vereniging"])
def test_no_hint_for_signed_in_roles(content, client_for, role):
    html = client_for(role).get("/zoeken/", {"q": "plumeauwerk"}).content.decode()
    assert "resultaten voor leden te zien" not in html


# --- sitemap and feeds: only what anyone may open ---------------------------------------------------------


def test_sitemap_and_feeds_list_no_restricted_item_of_any_kind(content):
    client = Client()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert content["public_guide"].url in sitemap
    for key in TITLES.keys() - {"public_guide"}:
        assert content[key].url not in sitemap, key
    feeds = client.get("/lunchsessies/feed/").content.decode() + client.get("/lunchsessies/agenda.ics").content.decode()
    for key in TITLES:
        assert TITLES[key] not in feeds, key
