"""What casussen tell members who follow them (community.notify.events): new reactions on a casus,
new casussen in a phase or a tag, and @mentions in casussen and reactions.

Signals, not views, publish the events, so posting, editing or moderating a text anywhere (the front-end,
the admin, another app) is covered the same way:

* a casus is created: its author follows it;
* a casus is first published: the followers of its phase and of its tags hear of it;
* a casus is published (again): members mentioned in it hear of it, once per casus;
* a reaction is saved: members mentioned in it hear of it, once per reaction; a new reaction reaches
  the casus's followers (those mentioned in it hear of the mention only).

Whoever may not read the casus never hears of it (``events.publish`` checks each recipient when the task
worker delivers the event, ``community.notify.tasks.announce``).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.signals import page_published

from community.core.hooks import NotificationTarget, TargetLink
from community.models import Notification
from community.notify import events
from community.notify.mentions import mentioned_ids
from community.notify.tasks import announce

from .models import CasusIndexPage, CasusPage, Reaction

Kind = Notification.Kind


def resolve_casuses(user, pairs) -> dict:
    """{(casus id, reaction id or 0): TargetLink} for the casussen ``user`` may read (and reactions neither
    hidden nor withdrawn): two queries at most."""
    index = CasusIndexPage.objects.first()
    if index is None:
        return {}
    ids = {casus_id for casus_id, _detail in pairs}
    casuses = {page.pk: page for page in index.casuses_for(user).filter(pk__in=ids).only("title", "url_path")}
    details = {detail for casus_id, detail in pairs if detail and casus_id in casuses}
    shown = (
        set(Reaction.objects.filter(pk__in=details, casus_id__in=casuses, hidden=False).values_list("pk", flat=True))
        if details
        else set()
    )
    found = {}
    for casus_id, detail in pairs:
        page = casuses.get(casus_id)
        if page is None or (detail and detail not in shown):
            continue
        url = page.url + (f"#reactie-{detail}" if detail else "")
        found[(casus_id, detail)] = TargetLink(title=page.title, url=url)
    return found


def resolve_tags(user, pairs) -> dict:
    """Tags of casussen, shown as the casus list filtered on the tag (members only)."""
    index = CasusIndexPage.objects.first()
    if index is None or not index.casuses_for(user).exists():
        return {}
    tags = Tag.objects.filter(pk__in={tag_id for tag_id, _detail in pairs})
    return {(tag.pk, 0): TargetLink(title=tag.name, url=f"{index.url}?tag={tag.slug}") for tag in tags}


def casus_target():
    return NotificationTarget(kind="casus", label=_("casus"), resolve=resolve_casuses)


def tag_target():
    return NotificationTarget(kind="tag", label=_("tag"), resolve=resolve_tags)


# --- Signals --------------------------------------------------------------------------------------


@receiver(post_save, sender=CasusPage, dispatch_uid="casuses_author_follows")
def author_follows(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.author_id:
        events.follow(instance.author, "casus", instance.pk)


@receiver(page_published, dispatch_uid="casuses_published_events")
def casus_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, CasusPage):
        return
    page = instance
    mentioned = mentioned_ids(page.title, page.situation, page.question, page.follow_up)
    if mentioned:
        announce(Kind.MENTION, "casus", page.pk, actor=page.author, recipients=mentioned)
    if page.first_published_at == page.last_published_at:
        follows = [("tag", tag_id) for tag_id in page.tagged_items.values_list("tag_id", flat=True)]
        if page.phase_id:
            follows.append(("phase", page.phase_id))
        announce(Kind.NEW_CASUS, "casus", page.pk, actor=page.author, follows=follows, exclude=mentioned)


@receiver(post_save, sender=Reaction, dispatch_uid="casuses_reaction_events")
def reaction_saved(sender, instance, created, raw=False, **kwargs):
    if raw or instance.hidden or instance.withdrawn_at:
        return
    reaction = instance
    mentioned = mentioned_ids(reaction.body)
    casus = ("casus", reaction.casus_id)
    if mentioned:
        announce(Kind.MENTION, *casus, detail_id=reaction.pk, actor=reaction.author, recipients=mentioned)
    if created:
        announce(
            Kind.REACTION, *casus, detail_id=reaction.pk, actor=reaction.author, follows=[casus], exclude=mentioned
        )
