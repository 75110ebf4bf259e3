from community.models import Notification
from community.notify.tasks import announce

from .models import LunchSessionPage
from .registration import fill_from_waitlist


def fill_places_after_publish(sender, instance, **kwargs):
    """An editor raised the capacity: the waiting list moves up at once."""
    if isinstance(instance, LunchSessionPage) and instance.live and not instance.has_started():
        fill_from_waitlist(instance)


def recap_published(sender, instance, **kwargs):
    """A recap is out (a session that ended, published with a recap): the followers of its series hear of
    it, each once, however often the page is published again."""
    if isinstance(instance, LunchSessionPage) and instance.series_id and instance.has_ended() and instance.recap:
        announce(Notification.Kind.RECAP, "session", instance.pk, follows=[("series", instance.series_id)])
