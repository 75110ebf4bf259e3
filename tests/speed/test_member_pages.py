"""Members' pages in few queries, the same number whatever the amount of content (issue 16 point 3).

The demo content is the small site; the larger one adds casussen, lunch sessions and guides (some
restricted). Counts are taken after one warm-up request (per-process caches: content types, site).
"""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from casuses.models import CasusIndexPage, CasusPage
from community.core import page_cache
from lunchsessions.factories import LunchSessionPageFactory, restrict_to_members
from lunchsessions.models import LunchSessionIndexPage
from methodology.factories import GuidePageFactory, heading, paragraph, restrict
from methodology.models import GuidePage, MethodologyIndexPage

pytestmark = pytest.mark.django_db

# Issue 16: each <= 12 when rendered (measured on the demo: guide 8, search 8, casus detail 10, casus
# list 8, home 9, lunch index 10; see benchmarks/README.md).
CEILINGS = {
    "guide": 12,
    "search": 12,
    "casus_detail": 12,
    "casus_list": 12,
    "home": 12,
    "lunch_index": 12,
}


# A page served from the shared copy of the member's audience: the user's row (groups, permissions and
# the holes' data come from the shared cache).
SHARED_COPY_CEILING = 1
SHARED = {"guide", "casus_list", "home", "lunch_index"}  # the demo member reacted on the casus: not shared


def _paths():
    return {
        "guide": GuidePage.objects.live().order_by("pk").first().url,
        "search": "/zoeken/?q=overdracht",
        "casus_detail": CasusPage.objects.live().order_by("pk").first().url,
        "casus_list": "/casussen/",
        "home": "/",
        "lunch_index": "/lunchsessies/",
    }


def _counts(client, django_assert_max_num_queries):
    """Queries of each page rendered (after a warm-up, with the members' shared copies gone) and of
    the same page served from its audience's shared copy."""
    counts = {}
    for name, path in _paths().items():
        client.get(path)
        page_cache.members_content_changed()
        with django_assert_max_num_queries(CEILINGS[name]) as rendered:
            response = client.get(path)
        assert response.status_code == 200, name
        with django_assert_max_num_queries(SHARED_COPY_CEILING if name in SHARED else CEILINGS[name]) as shared:
            again = client.get(path)
        assert again.status_code == 200, name
        assert again.get("X-Page-Cache") == ("hit" if name in SHARED else None), name
        counts[name] = (len(rendered), len(shared))
    return counts


def _add_content(n=8):
    casus_index = CasusIndexPage.objects.get()
    guides = MethodologyIndexPage.objects.get()
    sessions = LunchSessionIndexPage.objects.get()
    for i in range(n):
        casus = CasusPage(
            title=f"Extra casus {i}",
            slug=f"extra-casus-{i}",
            situation="De overdracht loopt uit op ruzie.",
            question="Hoe pakken jullie dit aan?",
            age_band="4-8",
        )
        casus_index.add_child(instance=casus)
        casus.tags.set(["contactverlies", f"extra-{i}"])
        casus.save_revision().publish(skip_permission_checks=True)
        guide = GuidePageFactory(
            parent=guides, body=[heading(f"Hoofdstuk {i}"), paragraph("<p>Over de overdracht.</p>")]
        )
        if i % 2:
            restrict(guide, settings.MEMBERS_GROUP)
        session = LunchSessionPageFactory(parent=sessions, start=timezone.now() + datetime.timedelta(days=i + 1))
        session.tags.add(f"sessie-{i}")
        if i % 2:
            restrict_to_members(session)


def test_member_pages_stay_under_their_ceilings_with_more_content(monkeypatch, django_assert_max_num_queries):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-wachtwoord-123")
    call_command("load_demo")
    client = Client()
    client.force_login(
        get_user_model().objects.get(username="lid"), backend="django.contrib.auth.backends.ModelBackend"
    )
    small = _counts(client, django_assert_max_num_queries)
    _add_content()
    large = _counts(client, django_assert_max_num_queries)
    assert large == small
