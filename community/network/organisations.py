"""Public side of the network: the organisation directory, regions with a map, and ouderbijeenkomsten."""

import datetime

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from community.core import page_cache
from community.core.calendar import CalendarEvent, build_calendar, calendar_response, make_uid
from community.core.cards import Card
from community.core.hooks import ORGANISATION_CONTRIBUTIONS, sections
from community.models import Organisation, ParentMeeting, ParentMeetingPartner, Region
from community.network import maps
from community.network.forms import MeetingFilterForm, OrganisationFilterForm

# Anonymous views of the network pages are cached for everyone; an edit of the data purges them
# (community.core.page_cache.connect), the lifetime keeps "komende bijeenkomsten" current as time passes.
NETWORK_CACHE_SECONDS = 120


def filter_organisations(queryset, data: dict):
    if data.get("regio"):
        queryset = queryset.filter(regions=data["regio"])
    if data.get("aanbod"):
        queryset = queryset.filter(offers=data["aanbod"])
    if data.get("gecertificeerd"):
        queryset = queryset.filter(certified_since__isnull=False)
    return queryset


def certified_label(organisation) -> str:
    if organisation.certified_since:
        return _("Gecertificeerd lid sinds %(date)s") % {"date": date_format(organisation.certified_since, "F Y")}
    return _("Nog niet gecertificeerd")


def organisation_card(organisation) -> Card:
    place = organisation.place or _("Landelijk")
    return Card(
        type_label=_("Organisatie"),
        title=organisation.name,
        url=organisation.get_absolute_url(),
        summary=f"{place} · {certified_label(organisation)}",
        tags=[offer.name for offer in organisation.offers.all()],
    )


@page_cache.cache_public_view(seconds=NETWORK_CACHE_SECONDS)
def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    organisations = Organisation.objects.prefetch_related("offers")
    if form.is_bound and form.is_valid():
        organisations = filter_organisations(organisations, form.cleaned_data)
    organisations = list(organisations.distinct())
    context = {
        "form": form,
        "cards": [organisation_card(organisation) for organisation in organisations],
        "count": len(organisations),
    }
    return render(request, "community/organisation_list.html", context)


@page_cache.cache_public_view(seconds=NETWORK_CACHE_SECONDS)
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("logo").prefetch_related("regions", "offers"), slug=slug
    )
    context = {
        "organisation": organisation,
        "certified_label": certified_label(organisation),
        "contributions": sections(ORGANISATION_CONTRIBUTIONS, organisation, request.user),
    }
    response = render(request, "community/organisation_detail.html", context)
    # Contributions differ per visitor: a proxy keeps the anonymous page apart from signed-in ones
    # (which PageCacheMiddleware marks private, no-store).
    patch_vary_headers(response, ["Cookie"])
    return response


def _upcoming(queryset=None):
    queryset = queryset if queryset is not None else ParentMeeting.objects.all()
    return queryset.filter(starts_at__gte=timezone.now())


@page_cache.cache_public_view(seconds=NETWORK_CACHE_SECONDS)
def region_list(request):
    certified = Organisation.objects.filter(certified_since__isnull=False).only("name", "slug")
    regions = list(
        Region.objects.prefetch_related(
            Prefetch("organisations", queryset=certified, to_attr="certified_organisations")
        ).annotate(upcoming_meetings=Count("parent_meetings", filter=Q(parent_meetings__starts_at__gte=timezone.now())))
    )
    data = maps.netherlands()
    markers = []
    for region in regions:
        x, y = maps.project(region.latitude, region.longitude)
        markers.append(
            {"region": region, "x": x, "y": y, "count": len(region.certified_organisations), "label": region.name}
        )
    maps.place_labels(markers, data["width"], data["height"])
    context = {"regions": regions, "map": data, "markers": markers}
    return render(request, "community/region_list.html", context)


@page_cache.cache_public_view(seconds=NETWORK_CACHE_SECONDS)
def region_detail(request, slug):
    region = get_object_or_404(Region, slug=slug)
    organisations = list(region.organisations.prefetch_related("offers"))
    context = {
        "region": region,
        "certified": [organisation_card(o) for o in organisations if o.is_certified],
        "others": [organisation_card(o) for o in organisations if not o.is_certified],
        "meetings": [meeting_card(m) for m in _upcoming(region.parent_meetings.select_related("region"))],
    }
    return render(request, "community/region_detail.html", context)


def meeting_card(meeting) -> Card:
    local = timezone.localtime(meeting.starts_at)
    return Card(
        type_label=_("Ouderbijeenkomst"),
        title=f"{meeting.title} {meeting.region.name}",
        url=meeting.get_absolute_url(),
        summary=f"{date_format(local, 'l j F Y, H:i')} · {meeting.venue}",  # the date once, with weekday and time
    )


@page_cache.cache_public_view(seconds=NETWORK_CACHE_SECONDS)
def parent_meeting_list(request):
    form = MeetingFilterForm(request.GET or None)
    meetings = _upcoming(ParentMeeting.objects.select_related("region"))
    if form.is_bound and form.is_valid() and form.cleaned_data["regio"]:
        meetings = meetings.filter(region=form.cleaned_data["regio"])
    by_region: dict = {}
    for meeting in meetings.order_by("region__name", "starts_at"):
        by_region.setdefault(meeting.region, []).append(meeting_card(meeting))
    context = {"form": form, "by_region": list(by_region.items())}
    return render(request, "community/parent_meeting_list.html", context)


@page_cache.cache_public_view(seconds=NETWORK_CACHE_SECONDS)
def parent_meeting_detail(request, pk):
    meeting = get_object_or_404(ParentMeeting.objects.select_related("region"), pk=pk)
    partners = meeting.partners.select_related("organisation")
    return render(request, "community/parent_meeting_detail.html", {"meeting": meeting, "partners": partners})


def parent_meeting_organise(request):
    return render(request, "community/parent_meeting_organise.html", {"regions": Region.objects.all()})


@page_cache.cache_public_view(seconds=NETWORK_CACHE_SECONDS)
def parent_meeting_calendar(request):
    since = timezone.now() - datetime.timedelta(days=30)
    meetings = ParentMeeting.objects.select_related("region").filter(starts_at__gte=since)
    base = request.build_absolute_uri("/").rstrip("/")
    events = [
        CalendarEvent(
            uid=make_uid("ouderbijeenkomst", meeting.pk),
            summary=f"{meeting.title} {meeting.region.name}",
            start=meeting.starts_at,
            end=meeting.ends_at,
            url=base + meeting.get_absolute_url(),
            description=meeting.description,
            location=", ".join(part for part in (meeting.venue, meeting.address) if part),
        )
        for meeting in meetings
    ]
    response = calendar_response(
        build_calendar(events, name=_("Ouderbijeenkomsten")), filename="ouderbijeenkomsten.ics"
    )
    patch_cache_control(response, public=True, max_age=900)
    return response


def organisation_meetings(organisation, viewer) -> list[Card]:
    """Contribution of the core to an organisation page: the ouderbijeenkomsten it co-hosts (public)."""
    meetings = _upcoming(
        ParentMeeting.objects.filter(
            pk__in=ParentMeetingPartner.objects.filter(organisation=organisation).values("meeting")
        ).select_related("region")
    )
    return [meeting_card(meeting) for meeting in meetings]


def upcoming_meeting_cards(request, limit: int = 3) -> list[Card]:
    """Home page section: the next ouderbijeenkomsten (public)."""
    return [meeting_card(meeting) for meeting in _upcoming(ParentMeeting.objects.select_related("region"))[:limit]]
