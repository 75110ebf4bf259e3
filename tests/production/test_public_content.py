"""One "public content changed" signal: pages, restrictions and every model shown on public pages send
it, and the page cache and the methodiek fragment cache both listen."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from community.core import page_cache
from community.core.public_content import public_content_changed
from community.demo.factories import OrganisationFactory
from community.models import ParentMeeting, Region
from lunchsessions.factories import SpeakerFactory
from methodology import fragments
from methodology.factories import PhaseFactory, TechniqueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    senders = []

    def listen(sender, **kwargs):
        senders.append(sender)

    public_content_changed.connect(listen, dispatch_uid="test-public-content")
    yield senders
    public_content_changed.disconnect(dispatch_uid="test-public-content")


def region() -> Region:
    return Region.objects.get_or_create(
        slug="testregio", defaults={"name": "Testregio", "province": "Utrecht", "latitude": 52.09, "longitude": 5.12}
    )[0]


def meeting(title: str) -> ParentMeeting:
    starts = timezone.now() + datetime.timedelta(days=7)
    return ParentMeeting.objects.create(
        title=title, region=region(), starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), venue="Buurthuis"
    )


@pytest.mark.parametrize(
    "edit",
    [
        lambda: OrganisationFactory().save(),
        lambda: PhaseFactory().save(),
        lambda: TechniqueFactory().save(),
        lambda: SpeakerFactory().save(),
        lambda: meeting("Ouderavond").delete(),
    ],
    ids=["organisation", "phase", "technique", "speaker", "parent-meeting"],
)
def test_every_public_model_sends_the_signal_and_both_caches_move_on(edit, received):
    cache.set(page_cache.GENERATION_KEY, 1, None)
    cache.set(fragments.VERSION_KEY, 1, None)
    edit()
    assert received
    assert cache.get(page_cache.GENERATION_KEY) != 1
    assert cache.get(fragments.VERSION_KEY) != 1


def test_pages_and_restrictions_send_the_signal(home_page, members_group, received):
    page = home_page.add_child(instance=Page(title="Nieuw", slug="nieuw"))
    page.save_revision().publish()
    assert received
    received.clear()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members_group)
    assert len(received) >= 2
    received.clear()
    page.unpublish()
    assert received


def test_edited_parent_meeting_shows_at_once_to_anonymous_visitors(home_page):
    item = meeting("Ouderavond in het voorjaar")
    first = Client().get("/")
    assert "Ouderavond in het voorjaar" in first.content.decode()
    assert Client().get("/")["X-Page-Cache"] == "hit"
    item.title = "Ouderavond in de zomer"
    item.save()
    after = Client().get("/").content.decode()
    assert "Ouderavond in de zomer" in after and "voorjaar" not in after
