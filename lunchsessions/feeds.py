from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.core import access
from community.core.feeds import CleanRssFeed

FEED_SIZE = 20


class RecapFeed(Feed):
    """Published recaps of public sessions under the given index (a route of it, ``feed/``).
    Built as an anonymous visitor: never a restricted session."""

    feed_type = CleanRssFeed
    title = _("Terugblikken op de lunchsessies van Kennisplein Scheiding")
    description = _("Samenvattingen, kernpunten, opnames en dia's van de online lunchsessies.")

    def __init__(self, index):
        super().__init__()
        self.index = index

    def link(self):
        return self.index.url

    def items(self):
        sessions = access.visible_pages(
            AnonymousUser(), self.index.sessions().filter(end__lte=timezone.now())
        ).order_by("-start")
        recaps = []
        for session in sessions[: FEED_SIZE * 3]:
            if session.recap or session.transcript or session.recording_embed_url:
                recaps.append(session)
            if len(recaps) == FEED_SIZE:
                break
        return recaps

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.recap_text()[:1000] or item.summary_text()

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return f"lunchsession-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.end

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
