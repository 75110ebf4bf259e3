"""One signal for "what anonymous visitors see has changed", and every cache listens to it.

Sent on publish, unpublish, move and deletion of a page, on every change of a view restriction, and
on saving or deleting any model shown on public pages (snippets, the network's organisations and
ouderbijeenkomsten, phases, techniques, speakers). Receivers: the Django page cache
(community.core.page_cache), the methodiek fragment cache (methodology.fragments), the per-audience
fragments and the restriction table (community.core.fragments) and the shared proxy
cache in front of the site (nginx; ``purge_proxy_cache`` below, through Wagtail's frontend_cache
HTTP backend when WAGTAILFRONTENDCACHE is configured).
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger("kennisplein.cache")

public_content_changed = Signal()
# What members did that members' shared pages show (reaction counts, places left): community.core.page_cache.
member_activity = Signal()

# Models whose rows appear on public pages. Pages are covered through Wagtail's own signals.
PUBLIC_MODELS = (
    "community.Region",
    "community.Offer",
    "community.Organisation",
    "community.ParentMeeting",
    "community.ParentMeetingPartner",
    "methodology.Phase",
    "methodology.Technique",
    "lunchsessions.Speaker",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
    "wagtailredirects.Redirect",
)


# Models whose rows change what members' lists show; updates that bypass save() call send_member_activity().
MEMBER_ACTIVITY_MODELS = ("casuses.Reaction", "lunchsessions.Registration")


def send_member_activity(sender=None, **kwargs) -> None:
    member_activity.send(sender=sender)


def send_changed(sender=None, **kwargs) -> None:
    public_content_changed.send(sender=sender)


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        send_changed(sender=type(instance))


def page_urls() -> list[str]:
    """Every page with a URL, not only the public ones: the page that just became restricted or was
    unpublished is the one whose old public copy must go."""
    return [url for url in (page.get_full_url() for page in Page.objects.filter(depth__gt=1).iterator()) if url]


def purge_proxy_cache(**kwargs) -> None:
    """Once the change is committed, purge every page from the proxy cache (one PURGE per URL; Debian's
    cache-purge module purges by key). Snippets show on many pages, so all of them go."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    transaction.on_commit(lambda: purge_urls_from_cache(page_urls()))


def connect() -> None:
    page_published.connect(send_changed, dispatch_uid="public-content-published")
    page_unpublished.connect(send_changed, dispatch_uid="public-content-unpublished")
    post_page_move.connect(send_changed, dispatch_uid="public-content-moved")
    post_delete.connect(_page_deleted, dispatch_uid="public-content-page-deleted")
    for label in MEMBER_ACTIVITY_MODELS:
        model = apps.get_model(label)
        post_save.connect(send_member_activity, sender=model, dispatch_uid=f"member-activity-saved-{label}")
        post_delete.connect(send_member_activity, sender=model, dispatch_uid=f"member-activity-deleted-{label}")
    for label in PUBLIC_MODELS:
        model = apps.get_model(label)
        post_save.connect(send_changed, sender=model, dispatch_uid=f"public-content-saved-{label}")
        post_delete.connect(send_changed, sender=model, dispatch_uid=f"public-content-deleted-{label}")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(send_changed, sender=through, dispatch_uid=f"public-content-m2m-{through._meta.label}")
    public_content_changed.connect(purge_proxy_cache, dispatch_uid="public-content-proxy-cache")
