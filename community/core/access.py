"""Every access decision of the site, in one place.

Content is either public, for signed-in accounts, for members (group ``Leden``) or for a named
group (e.g. ``Vereniging OKK Ouderschap Blijft``). Pages store this as Wagtail
``PageViewRestriction``s, documents as ``CollectionViewRestriction``s; anything else that is
listed, searched or mailed carries an *audience* token:

* ``"public"`` — everyone;
* ``"login"`` — any signed-in account;
* ``"group:<name>"`` — members of that group; ``"group:A|B"`` — members of A or B;
* ``"nobody"`` — never shown through lists (password-protected pages);
* ``"admins"`` — beheerders (superusers) only;
* several tokens joined by ``&`` — all of them must hold (nested restrictions).

Views, lists, feeds, sitemap, search, API and caches ask this module, never Wagtail directly.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import CharField, F, Q, Value
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, PageViewRestriction

from community.core.cache import now_and_on_commit
from community.core.content_version import FRAGMENT_SECONDS, content_version

PUBLIC = "public"
LOGIN = "login"
NOBODY = "nobody"
ADMINS = "admins"

MODERATORS_GROUP = "Moderators"  # handles casussen and reports (community.core.permissions sets it up)

_CACHE_ATTR = "_kennisplein_access_cache"


def group_audience(*group_names: str) -> str:
    return "group:" + "|".join(sorted(group_names))


def members_audience() -> str:
    return group_audience(settings.MEMBERS_GROUP)


def association_audience() -> str:
    return group_audience(settings.ASSOCIATION_GROUP)


def _user_group_names(user) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    cache = _request_cache(user)
    if "groups" not in cache:
        if _has_own_permissions(user):
            _load_groups_and_permissions(user)
        else:
            cache["groups"] = frozenset(user.groups.values_list("name", flat=True))
    return cache["groups"]


def _has_own_permissions(user) -> bool:
    """An account whose permissions ModelBackend reads from the tables (superusers have all)."""
    return user.is_authenticated and user.is_active and not user.is_superuser


def _user_access_key(user_id) -> str:
    return f"kennisplein:user-access:{user_id}:{content_version()}"


def forget_user_access(sender=None, instance=None, action="", reverse=False, pk_set=None, **kwargs) -> None:
    """A user's groups or own permissions changed (``m2m_changed`` on either side): read them again,
    now and once the change is committed. A group's permissions move the content version instead."""
    if action in ("post_add", "post_remove"):
        user_ids = set(pk_set or ()) if reverse else {instance.pk}
    elif action == "post_clear" and not reverse:
        user_ids = {instance.pk}
    elif action == "pre_clear" and reverse:  # a group emptied: its members, before they are gone
        user_ids = set(instance.user_set.values_list("pk", flat=True))
    else:
        return
    now_and_on_commit(lambda: cache.delete_many([_user_access_key(pk) for pk in user_ids]))


def connect() -> None:
    user_model = get_user_model()
    for through in (user_model.groups.through, user_model.user_permissions.through):
        m2m_changed.connect(
            forget_user_access, sender=through, dispatch_uid=f"kennisplein-user-access-{through._meta.label}"
        )


def _load_groups_and_permissions(user) -> None:
    """The user's group names and permissions (Django's per-request permission cache) in one query,
    kept in the shared cache: a change of the user's groups or own permissions forgets them
    (``forget_user_access``), a change of a group's permissions moves the content version."""
    key = _user_access_key(user.pk)
    rows = cache.get(key)
    if rows is None:
        rows = _read_groups_and_permissions(user)
        cache.set(key, rows, FRAGMENT_SECONDS)
    _request_cache(user)["groups"] = frozenset(group for _app, _code, group in rows if group is not None)
    # Same result as ModelBackend.get_all_permissions for an active, non-superuser account.
    user._perm_cache = {f"{app}.{code}" for app, code, _group in rows if code is not None}


def _read_groups_and_permissions(user) -> list[tuple]:
    """(app, permission code, group name) rows: the groups' permissions and the user's own, one query."""
    through_groups = Group.objects.filter(user=user).annotate(
        app=F("permissions__content_type__app_label"), code=F("permissions__codename"), group_name=F("name")
    )
    direct = Permission.objects.filter(user=user).annotate(
        app=F("content_type__app_label"), code=F("codename"), group_name=Value(None, output_field=CharField())
    )
    fields = ("app", "code", "group_name")
    return list(through_groups.order_by().values_list(*fields).union(direct.order_by().values_list(*fields), all=True))


def _request_cache(user) -> dict:
    # Stored on the user object, which lives exactly as long as the request.
    if not hasattr(user, _CACHE_ATTR):
        setattr(user, _CACHE_ATTR, {})
    return getattr(user, _CACHE_ATTR)


def forget(user) -> None:
    """Drop cached decisions, e.g. after the user's groups changed within one request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def is_member(user) -> bool:
    return user.is_authenticated and (user.is_superuser or settings.MEMBERS_GROUP in _user_group_names(user))


def is_association_member(user) -> bool:
    return user.is_authenticated and (user.is_superuser or settings.ASSOCIATION_GROUP in _user_group_names(user))


def is_moderator(user) -> bool:
    """Moderators (and superusers)."""
    return user.is_authenticated and may_see_audience(user, group_audience(MODERATORS_GROUP))


def profile_field_audience(visibility: str) -> str:
    """The audience of a member-profile field, from the visibility the member chose (models.Visibility)."""
    return {"members": members_audience(), "association": association_audience(), "private": ADMINS}[visibility]


def visible_profile_levels(user) -> list[str]:
    """The visibility choices whose fields ``user`` may see on someone else's profile."""
    return [
        level
        for level in ("members", "association", "private")
        if may_see_audience(user, profile_field_audience(level))
    ]


def may_see_audience(user, audience: str) -> bool:
    return all(_may_see_single(user, token) for token in audience.split("&"))


def _may_see_single(user, token: str) -> bool:
    if token == PUBLIC:
        return True
    if token == NOBODY:
        return False
    if not user.is_authenticated:
        return False
    if token == LOGIN or user.is_superuser:
        return True
    if token.startswith("group:"):
        wanted = set(token.removeprefix("group:").split("|"))
        return bool(wanted & _user_group_names(user))
    return False


def audience_of_restriction(restriction: BaseViewRestriction) -> str:
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return LOGIN
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        names = [group.name for group in restriction.groups.all()]
        return group_audience(*names) if names else NOBODY
    return NOBODY


def combine(audiences) -> str:
    tokens = sorted({token for audience in audiences for token in audience.split("&") if token != PUBLIC})
    return "&".join(tokens) or PUBLIC


def _restriction_audiences() -> list[tuple[str, str]]:
    """(page path, audience) for every page view restriction: a small table, read in one query."""
    rows = PageViewRestriction.objects.values_list("pk", "page__path", "restriction_type", "groups__name")
    return _audiences_from_rows(rows)


def _audiences_from_rows(rows) -> list[tuple[str, str]]:
    """Rows of (restriction pk, path, type, group name or None), one per group, to (path, audience)."""
    restrictions: dict = {}
    for pk, path, restriction_type, group_name in rows:
        _path, _type, names = restrictions.setdefault(pk, (path, restriction_type, []))
        if group_name is not None:
            names.append(group_name)
    return [(path, _audience_of(restriction_type, names)) for path, restriction_type, names in restrictions.values()]


def _audience_of(restriction_type: str, group_names: list[str]) -> str:
    if restriction_type == BaseViewRestriction.LOGIN:
        return LOGIN
    if restriction_type == BaseViewRestriction.GROUPS and group_names:
        return group_audience(*group_names)
    return NOBODY


def _request_restrictions(user) -> list[tuple[str, str]]:
    cache = _request_cache(user)
    if "restrictions" not in cache:
        cache["restrictions"] = _shared_restriction_audiences()
    return cache["restrictions"]


def _shared_restriction_audiences() -> list[tuple[str, str]]:
    """The restriction table from the shared cache, under the content version that every change of
    a restriction, a page's place or a group moves (community.core.fragments): read from the database
    once per change, not once per request."""
    return _shared_rows("restrictions", _restriction_audiences)


def _shared_rows(name: str, read):
    key = f"kennisplein:{name}:{content_version()}"
    rows = cache.get(key)
    if rows is None:
        rows = read()
        cache.set(key, rows, FRAGMENT_SECONDS)
    return rows


def _audience_at(path: str, restrictions) -> str:
    """Combine the restrictions on a page path and its ancestors."""
    return combine(audience for restricted_path, audience in restrictions if path.startswith(restricted_path))


def page_audience(page, user=None) -> str:
    """The audience of a page, combining the restrictions on it and its ancestors.

    With ``user`` (a request's user) the restriction table is read once for that whole request.
    """
    restrictions = _request_restrictions(user) if user is not None else _restriction_audiences()
    return _audience_at(page.path, restrictions)


def page_audiences(pages, user=None) -> dict:
    """{page pk: audience} for many pages at once (one query, none when ``user``'s request read the
    restriction table already), e.g. for audience labels on cards."""
    restrictions = _request_restrictions(user) if user is not None else _restriction_audiences()
    return {page.pk: _audience_at(page.path, restrictions) for page in pages}


def can_view_page(user, page) -> bool:
    return may_see_audience(user, page_audience(page)) if page.live else _may_edit(user, page)


def _may_edit(user, page) -> bool:
    return user.is_authenticated and page.permissions_for_user(user).can_edit()


def hidden_paths(user) -> list[str]:
    """Paths of the restricted pages (with everything under them) that this user may not see."""
    cache = _request_cache(user)
    if "hidden_paths" not in cache:
        cache["hidden_paths"] = [
            path for path, audience in _request_restrictions(user) if not may_see_audience(user, audience)
        ]
    return cache["hidden_paths"]


def visible_pages(user, queryset):
    """Restrict a page queryset to live pages this user may see: one query for the restrictions."""
    hidden = Q()
    for path in hidden_paths(user):
        hidden |= Q(path__startswith=path)
    queryset = queryset.live()
    return queryset.exclude(hidden) if hidden else queryset


def visible_audiences(user, audiences) -> list[str]:
    """From a set of audience tokens (e.g. the distinct values in an index), the ones this user may see."""
    return [audience for audience in audiences if may_see_audience(user, audience)]


def collection_audience(collection) -> str:
    restrictions = CollectionViewRestriction.objects.filter(
        collection__path__in=[
            collection.path[:i] for i in range(collection.steplen, len(collection.path) + 1, collection.steplen)
        ]
    ).prefetch_related("groups")
    return combine(audience_of_restriction(r) for r in restrictions)


def has_admin_access(user) -> bool:
    if not user.is_authenticated:
        return False
    load_permissions(user)
    return user.has_perm("wagtailadmin.access_admin")


def load_permissions(user) -> None:
    """Fill Django's per-request permission cache in one query instead of ModelBackend's two, the
    same query that reads the user's groups (``_load_groups_and_permissions``).

    Every page asks ``perms.wagtailadmin.access_admin`` (header, Wagtail's user bar).
    """
    if not _has_own_permissions(user) or hasattr(user, "_perm_cache"):
        return
    _load_groups_and_permissions(user)


def shared_page_audience(user) -> str:
    """Who a signed-in user is for a page shared by an audience (community.core.page_cache): their
    groups and permissions as a short key. Two accounts with the same ones see the same page, but for
    its personal parts (community.core.holes)."""
    load_permissions(user)
    who = [str(user.is_superuser), *sorted(_user_group_names(user)), "", *sorted(getattr(user, "_perm_cache", ()))]
    return hashlib.sha256("\n".join(who).encode()).hexdigest()[:16]


# Documents: a collection's restrictions hold for the collections under it.


def _hidden_collection_ids(user) -> frozenset[int]:
    cache = _request_cache(user)
    if "hidden_collections" not in cache:
        # Collections are a small table: all of them with their restrictions in one query, shared
        # through the cache under the content version (moved by every collection or restriction change).
        rows = _shared_rows(
            "collections",
            lambda: list(
                Collection.objects.values_list(
                    "pk",
                    "path",
                    "view_restrictions__pk",
                    "view_restrictions__restriction_type",
                    "view_restrictions__groups__name",
                )
            ),
        )
        restricted = _audiences_from_rows((r_pk, path, kind, group) for _pk, path, r_pk, kind, group in rows if r_pk)
        hidden = tuple(path for path, audience in restricted if not may_see_audience(user, audience))
        cache["hidden_collections"] = frozenset(pk for pk, path, *_rest in rows if hidden and path.startswith(hidden))
    return cache["hidden_collections"]


def visible_documents(user, queryset):
    """Restrict a document queryset to those this user may open: constant queries."""
    hidden = _hidden_collection_ids(user)
    return queryset.exclude(collection_id__in=hidden) if hidden else queryset


def can_view_document(user, document) -> bool:
    """Whether ``user`` may open a document; the collections are read once per request (many links, one query)."""
    return document.collection_id not in _hidden_collection_ids(user)


def audience_label(audience: str) -> str:
    """A short Dutch label for an audience token, for badges on cards ("" when public)."""
    if audience == PUBLIC:
        return ""
    if settings.ASSOCIATION_GROUP in audience:
        return gettext("Vereniging")
    if settings.MEMBERS_GROUP in audience:
        return gettext("Leden")
    if audience == LOGIN:
        return gettext("Ingelogd")
    return gettext("Besloten")


# Titles of what a visitor may not open: one rule per content type.
#
# May the title of an item be shown, as a teaser with a way in, to someone who may not open it? Only
# where the title is an invitation written by the site's editors; never where it is a member's
# content. Places that show a title of something the viewer may not open ask ``may_show_title``:
# the 403 teaser page and the "Log in om ook N resultaten voor leden te zien" hint of search (which
# names the titles this allows and otherwise only counts). Search results, the sitemap and the RSS and
# iCal feeds show only what the viewer may open: a hit's snippet, a sitemap entry (a 403 is not
# indexable) and a feed entry (copied into readers and calendars, without a way in) are no teasers.
TITLE_TEASERS = {
    # kind: may its title be shown to someone who may not open it?  (why)
    "guide": True,  # methodiek guides: the title says what members of the Vereniging get; it invites
    "training": True,  # training modules: the title is the offer, like a course catalogue
    "phase": True,  # phases and techniques of the methodiek: names from the public process description
    "technique": True,
    "lunchsession": True,  # announced by editors, with a teaser "ook zichtbaar voor bezoekers"
    "section": True,  # index pages and the home page: a section's name is navigation, not content
    "casus": False,  # a member's case question: its title is part of the case and may describe a family
    "reaction": False,  # members' replies to a casus: member content
    "document": False,  # file names are written by whoever uploaded them, a werkmateriaal's can name a case
    "member_profile": False,  # personal data: names and professions only for members
    "parent_meeting": False,  # public by design; if ever restricted, its title may name a place and a date
    "organisation": False,  # public by design; nothing restricted to invite to
}

# Page classes by their model label, to their kind above. A page class not named here is "page".
PAGE_KINDS = {
    "methodology.GuidePage": "guide",
    "methodology.TrainingModulePage": "training",
    "methodology.MethodologyIndexPage": "section",
    "casuses.CasusPage": "casus",
    "casuses.CasusIndexPage": "section",
    "lunchsessions.LunchSessionPage": "lunchsession",
    "lunchsessions.LunchSessionIndexPage": "section",
    "community.HomePage": "section",
}


def title_teaser_allowed(kind: str) -> bool:
    """Whether the title of an item of this kind may be shown to someone who may not open it.

    Anything not in TITLE_TEASERS ("page", a new content type) may not: a new kind has to be decided here.
    """
    return TITLE_TEASERS.get(kind, False)


def page_kind(page) -> str:
    return PAGE_KINDS.get(page.specific_class._meta.label, "page") if page.specific_class else "page"


def may_show_title(user, kind: str, audience: str) -> bool:
    """The one rule for titles: the user may open the item, or its kind's title is an invitation."""
    return may_see_audience(user, audience) or title_teaser_allowed(kind)


def audience_members(queryset, audience: str, prefix: str = ""):
    """Restrict a queryset of users (or of rows with a user, ``prefix="user__"``) to those who may see
    ``audience``: for lists of people, such as whom a writer may mention where a page's readers are."""
    for token in audience.split("&"):
        if token in (PUBLIC, LOGIN):
            continue
        if token.startswith("group:"):
            names = token.removeprefix("group:").split("|")
            queryset = queryset.filter(Q(**{f"{prefix}is_superuser": True}) | Q(**{f"{prefix}groups__name__in": names}))
        elif token == ADMINS:
            queryset = queryset.filter(**{f"{prefix}is_superuser": True})
        else:
            return queryset.none()
    return queryset.distinct()
