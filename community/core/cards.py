"""The card shape used by every list on the site: type label, title, summary, date, tags."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Card:
    type_label: str
    title: str
    url: str
    summary: str = ""
    date: datetime.date | datetime.datetime | None = None
    tags: list[str] = field(default_factory=list)
    audience_label: str = ""
