"""@mentions of members in members' texts (reactions, casussen).

A mention is a stable token, ``@[Voornaam Achternaam](12)``: the member's name as the directory shows
it and their account id. The type-ahead (static/js/mentions.js, over ``members.views.mention_lookup``)
inserts it; a name typed without the type-ahead stays plain text. On the page a token reads
"@Voornaam Achternaam". Only a token whose id and name belong to one active account is a mention: that
member is notified (once per text, however often it is edited) if they may read where it was written;
anyone else is not, and nothing on the page says whether they exist.

A colleague's name is no personal data of a client: the anonymity check reads the text with verified
tokens blanked out (``masked``), so a mention never blocks a casus or a reaction, and a made-up token
(a client's name with a wrong id) is still checked like any other name.
"""

import re

from django.contrib.auth import get_user_model
from django.utils.html import format_html, format_html_join

TOKEN = re.compile(r"@\[([^\[\]\n]{1,150})\]\((\d{1,10})\)")


def token_for(user) -> str:
    return f"@[{_name(user)}]({user.pk})"


def _name(user) -> str:
    return " ".join(user.get_full_name().split()) or user.get_username()


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def verified(text: str) -> list[tuple[re.Match, int]]:
    """The tokens in ``text`` whose id is an active account with that name: (match, user id); one query."""
    matches = list(TOKEN.finditer(text or ""))
    if not matches:
        return []
    ids = {int(match.group(2)) for match in matches}
    users = get_user_model().objects.filter(pk__in=ids, is_active=True).only("first_name", "last_name", "username")
    names = {user.pk: _normal(_name(user)) for user in users}
    return [(match, int(match.group(2))) for match in matches if names.get(int(match.group(2))) == _normal(match[1])]


def mentioned_ids(*texts: str) -> set[int]:
    return {user_id for text in texts for _match, user_id in verified(text)}


def masked(text: str) -> str:
    """``text`` with every verified token blanked (same length, so findings keep their places)."""
    for match, _user_id in reversed(verified(text)):
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text


def rendered(text: str) -> str:
    """Escaped text in which each token reads "@Naam" (marked up as a mention); no query."""
    text = text or ""
    parts, last = [], 0
    for match in TOKEN.finditer(text):
        parts.append(text[last : match.start()])
        parts.append(format_html('<span class="mention">@{}</span>', " ".join(match.group(1).split())))
        last = match.end()
    parts.append(text[last:])
    return format_html_join("", "{}", ((part,) for part in parts))


def plain(text: str) -> str:
    """The text as a reader sees it, for mails and search: tokens become "@Naam"."""
    return TOKEN.sub(lambda match: "@" + " ".join(match.group(1).split()), text or "")
