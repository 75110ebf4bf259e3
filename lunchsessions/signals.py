from .models import LunchSessionPage
from .registration import fill_from_waitlist


def fill_places_after_publish(sender, instance, **kwargs):
    """An editor raised the capacity: the waiting list moves up at once."""
    if isinstance(instance, LunchSessionPage) and instance.live and not instance.has_started():
        fill_from_waitlist(instance)
