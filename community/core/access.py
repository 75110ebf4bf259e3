"""Every access decision of the site, in one place.

Content is either public, for signed-in accounts, for members (group ``Leden``) or for a named
group (e.g. ``Vereniging OKK Ouderschap Blijft``). Pages store this as Wagtail
``PageViewRestriction``s, documents as ``CollectionViewRestriction``s; anything else that is
listed, searched or mailed carries an *audience* token:

* ``"public"`` — everyone;
* ``"login"`` — any signed-in account;
* ``"group:<name>"`` — members of that group; ``"group:A|B"`` — members of A or B;
* ``"nobody"`` — never shown through lists (password-protected pages);
* several tokens joined by ``&`` — all of them must hold (nested restrictions).

Views, lists, feeds, sitemap, search, API and caches ask this module, never Wagtail directly.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, PageViewRestriction

PUBLIC = "public"
LOGIN = "login"
NOBODY = "nobody"

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
        cache["groups"] = frozenset(user.groups.values_list("name", flat=True))
    return cache["groups"]


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
        cache["restrictions"] = _restriction_audiences()
    return cache["restrictions"]


def _audience_at(path: str, restrictions) -> str:
    """Combine the restrictions on a page path and its ancestors."""
    return combine(audience for restricted_path, audience in restrictions if path.startswith(restricted_path))


def page_audience(page) -> str:
    """The audience of a page, combining the restrictions on it and its ancestors."""
    return _audience_at(page.path, _restriction_audiences())


def page_audiences(pages, user=None) -> dict:
    """{page pk: audience} for many pages at once (one query, none when ``user``'s request read the
    restriction table already), e.g. for audience labels on cards."""
    restrictions = _request_restrictions(user) if user is not None else _restriction_audiences()
    return {page.pk: _audience_at(page.path, restrictions) for page in pages}


def can_view_page(user, page) -> bool:
    return may_see_audience(user, page_audience(page)) if page.live else _may_edit(user, page)


def _may_edit(user, page) -> bool:
    return user.is_authenticated and page.permissions_for_user(user).can_edit()


def _hidden_paths(user) -> list[str]:
    cache = _request_cache(user)
    if "hidden_paths" not in cache:
        cache["hidden_paths"] = [
            path for path, audience in _request_restrictions(user) if not may_see_audience(user, audience)
        ]
    return cache["hidden_paths"]


def visible_pages(user, queryset):
    """Restrict a page queryset to live pages this user may see: one query for the restrictions."""
    hidden = Q()
    for path in _hidden_paths(user):
        hidden |= Q(path__startswith=path)
    queryset = queryset.live()
    return queryset.exclude(hidden) if hidden else queryset


def visible_audiences(user, audiences) -> list[str]:
    """From a set of audience tokens (e.g. the distinct values in an index), the ones this user may see."""
    return [audience for audience in audiences if may_see_audience(user, audience)]


def collection_audience(collection) -> str:
    restrictions = CollectionViewRestriction.objects.filter(
        collection__path__in=[collection.path[:i] for i in range(collection.steplen, len(collection.path) + 1, collection.steplen)]
    ).prefetch_related("groups")
    return combine(audience_of_restriction(r) for r in restrictions)


def can_view_document(user, document) -> bool:
    return may_see_audience(user, collection_audience(document.collection))


def has_admin_access(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def load_permissions(user) -> None:
    """Fill Django's per-request permission cache in one query instead of ModelBackend's two.

    Every page asks ``perms.wagtailadmin.access_admin`` (header, Wagtail's user bar). Same result
    as ModelBackend.get_all_permissions for an active, non-superuser account.
    """
    if not user.is_authenticated or not user.is_active or user.is_superuser or hasattr(user, "_perm_cache"):
        return
    from django.contrib.auth.models import Permission

    rows = (
        Permission.objects.filter(Q(user=user) | Q(group__user=user))
        .values_list("content_type__app_label", "codename")
        .distinct()
    )
    user._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}


# Documents: a collection's restrictions hold for the collections under it.


def _hidden_collection_ids(user) -> frozenset[int]:
    cache = _request_cache(user)
    if "hidden_collections" not in cache:
        from wagtail.models import Collection

        # Collections are a small table: all of them with their restrictions in one query.
        rows = list(
            Collection.objects.values_list(
                "pk", "path", "view_restrictions__pk", "view_restrictions__restriction_type", "view_restrictions__groups__name"
            )
        )
        restricted = _audiences_from_rows((r_pk, path, kind, group) for _pk, path, r_pk, kind, group in rows if r_pk)
        hidden = tuple(path for path, audience in restricted if not may_see_audience(user, audience))
        cache["hidden_collections"] = frozenset(pk for pk, path, *_rest in rows if hidden and path.startswith(hidden))
    return cache["hidden_collections"]


def visible_documents(user, queryset):
    """Restrict a document queryset to those this user may open: constant queries."""
    hidden = _hidden_collection_ids(user)
    return queryset.exclude(collection_id__in=hidden) if hidden else queryset


def may_open_document(user, document) -> bool:
    """Like can_view_document, cached per request: for rendering many download links on one page."""
    return document.collection_id not in _hidden_collection_ids(user)


def cached_page_audience(user, page) -> str:
    """page_audience, with the restriction table read once per request (for lists of many pages)."""
    return _audience_at(page.path, _request_restrictions(user))


def request_page_audience(request, page) -> str:
    """The page's audience, with the restriction table read at most once for the whole request."""
    return cached_page_audience(request.user, page)


def audience_label(audience: str) -> str:
    """A short Dutch label for an audience token, for badges on cards ("" when public)."""
    from django.utils.translation import gettext

    if audience == PUBLIC:
        return ""
    if settings.ASSOCIATION_GROUP in audience:
        return gettext("Vereniging")
    if settings.MEMBERS_GROUP in audience:
        return gettext("Leden")
    if audience == LOGIN:
        return gettext("Ingelogd")
    return gettext("Besloten")
