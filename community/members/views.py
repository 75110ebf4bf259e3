"""Members' side of the network: the member directory, profiles with visibility choices, editing one's profile."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page

from community.core import access
from community.core.cards import Card
from community.core.hooks import MEMBER_CONTRIBUTIONS, sections
from community.core.privacy import members_only
from community.core.ratelimit import rate_limit
from community.members.forms import DirectoryFilterForm, ProfileForm
from community.models import MemberProfile
from community.notify.mentions import token_for

PAGE_SIZE = 24
MENTION_RESULTS = 8


def may_see(profile, field: str, viewer) -> bool:
    """The member always; others as the member chose (community.core.access.profile_field_audience)."""
    if viewer.pk == profile.user_id:
        return True
    return access.may_see_audience(viewer, access.profile_field_audience(getattr(profile, f"{field}_visibility")))


def visible_fields(profile, viewer) -> dict:
    """What ``viewer`` may see of ``profile``: the name always, other fields as the member chose."""
    tags = [tagged.tag.name for tagged in profile.tagged_items.all()]
    values = {
        "profession": profile.profession,
        "organisation": profile.organisation if profile.organisation_id else None,
        "organisation_label": profile.organisation_label,
        "region": profile.region,
        "expertise": tags,
        "bio": profile.bio,
    }
    shown = {"name": profile.display_name, "profile": profile}
    for field in ("profession", "region", "expertise", "bio"):
        shown[field] = values[field] if may_see(profile, field, viewer) else None
    if may_see(profile, "organisation", viewer):
        shown["organisation"], shown["organisation_label"] = values["organisation"], values["organisation_label"]
    else:
        shown["organisation"], shown["organisation_label"] = None, ""
    return shown


def member_card(profile, viewer) -> Card:
    shown = visible_fields(profile, viewer)
    summary = " · ".join(
        part for part in (shown["organisation_label"], shown["region"] and shown["region"].name) if part
    )
    return Card(
        type_label=shown["profession"] or _("Lid"),
        title=shown["name"],
        url=profile.get_absolute_url(),
        summary=summary,
        tags=shown["expertise"] or [],
    )


def directory_queryset(viewer):
    return (
        MemberProfile.objects.filter(in_directory=True, user__is_active=True, user__groups__name=settings.MEMBERS_GROUP)
        .select_related("user", "organisation", "region")
        .prefetch_related("tagged_items__tag")
        .order_by("user__first_name", "user__last_name", "pk")
    )


def filter_directory(queryset, data: dict, viewer):
    """Filters match only fields the viewer may see, so a search never reveals a hidden value."""
    levels = access.visible_profile_levels(viewer)
    mine = Q(user=viewer)
    if data.get("q"):
        for word in data["q"].split()[:5]:
            queryset = queryset.filter(Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word))
    if data.get("beroep"):
        queryset = queryset.filter(
            Q(profession__icontains=data["beroep"].strip()) & (Q(profession_visibility__in=levels) | mine)
        )
    if data.get("regio"):
        queryset = queryset.filter(Q(region=data["regio"]) & (Q(region_visibility__in=levels) | mine))
    if data.get("expertise"):
        queryset = queryset.filter(
            Q(tagged_items__tag__name__iexact=data["expertise"].strip()) & (Q(expertise_visibility__in=levels) | mine)
        )
    return queryset.distinct()


@members_only(forbidden_template="community/members_only.html")
def member_directory(request):
    form = DirectoryFilterForm(request.GET or None)
    profiles = directory_queryset(request.user)
    if form.is_bound and form.is_valid():
        profiles = filter_directory(profiles, form.cleaned_data, request.user)
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "page": page,
        "cards": [member_card(profile, request.user) for profile in page.object_list],
        "query": query.urlencode(),
        "expertise_options": Tag.objects.filter(
            pk__in=MemberProfile.expertise.through.objects.filter(
                content_object__expertise_visibility__in=access.visible_profile_levels(request.user)
            ).values("tag")
        )
        .order_by("name")
        .values_list("name", flat=True)[:200],
    }
    return render(request, "community/member_directory.html", context)


@members_only(forbidden_template="community/members_only.html")
def member_profile(request, user_id):
    profile = get_object_or_404(
        MemberProfile.objects.select_related("user", "organisation", "region").prefetch_related("tagged_items__tag"),
        user_id=user_id,
        user__is_active=True,
        user__groups__name=settings.MEMBERS_GROUP,
    )
    shown = visible_fields(profile, request.user)
    contributions = (
        sections(MEMBER_CONTRIBUTIONS, profile.user, request.user)
        if may_see(profile, "contributions", request.user)
        else []
    )
    context = {
        "shown": shown,
        "profile": profile,
        "contributions": contributions,
        "is_self": request.user.pk == profile.user_id,
    }
    return render(request, "community/member_profile.html", context)


@members_only(forbidden_template="community/members_only.html")
@rate_limit("profile_edit", "30/h")
def edit_profile(request):
    profile, _created = MemberProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uw profiel is opgeslagen."))
        return redirect("member_profile", user_id=request.user.pk)
    return render(request, "community/profile_edit.html", {"form": form, "profile": profile})


@members_only
@rate_limit("mention_lookup", "120/m", methods=("GET",))
def mention_lookup(request):
    """Type-ahead for @mentions (static/js/mentions.js): members in the directory whose name starts with
    the words typed and who may read the page written on (``pagina``: a casus, or the casus overview
    for a new one); at most a few, never the writer. The writer must be able to read the page too."""
    words = request.GET.get("q", "").split()[:4]
    pk = request.GET.get("pagina", "")
    page = Page.objects.filter(pk=pk).first() if pk.isdigit() and len(pk) < 12 else None
    if page is None or not access.can_view_page(request.user, page):
        raise Http404
    if not words or len(" ".join(words)) < 2:
        return JsonResponse({"results": []})
    profiles = directory_queryset(request.user).exclude(user=request.user)
    for word in words:
        profiles = profiles.filter(
            Q(user__first_name__istartswith=word)
            | Q(user__last_name__istartswith=word)
            | Q(user__last_name__icontains=" " + word)
        )
    profiles = access.audience_members(profiles, access.page_audience(page, request.user), prefix="user__")
    results = []
    for profile in profiles[:MENTION_RESULTS]:
        shown = visible_fields(profile, request.user)
        results.append(
            {
                "id": profile.user_id,
                "name": shown["name"],
                "detail": shown["profession"] or "",
                "token": token_for(profile.user),
            }
        )
    return JsonResponse({"results": results})
