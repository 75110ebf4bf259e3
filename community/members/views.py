"""Members' side of the network: the member directory, profiles with visibility choices, editing one's profile."""

import functools

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from community.core import access, contributions
from community.core.cards import Card
from community.core.ratelimit import rate_limit
from community.models import MemberProfile, Region, Visibility

PAGE_SIZE = 24


def private_response(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def members_only(view):
    """Anonymous visitors log in first; signed-in non-members get a 403 with the way to membership."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.is_member(request.user):
            response = render(request, "community/members_only.html", status=403)
        else:
            response = view(request, *args, **kwargs)
        return private_response(response)

    return wrapped


def allowed_levels(viewer) -> list[str]:
    """The visibility levels whose fields this viewer may see on someone else's profile."""
    levels = [Visibility.MEMBERS]
    if access.is_association_member(viewer):
        levels.append(Visibility.ASSOCIATION)
    if viewer.is_superuser:
        levels.append(Visibility.PRIVATE)
    return levels


def may_see(profile, field: str, viewer) -> bool:
    if viewer.pk == profile.user_id:
        return True
    return getattr(profile, f"{field}_visibility") in allowed_levels(viewer)


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
    summary = " · ".join(part for part in (shown["organisation_label"], shown["region"] and shown["region"].name) if part)
    return Card(
        type_label=shown["profession"] or _("Lid"),
        title=shown["name"],
        url=profile.get_absolute_url(),
        summary=summary,
        tags=shown["expertise"] or [],
    )


class DirectoryFilterForm(forms.Form):
    label_suffix = ""
    q = forms.CharField(label=gettext_lazy("Naam"), required=False, max_length=100)
    beroep = forms.CharField(label=gettext_lazy("Beroep"), required=False, max_length=100)
    regio = forms.ModelChoiceField(
        label=gettext_lazy("Regio"), queryset=Region.objects.all(), to_field_name="slug", required=False,
        empty_label=gettext_lazy("Alle regio's"),
    )
    expertise = forms.CharField(label=gettext_lazy("Expertise"), required=False, max_length=100)


def directory_queryset(viewer):
    return (
        MemberProfile.objects.filter(
            in_directory=True, user__is_active=True, user__groups__name=settings.MEMBERS_GROUP
        )
        .select_related("user", "organisation", "region")
        .prefetch_related("tagged_items__tag")
        .order_by("user__first_name", "user__last_name", "pk")
    )


def filter_directory(queryset, data: dict, viewer):
    """Filters match only fields the viewer may see, so a search never reveals a hidden value."""
    levels = allowed_levels(viewer)
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


@members_only
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
                content_object__expertise_visibility__in=allowed_levels(request.user)
            ).values("tag")
        ).order_by("name").values_list("name", flat=True)[:200],
    }
    return render(request, "community/member_directory.html", context)


@members_only
def member_profile(request, user_id):
    profile = get_object_or_404(
        MemberProfile.objects.select_related("user", "organisation", "region").prefetch_related("tagged_items__tag"),
        user_id=user_id, user__is_active=True, user__groups__name=settings.MEMBERS_GROUP,
    )
    shown = visible_fields(profile, request.user)
    sections = contributions.for_member(profile.user, request.user) if may_see(profile, "contributions", request.user) else []
    context = {"shown": shown, "profile": profile, "contributions": sections, "is_self": request.user.pk == profile.user_id}
    return render(request, "community/member_profile.html", context)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = [
            "profession", "profession_visibility", "organisation", "organisation_name", "organisation_visibility",
            "region", "region_visibility", "expertise", "expertise_visibility", "bio", "bio_visibility",
            "contributions_visibility", "in_directory",
        ]
        labels = {
            "profession": gettext_lazy("Beroep"),
            "organisation": gettext_lazy("Lidorganisatie"),
            "organisation_name": gettext_lazy("Of: andere organisatie"),
            "region": gettext_lazy("Regio"),
            "expertise": gettext_lazy("Expertise"),
            "bio": gettext_lazy("Korte introductie"),
            "in_directory": gettext_lazy("Toon mij in de ledengids, zodat collega's mij kunnen vinden"),
        }
        help_texts = {
            "organisation_name": gettext_lazy("Als uw organisatie geen lid is van de Vereniging."),
            "bio": gettext_lazy("Waar werkt u aan, waarover kunnen collega's u bellen? Maximaal 1000 tekens."),
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5, "maxlength": 1000})}

    def clean_expertise(self):
        tags = self.cleaned_data["expertise"]
        if len(tags) > 15:
            raise forms.ValidationError(_("Kies hooguit 15 onderwerpen."))
        if any(len(tag) > 50 for tag in tags):
            raise forms.ValidationError(_("Een onderwerp is hooguit 50 tekens lang."))
        return tags


@members_only
@rate_limit("profile_edit", "30/h")
def edit_profile(request):
    profile, _created = MemberProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uw profiel is opgeslagen."))
        return redirect("member_profile", user_id=request.user.pk)
    return render(request, "community/profile_edit.html", {"form": form, "profile": profile})
