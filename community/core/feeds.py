"""RSS that survives any text an editor pasted: control characters go before the XML is written."""

from django.utils.feedgenerator import Rss201rev2Feed

from community.core.sanitize import strip_control_characters


def _clean(value):
    if isinstance(value, (list, tuple)):
        return type(value)(_clean(item) for item in value)
    return strip_control_characters(value)


class CleanRssFeed(Rss201rev2Feed):
    def __init__(self, title, link, description, **kwargs):
        super().__init__(
            _clean(str(title)), link, _clean(str(description)), **{k: _clean(v) for k, v in kwargs.items()}
        )

    def add_item(self, title, link, description, **kwargs):
        super().add_item(
            _clean(str(title)), link, _clean(str(description)), **{k: _clean(v) for k, v in kwargs.items()}
        )
