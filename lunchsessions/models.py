"""Lunch sessions: the index (/lunchsessies/), session pages (announcement -> recap), speakers,
registrations with a waiting list, and the secret token of a member's personal calendar feed."""

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from community.core import access, fragments, page_cache
from community.core.cache import now_and_on_commit
from community.core.calendar import CalendarEvent, build_calendar, calendar_response, make_uid
from community.core.cards import Card
from community.core.links import absolute_url
from community.core.privacy import private
from community.core.ratelimit import rate_limit
from community.core.routes import route_slugs, route_url
from community.core.skj import SkjCategory
from methodology.models import Phase

from . import registration as service
from .blocks import RecapBlock, RelatedStreamBlock, SlidesStreamBlock, recap_plain_text
from .feeds import RecapFeed

MEETING_LINK_LEAD = datetime.timedelta(minutes=30)
ARCHIVE_PAGE_SIZE = 24
# A member's own registrations in the shared cache; a change forgets them at once.
STATUSES_SECONDS = 600
PERSONAL_FEED_PAST_DAYS = 90


@register_snippet
class Speaker(index.Indexed, models.Model):
    """A speaker, reused across sessions."""

    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(_("functie"), max_length=200, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("organisation")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("spreker")
        verbose_name_plural = _("sprekers")

    def __str__(self):
        return self.name

    @property
    def description(self) -> str:
        return ", ".join(part for part in (self.role, self.organisation) if part)


@register_snippet
class LunchSeries(models.Model):
    """A series of lunch sessions that editors set on each session ("Intervisielunch", "Juridisch
    spreekuur"): members follow a series and hear of each new recap in it."""

    name = models.CharField(_("naam"), max_length=120, unique=True)
    description = models.CharField(_("korte omschrijving"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("reeks lunchsessies")
        verbose_name_plural = _("reeksen lunchsessies")

    def __str__(self):
        return self.name


class LunchSessionTag(TaggedItemBase):
    content_object = ParentalKey(
        "lunchsessions.LunchSessionPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class LunchSessionIndexPage(RoutablePageMixin, Page):
    """/lunchsessies/: the upcoming sessions and the archive, and as routes of this page the feeds,
    a member's calendar link and the one-click (un)registration. Session pages (children) may not
    take a route's name as their slug (``LunchSessionPage.clean``)."""

    # Members see this page as everyone of their audience does, but for its holes (community.core.holes).
    shared_by_audience = True

    # Places left change with every registration: anonymous views are cached briefly, not per publish.
    page_cache_seconds = 30

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types = ["lunchsessions.LunchSessionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht lunchsessies")

    @classmethod
    def route_slugs(cls) -> set[str]:
        """The first path segment of every route (``feed``, ``mijn-agenda``, ``agenda.ics``): no child's slug."""
        return route_slugs(cls)

    def route_url(self, name, **kwargs) -> str:
        return route_url(self.url, type(self), name, **kwargs)

    def sessions(self):
        return LunchSessionPage.objects.child_of(self)

    def sessions_for(self, user):
        """Live sessions under this index that the user may see, with what every card needs."""
        queryset = self.sessions()
        return (
            access.visible_pages(user, queryset)
            .select_related("phase")
            .annotate(
                registered_count=Count("registrations", filter=Q(registrations__status=Registration.Status.REGISTERED))
            )
            .prefetch_related("tags")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        sessions = self.sessions_for(request.user)
        listed = sessions.prefetch_related(None)  # tags for both lists at once, below
        upcoming = list(listed.filter(end__gt=now).order_by("start"))
        # The lists switch when one of the listed sessions starts or ends ("nu live", then a recap).
        page_cache.changes_at(request, min(filter(None, (s.next_change(now) for s in upcoming)), default=None))
        archive = listed.filter(end__lte=now).order_by("-start")

        tag = request.GET.get("tag", "").strip()
        phase = request.GET.get("fase", "").strip()
        if tag:
            archive = archive.filter(pk__in=LunchSessionTag.objects.filter(tag__slug=tag).values("content_object_id"))
        if phase:
            archive = archive.filter(phase__slug=phase)
        paginator = Paginator(archive, ARCHIVE_PAGE_SIZE)
        archive_page = paginator.get_page(request.GET.get("pagina"))

        archive_sessions = list(archive_page.object_list)
        prefetch_related_objects(upcoming + archive_sessions, "tags")
        speakers = LunchSessionSpeaker.objects.select_related("speaker")
        prefetch_related_objects(upcoming, Prefetch("speaker_links", queryset=speakers))
        audiences = access.page_audiences(upcoming + archive_sessions, request.user)
        visible_ids = sessions.values("pk")
        context.update(
            {
                "upcoming": upcoming,
                "upcoming_members_only": {pk for pk, audience in audiences.items() if audience != access.PUBLIC},
                "archive_page": archive_page,
                "archive_years": _by_year([(s, s.as_card(audiences[s.pk])) for s in archive_sessions]),
                **fragments.for_audience("lunch-filters", request, lambda: _filter_choices(visible_ids, sessions)),
                "selected_tag": tag,
                "selected_phase": phase,
                "is_filtered": bool(tag or phase),
                "agenda_url": self.route_url("agenda"),
                "feed_url": self.route_url("feed"),
                "my_calendar_url": self.route_url("my_calendar"),
            }
        )
        return context

    # --- routes (they check who may use them themselves, see wagtail_hooks.serve_routes_directly) ---

    @path("feed/", name="feed")
    def feed(self, request):
        return RecapFeed(self)(request)

    @re_path(r"^agenda\.ics/$", name="agenda")
    @method_decorator(require_GET)
    @method_decorator(page_cache.cache_public_view(seconds=300))
    def agenda(self, request):
        """Upcoming public sessions: the same for every visitor, so nothing restricted can be in it."""
        sessions = access.visible_pages(AnonymousUser(), self.sessions().filter(end__gt=timezone.now()))
        events = [session.calendar_event() for session in sessions.order_by("start")]
        calendar = build_calendar(events, name=gettext("Lunchsessies Kennisplein Scheiding"))
        return calendar_response(calendar, filename="lunchsessies.ics")

    @re_path(r"^mijn-agenda/(?P<token>[\w-]+)\.ics/$", name="personal_feed")
    @method_decorator(require_GET)
    def personal_feed(self, request, token):
        """A member's own registrations, for their calendar app (which sends no cookies: the token is the key)."""
        calendar_token = CalendarToken.objects.select_related("user").filter(token=token).first()
        if calendar_token is None or not calendar_token.user.is_active or not access.is_member(calendar_token.user):
            raise Http404
        user = calendar_token.user
        since = timezone.now() - timezone.timedelta(days=PERSONAL_FEED_PAST_DAYS)
        sessions = access.visible_pages(user, self.sessions().filter(end__gte=since))
        registrations = (
            Registration.objects.filter(user=user, session__in=sessions)
            .exclude(status=Registration.Status.CANCELLED)
            .select_related("session")
            .order_by("session__start")
        )
        events = [
            r.session.calendar_event(status="CONFIRMED" if r.status == Registration.Status.REGISTERED else "TENTATIVE")
            for r in registrations
        ]
        calendar = build_calendar(events, name=gettext("Mijn lunchsessies"))
        return private(calendar_response(calendar, filename="mijn-lunchsessies.ics"))

    @path("mijn-agenda/", name="my_calendar")
    @method_decorator(login_required)
    @method_decorator(rate_limit("lunchsession_calendar_token", "10/h"))
    def my_calendar(self, request):
        if not access.is_member(request.user):
            return render(request, "403.html", status=403)
        token = CalendarToken.objects.filter(user=request.user).first()
        if request.method == "POST":
            return self._change_calendar_token(request, token)
        feed_url = request.build_absolute_uri(self.route_url("personal_feed", token=token.token)) if token else ""
        registrations = (
            Registration.objects.filter(user=request.user, session__end__gt=timezone.now(), session__live=True)
            .exclude(status=Registration.Status.CANCELLED)
            .select_related("session")
            .order_by("session__start")
        )
        context = {
            "token": token,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1] if feed_url else "",
            "registrations": registrations,
        }
        return render(request, "lunchsessions/my_calendar.html", context)

    def _change_calendar_token(self, request, token):
        action = request.POST.get("action")
        if action == "revoke" and token is not None:
            token.delete()
            messages.success(
                request, gettext("Uw persoonlijke agenda-link is ingetrokken. De oude link werkt niet meer.")
            )
        elif action in ("create", "renew"):
            CalendarToken.issue(request.user)
            messages.success(
                request,
                gettext("Uw nieuwe persoonlijke agenda-link staat hieronder. Een eerdere link werkt niet meer."),
            )
        return redirect(self.route_url("my_calendar"))

    @path("aanmelden/<int:page_id>/", name="register")
    @method_decorator(require_POST)
    @method_decorator(login_required)
    @method_decorator(rate_limit("lunchsession_register", "20/h"))
    def register(self, request, page_id):
        session = self._session_for(request, page_id)
        try:
            registration, _changed = service.register(session, request.user)
        except service.RegistrationError as error:
            messages.error(request, error.message)
            return redirect(session.url)
        if registration.status == Registration.Status.REGISTERED:
            messages.success(
                request, gettext("U bent aangemeld. U ontvangt een bevestiging met een agenda-uitnodiging per e-mail.")
            )
        else:
            messages.info(
                request,
                gettext(
                    "De sessie is vol. U staat op de wachtlijst en schuift automatisch door als er een plaats vrijkomt."
                ),
            )
        return redirect(session.url)

    @path("afmelden/<int:page_id>/", name="unregister")
    @method_decorator(require_POST)
    @method_decorator(login_required)
    @method_decorator(rate_limit("lunchsession_register", "20/h"))
    def unregister(self, request, page_id):
        session = self._session_for(request, page_id)
        try:
            cancelled = service.unregister(session, request.user)
        except service.RegistrationError as error:
            messages.error(request, error.message)
            return redirect(session.url)
        if cancelled is not None:
            messages.success(request, gettext("U bent afgemeld."))
        return redirect(session.url)

    def _session_for(self, request, page_id) -> "LunchSessionPage":
        session = get_object_or_404(self.sessions().live(), pk=page_id)
        if not access.can_view_page(request.user, session):
            raise Http404
        return session


def _filter_choices(visible_ids, sessions) -> dict:
    """Tags and phases of the sessions this audience sees: the same for every member of the
    audience, changed only by a publish (cached per audience in community.core.fragments)."""
    return {
        "tag_choices": list(
            LunchSessionTag.objects.filter(content_object__in=visible_ids)
            .values_list("tag__slug", "tag__name")
            .distinct()
            .order_by("tag__name")
        ),
        "phase_choices": list(Phase.objects.filter(pk__in=sessions.values("phase")).values_list("slug", "name")),
    }


def _by_year(sessions_and_cards) -> list[tuple[int, list]]:
    years: dict[int, list] = {}
    for session, card in sessions_and_cards:
        years.setdefault(timezone.localtime(session.start).year, []).append(card)
    return list(years.items())


class LunchSessionPage(Page):
    # Places left and "nu live" change without a publish: anonymous views are cached briefly.
    page_cache_seconds = 30

    def next_change(self, now):
        """When the page next switches by the clock (announcement -> live -> recap), or None."""
        return next((moment for moment in (self.start, self.end) if moment and moment > now), None)

    teaser = models.CharField(
        _("korte aankondiging"),
        max_length=300,
        blank=True,
        help_text=_("Eén of twee zinnen; ook zichtbaar voor bezoekers die de sessie niet mogen zien."),
    )
    start = models.DateTimeField(_("begint om"), db_index=True)
    end = models.DateTimeField(_("eindigt om"), db_index=True)
    topic = models.CharField(_("onderwerp"), max_length=255)
    description = RichTextField(
        _("aankondiging"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"]
    )
    meeting_url = models.URLField(
        _("link naar de online bijeenkomst"),
        blank=True,
        help_text=_("Alleen zichtbaar voor aangemelde leden, vanaf 30 minuten voor het begin."),
    )
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), default=100)
    phase = models.ForeignKey(
        "methodology.Phase",
        verbose_name=_("fase van de methodiek"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=LunchSessionTag, blank=True, verbose_name=_("tags"))
    series = models.ForeignKey(
        LunchSeries,
        verbose_name=_("reeks"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        help_text=_("Leden die de reeks volgen, horen van elke nieuwe terugblik in de reeks."),
    )

    # SKJ accreditation (read by the development app: attendance, certificates)
    skj_category = models.CharField(
        _("SKJ-categorie"),
        max_length=12,
        choices=SkjCategory.choices,
        default=SkjCategory.TRAINING,
        help_text=_("Onder welke categorie deelnemers deze sessie bij hun herregistratie opvoeren."),
    )
    skj_accredited = models.BooleanField(_("SKJ-geaccrediteerd"), default=False)
    accreditation_number = models.CharField(_("accreditatienummer"), max_length=50, blank=True)
    skj_points = models.DecimalField(_("SKJ-punten"), max_digits=4, decimal_places=1, null=True, blank=True)

    # After the session
    attendees = models.PositiveIntegerField(_("aantal deelnemers"), null=True, blank=True)
    recap = StreamField(RecapBlock(), verbose_name=_("terugblik"), blank=True)
    recording_embed_url = models.URLField(
        _("opname (video-link)"), blank=True, help_text=_("Bijvoorbeeld een YouTube- of Vimeo-link.")
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("opname (bestand)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("ondertiteling (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = models.TextField(_("transcript"), blank=True, help_text=_("De uitgeschreven tekst; doorzoekbaar."))
    slides = StreamField(SlidesStreamBlock(), verbose_name=_("dia's"), blank=True)
    related = StreamField(RelatedStreamBlock(), verbose_name=_("gerelateerde casussen en methodiek"), blank=True)

    announcement_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Datum en tijd (Nederlandse tijd)")),
        FieldPanel("description"),
        InlinePanel("speaker_links", label=_("sprekers")),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("meeting_url")]),
        MultiFieldPanel([FieldPanel("series"), FieldPanel("phase"), FieldPanel("tags")], heading=_("Ordening")),
        MultiFieldPanel(
            [
                FieldPanel("skj_category"),
                FieldPanel("skj_accredited"),
                FieldRowPanel([FieldPanel("accreditation_number"), FieldPanel("skj_points")]),
            ],
            heading=_("SKJ-accreditatie"),
        ),
        HelpPanel(
            content=_(
                "Publiek: iedereen ziet de aankondiging en de terugblik. Alleen voor leden: zet bij "
                "Privacy de groep Leden."
            )
        ),
    ]
    recap_panels = [
        HelpPanel(
            content=_(
                "Vul de terugblik in na de sessie en publiceer hem. De pagina toont de terugblik "
                "automatisch zodra de sessie voorbij is."
            )
        ),
        FieldPanel("attendees"),
        FieldPanel("recap"),
        MultiFieldPanel(
            [
                FieldPanel("recording_embed_url"),
                FieldPanel("recording_file"),
                FieldPanel("captions"),
                FieldPanel("transcript"),
            ],
            heading=_("Opname"),
        ),
        FieldPanel("slides"),
        FieldPanel("related"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(announcement_panels, heading=_("Aankondiging")),
            ObjectList(recap_panels, heading=_("Terugblik")),
            ObjectList(Page.promote_panels, heading=_("Promotie")),
            ObjectList(Page.settings_panels, heading=_("Instellingen")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("topic"),
        index.SearchField("teaser"),
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.FilterField("start"),
    ]

    parent_page_types = ["lunchsessions.LunchSessionIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("lunchsessie")
        verbose_name_plural = _("lunchsessies")

    def clean(self):
        super().clean()
        if self.slug in LunchSessionIndexPage.route_slugs():
            raise ValidationError(
                {
                    "slug": _(
                        "Het adres “%(slug)s” is al in gebruik voor een vaste functie van het lunchsessie-overzicht "
                        "(zoals de feed, de agenda of aanmelden). Kies een ander adres (slug)."
                    )
                    % {"slug": self.slug}
                }
            )
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Het einde moet na het begin liggen.")})
        self._clean_accreditation()

    def _clean_accreditation(self):
        if not self.skj_accredited:
            return
        errors = {}
        if not self.accreditation_number.strip():
            errors["accreditation_number"] = _("Vul het accreditatienummer in van een geaccrediteerde sessie.")
        if not self.skj_points:
            errors["skj_points"] = _("Vul het aantal SKJ-punten in van een geaccrediteerde sessie.")
        if errors:
            raise ValidationError(errors)

    @property
    def duration_hours(self):
        """The session's length in hours (one decimal), what an attendee may count."""
        return Decimal(int((self.end - self.start).total_seconds()) // 360) / 10

    # --- state, always computed from the clock: no cron switches a page to "recap" ---

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.start

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.end

    def is_registration_open(self, now=None) -> bool:
        return self.live and not self.has_started(now)

    def meeting_link_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.start - MEETING_LINK_LEAD <= now < self.end

    @cached_property
    def speakers(self) -> list[Speaker]:
        return [link.speaker for link in self.speaker_links.all()]

    def places_taken(self) -> int:
        taken = getattr(self, "registered_count", None)
        if taken is None:
            taken = self.registrations.filter(status=Registration.Status.REGISTERED).count()
        return taken

    def places_left(self) -> int:
        return max(self.capacity - self.places_taken(), 0)

    def as_card(self, audience: str = access.PUBLIC) -> Card:
        return Card(
            type_label=str(_("Terugblik") if self.has_ended() else _("Lunchsessie")),
            title=self.title,
            url=self.url,
            summary=self.summary_text(),
            date=timezone.localtime(self.start),
            tags=[tag.name for tag in self.tags.all()],
            audience_label=str(_("Leden")) if audience != access.PUBLIC else "",
        )

    def recap_text(self) -> str:
        return recap_plain_text(self.recap)

    def summary_text(self) -> str:
        return self.teaser or self.search_description or self.topic

    def _absolute_url(self) -> str:
        return absolute_url(self.url) if self.url else ""

    def registration_url(self, name: str) -> str:
        """``register`` or ``unregister``: routes of the index, whose URL is this page's without its slug."""
        if not self.url:
            return ""
        return route_url(self.url[: -len(self.slug) - 1], LunchSessionIndexPage, name, page_id=self.pk)

    def calendar_event(self, *, status: str = "CONFIRMED"):
        description = "\n\n".join(
            part
            for part in (
                self.topic,
                strip_tags(self.description.replace("</p>", "</p>\n\n")).strip(),
                self._absolute_url(),
            )
            if part
        )
        return CalendarEvent(
            uid=make_uid("lunchsession", self.pk),
            start=self.start,
            end=self.end,
            summary=_("Lunchsessie: %(title)s") % {"title": self.title},
            description=description,
            url=self._absolute_url(),
            location=_("Online"),
            status=status,
            last_modified=self.last_published_at,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        user = request.user
        registration = Registration.objects.filter(session=self, user=user).first() if user.is_authenticated else None
        is_registered = registration is not None and registration.status == Registration.Status.REGISTERED
        related = []
        for block in self.related:
            target = block.value["page"]
            if target is not None and access.can_view_page(user, target):
                related.append(block)
        context.update(
            {
                "now": now,
                "show_recap": self.has_ended(now),
                "registration": registration,
                "is_registered": is_registered,
                "is_waitlisted": registration is not None and registration.status == Registration.Status.WAITLISTED,
                "registration_open": self.is_registration_open(now),
                "may_register": access.is_member(user),
                "show_meeting_link": bool(self.meeting_url) and is_registered and self.meeting_link_open(now),
                "meeting_link_opens_at": self.start - MEETING_LINK_LEAD,
                "places_left": self.places_left(),
                "related_pages": related,
                "waitlist_position": registration.waitlist_position()
                if registration and registration.status == Registration.Status.WAITLISTED
                else None,
                "register_url": self.registration_url("register"),
                "unregister_url": self.registration_url("unregister"),
            }
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if access.page_audience(self, request.user) != access.PUBLIC:
            return private(response)
        return response


class LunchSessionSpeaker(Orderable):
    page = ParentalKey(LunchSessionPage, related_name="speaker_links", on_delete=models.CASCADE)
    speaker = models.ForeignKey(Speaker, verbose_name=_("spreker"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("speaker")]

    class Meta(Orderable.Meta):
        verbose_name = _("spreker")
        verbose_name_plural = _("sprekers")


class Registration(models.Model):
    Status = service.Status  # the states are the registration service's vocabulary

    session = models.ForeignKey(
        LunchSessionPage, verbose_name=_("sessie"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lid"), on_delete=models.CASCADE, related_name="lunch_registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REGISTERED)
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status gewijzigd op"), default=timezone.now)
    reminder_sent_at = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["status_changed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="lunchsessions_one_registration_per_user")
        ]
        indexes = [
            models.Index(fields=["session", "status", "status_changed_at"], name="lunch_reg_session_status"),
            models.Index(fields=["user", "status"], name="lunch_reg_user_status"),
        ]

    def __str__(self):
        return f"{self.user} — {self.session} ({self.get_status_display()})"

    def waitlist_position(self) -> int:
        return (
            Registration.objects.filter(session_id=self.session_id, status=self.Status.WAITLISTED)
            .filter(
                Q(status_changed_at__lt=self.status_changed_at)
                | Q(status_changed_at=self.status_changed_at, pk__lt=self.pk)
            )
            .count()
            + 1
        )

    @classmethod
    def statuses_for(cls, user, session_ids) -> dict[int, str]:
        """The user's own registrations among ``session_ids``; all of them come from the shared cache
        (one query after a change of one of them, ``forget_statuses``)."""
        if not user.is_authenticated or not session_ids:
            return {}
        key = cls._statuses_key(user.pk)
        statuses = cache.get(key)
        if statuses is None:
            statuses = dict(
                cls.objects.filter(user=user).exclude(status=cls.Status.CANCELLED).values_list("session_id", "status")
            )
            cache.set(key, statuses, STATUSES_SECONDS)
        return {session_id: statuses[session_id] for session_id in session_ids if session_id in statuses}

    @staticmethod
    def _statuses_key(user_id) -> str:
        return f"kennisplein:registrations:{user_id}"

    @classmethod
    def forget_statuses(cls, sender=None, instance=None, **kwargs) -> None:
        """After a registration is saved or deleted: now and once the change is committed."""
        key = cls._statuses_key(instance.user_id)
        now_and_on_commit(lambda: cache.delete(key))


class CalendarToken(models.Model):
    """The secret in a member's personal calendar URL. Deleting it revokes the URL."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lunch_calendar_token")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agenda-sleutel")
        verbose_name_plural = _("agenda-sleutels")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    @classmethod
    def issue(cls, user) -> "CalendarToken":
        """A new secret for this user; any earlier URL stops working."""
        token, _created = cls.objects.update_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
        return token
