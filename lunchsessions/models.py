"""Lunch sessions: the index (/lunchsessies/), session pages (announcement -> recap), speakers,
registrations with a waiting list, and the secret token of a member's personal calendar feed."""

import datetime
import secrets

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
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
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from community.core import access, fragments
from community.core.cards import Card

from .blocks import RecapBlock, RelatedStreamBlock, SlidesStreamBlock, recap_plain_text

MEETING_LINK_LEAD = datetime.timedelta(minutes=30)
ARCHIVE_PAGE_SIZE = 24


@register_snippet
class Speaker(index.Indexed, models.Model):
    """A speaker, reused across sessions."""

    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(_("functie"), max_length=200, blank=True)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("foto"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
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


class LunchSessionTag(TaggedItemBase):
    content_object = ParentalKey("lunchsessions.LunchSessionPage", related_name="tagged_items", on_delete=models.CASCADE)


class LunchSessionIndexPage(Page):
    # Places left change with every registration: anonymous views are cached briefly, not per publish.
    page_cache_seconds = 30

    def next_change(self, now):
        """The next start or end of one of the sessions listed here: the lists switch then."""
        moments = LunchSessionPage.objects.live().descendant_of(self).filter(end__gt=now).aggregate(
            start=models.Min("start", filter=models.Q(start__gt=now)), end=models.Min("end")
        )
        return min((moment for moment in moments.values() if moment), default=None)
    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types = ["lunchsessions.LunchSessionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht lunchsessies")

    def sessions_for(self, user):
        """Live sessions under this index that the user may see, with what every card needs."""
        queryset = LunchSessionPage.objects.child_of(self)
        return access.visible_pages(user, queryset).select_related("phase").annotate(
            registered_count=Count("registrations", filter=Q(registrations__status=Registration.Status.REGISTERED))
        ).prefetch_related("tags")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        sessions = self.sessions_for(request.user)
        listed = sessions.prefetch_related(None)  # tags for both lists at once, below
        upcoming = list(listed.filter(end__gt=now).order_by("start"))
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
                "registrations": Registration.statuses_for(request.user, [s.pk for s in upcoming]),
                **fragments.for_audience("lunch-filters", request, lambda: _filter_choices(visible_ids, sessions)),
                "selected_tag": tag,
                "selected_phase": phase,
                "is_filtered": bool(tag or phase),
            }
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response


def _filter_choices(visible_ids, sessions) -> dict:
    """Tags and phases of the sessions this audience sees: the same for every member of the
    audience, changed only by a publish (cached per audience in community.core.fragments)."""
    from methodology.models import Phase  # the shared Phase snippet (string FK elsewhere)

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
        _("korte aankondiging"), max_length=300, blank=True,
        help_text=_("Eén of twee zinnen; ook zichtbaar voor bezoekers die de sessie niet mogen zien."),
    )
    start = models.DateTimeField(_("begint om"), db_index=True)
    end = models.DateTimeField(_("eindigt om"), db_index=True)
    topic = models.CharField(_("onderwerp"), max_length=255)
    description = RichTextField(_("aankondiging"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    meeting_url = models.URLField(
        _("link naar de online bijeenkomst"), blank=True,
        help_text=_("Alleen zichtbaar voor aangemelde leden, vanaf 30 minuten voor het begin."),
    )
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), default=100)
    phase = models.ForeignKey(
        "methodology.Phase", verbose_name=_("fase van de methodiek"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    tags = ClusterTaggableManager(through=LunchSessionTag, blank=True, verbose_name=_("tags"))

    # After the session
    attendees = models.PositiveIntegerField(_("aantal deelnemers"), null=True, blank=True)
    recap = StreamField(RecapBlock(), verbose_name=_("terugblik"), blank=True)
    recording_embed_url = models.URLField(
        _("opname (video-link)"), blank=True, help_text=_("Bijvoorbeeld een YouTube- of Vimeo-link.")
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("opname (bestand)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("ondertiteling (WebVTT)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    transcript = models.TextField(_("transcript"), blank=True, help_text=_("De uitgeschreven tekst; doorzoekbaar."))
    slides = StreamField(SlidesStreamBlock(), verbose_name=_("dia's"), blank=True)
    related = StreamField(
        RelatedStreamBlock(), verbose_name=_("gerelateerde casussen en methodiek"), blank=True
    )

    announcement_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("topic"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Datum en tijd (Nederlandse tijd)")),
        FieldPanel("description"),
        InlinePanel("speaker_links", label=_("sprekers")),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("meeting_url")]),
        MultiFieldPanel([FieldPanel("phase"), FieldPanel("tags")], heading=_("Ordening")),
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
            [FieldPanel("recording_embed_url"), FieldPanel("recording_file"), FieldPanel("captions"), FieldPanel("transcript")],
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
        from django.core.exceptions import ValidationError

        from .urls import RESERVED_SLUGS

        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Deze slug is gereserveerd; kies een andere.")})
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Het einde moet na het begin liggen.")})

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
        from community.core.links import absolute_url

        return absolute_url(self.url) if self.url else ""

    def calendar_event(self, *, status: str = "CONFIRMED"):
        from django.utils.html import strip_tags

        from community.core.calendar import CalendarEvent, make_uid

        description = "\n\n".join(
            part for part in (self.topic, strip_tags(self.description.replace("</p>", "</p>\n\n")).strip(), self._absolute_url()) if part
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
                "waitlist_position": registration.waitlist_position() if registration and registration.status == Registration.Status.WAITLISTED else None,
            }
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated or access.page_audience(self, request.user) != access.PUBLIC:
            response["Cache-Control"] = "private, no-store"
        return response


class LunchSessionSpeaker(Orderable):
    page = ParentalKey(LunchSessionPage, related_name="speaker_links", on_delete=models.CASCADE)
    speaker = models.ForeignKey(Speaker, verbose_name=_("spreker"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("speaker")]

    class Meta(Orderable.Meta):
        verbose_name = _("spreker")
        verbose_name_plural = _("sprekers")


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Aangemeld")
        WAITLISTED = "waitlisted", _("Op de wachtlijst")
        CANCELLED = "cancelled", _("Afgemeld")

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
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="lunchsessions_one_registration_per_user")]
        indexes = [
            models.Index(fields=["session", "status", "status_changed_at"], name="lunch_reg_session_status"),
            models.Index(fields=["user", "status"], name="lunch_reg_user_status"),
        ]

    def __str__(self):
        return f"{self.user} — {self.session} ({self.get_status_display()})"

    def waitlist_position(self) -> int:
        return (
            Registration.objects.filter(session_id=self.session_id, status=self.Status.WAITLISTED)
            .filter(Q(status_changed_at__lt=self.status_changed_at) | Q(status_changed_at=self.status_changed_at, pk__lt=self.pk))
            .count()
            + 1
        )

    @classmethod
    def statuses_for(cls, user, session_ids) -> dict[int, str]:
        if not user.is_authenticated or not session_ids:
            return {}
        return dict(
            cls.objects.filter(user=user, session_id__in=session_ids)
            .exclude(status=cls.Status.CANCELLED)
            .values_list("session_id", "status")
        )


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
