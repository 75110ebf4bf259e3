from django.conf import settings
from django.contrib import admin
from django.core.validators import MaxValueValidator
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from community.site.home import sections_for


class HomePage(Page):
    intro = models.CharField(_("introductie"), max_length=300, blank=True)
    body = RichTextField(_("tekst"), blank=True, features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("homepagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections_for(request)
        return context

    def route(self, request, path_components):
        """Find the page for a path in two queries, not two per level as Wagtail's walk does.

        All pages on the path come in one query by their url_path; only when one of the pages on
        the way has its own ``route`` (sub-URLs) does the walk go level by level from there.
        """
        if not path_components:
            return super().route(request, path_components)
        candidates = [f"{self.url_path}{'/'.join(path_components[:depth])}/" for depth in range(1, len(path_components) + 1)]
        on_path = list(
            Page.objects.filter(url_path__in=candidates, path__startswith=self.path, depth__gt=self.depth).order_by("depth")
        )
        if not on_path:
            raise Http404
        for index, page in enumerate(on_path):
            last = index == len(on_path) - 1
            if not last and page.specific_class is not None and page.specific_class.route is not Page.route:
                return page.specific.route(request, path_components[index + 1 :])
        deepest = on_path[-1]
        return deepest.specific.route(request, path_components[len(on_path) :])


class Region(models.Model):
    """A region (named after its central city) served by organisations and hosting ouderbijeenkomsten."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    province = models.CharField(_("provincie"), max_length=40)
    latitude = models.DecimalField(_("breedtegraad"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=8, decimal_places=5)
    description = models.TextField(_("omschrijving"), blank=True, max_length=1000)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("province"), FieldPanel("latitude"),
              FieldPanel("longitude"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("region_detail", args=[self.slug])


class Offer(models.Model):
    """Something an organisation offers: Ouderschap Blijft, Parallel Solo Ouderschap, begeleide omgang, ..."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True, max_length=1000)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    place = models.CharField(_("plaats"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    certified_since = models.DateField(_("gecertificeerd lid sinds"), null=True, blank=True, db_index=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    regions = models.ManyToManyField(Region, verbose_name=_("regio's"), blank=True, related_name="organisations")
    offers = models.ManyToManyField(Offer, verbose_name=_("aanbod"), blank=True, related_name="organisations")

    panels = [
        FieldPanel("name"), FieldPanel("slug"), FieldPanel("place"), FieldPanel("website"), FieldPanel("description"),
        FieldPanel("certified_since"), FieldPanel("logo"), FieldPanel("regions"), FieldPanel("offers"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisation_detail", args=[self.slug])

    @property
    def is_certified(self):
        return self.certified_since is not None


class ParentMeeting(ClusterableModel):
    """An ouderbijeenkomst: a regional evening for separating parents, hosted by partners together."""

    title = models.CharField(_("titel"), max_length=200, default="Ouderbijeenkomst")
    region = models.ForeignKey(Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="parent_meetings")
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    venue = models.CharField(_("locatie"), max_length=200)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    presenters = models.CharField(
        _("presentatoren"), max_length=300, blank=True,
        help_text=_("Namen van de (meestal twee) professionals die de bijeenkomst presenteren."),
    )
    expected_attendance = models.PositiveIntegerField(
        _("verwachte opkomst"), null=True, blank=True, validators=[MaxValueValidator(1000)]
    )
    description = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    registration = models.CharField(
        _("aanmelden"), max_length=300, blank=True,
        help_text=_("Hoe ouders zich aanmelden, bijvoorbeeld via het regionale samenwerkingsverband."),
    )

    panels = [
        FieldPanel("title"), FieldPanel("region"), FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("venue"),
        FieldPanel("address"), FieldPanel("presenters"), FieldPanel("expected_attendance"), FieldPanel("description"),
        FieldPanel("registration"), InlinePanel("partners", label=_("Organiserende partners")),
    ]

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["region", "starts_at"])]
        verbose_name = _("ouderbijeenkomst")
        verbose_name_plural = _("ouderbijeenkomsten")

    def __str__(self):
        return f"{self.title} {self.region} {self.starts_at:%d-%m-%Y}"

    def get_absolute_url(self):
        return reverse("parent_meeting_detail", args=[self.pk])


class ParentMeetingPartner(Orderable):
    """A partner hosting an ouderbijeenkomst and its role (from the Landelijk Contactpunt's model)."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "gemeente", _("Gemeente")
        CHILD_PROTECTION = "raad", _("Raad voor de Kinderbescherming")
        YOUTH_CARE = "jeugdhulp", _("Jeugdhulporganisatie")
        COURT = "rechtbank", _("Rechtbank")
        LOCAL_TEAM = "wijkteam", _("CJG of wijkteam")
        OTHER = "anders", _("Anders")

    meeting = ParentalKey(ParentMeeting, on_delete=models.CASCADE, related_name="partners")
    kind = models.CharField(_("soort partner"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=200)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("lidorganisatie"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="parent_meeting_partnerships",
    )
    role = models.CharField(_("rol"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: regelt de locatie."))

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class Visibility(models.TextChoices):
    """Who may see a field of a member profile."""

    MEMBERS = "members", _("Alle leden")
    ASSOCIATION = "association", _("Alleen leden van de Vereniging OKK Ouderschap Blijft")
    PRIVATE = "private", _("Alleen ikzelf")


class TaggedMemberProfile(TaggedItemBase):
    content_object = models.ForeignKey("MemberProfile", on_delete=models.CASCADE, related_name="tagged_items")


class MemberProfile(models.Model):
    VISIBILITY_FIELDS = ("profession", "organisation", "region", "expertise", "bio", "contributions")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    profession = models.CharField(_("beroep"), max_length=120, blank=True, db_index=True)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="members",
    )
    organisation_name = models.CharField(_("organisatie (vrije tekst)"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("regio"), null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    bio = models.TextField(_("korte introductie"), blank=True, max_length=1000)
    expertise = TaggableManager(
        verbose_name=_("expertise"), through=TaggedMemberProfile, blank=True,
        help_text=_("Onderwerpen waarover collega's u mogen benaderen, gescheiden door komma's."),
    )
    in_directory = models.BooleanField(_("vindbaar in de ledengids"), default=True, db_index=True)
    profession_visibility = models.CharField(
        _("wie ziet mijn beroep"), max_length=12, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    organisation_visibility = models.CharField(
        _("wie ziet mijn organisatie"), max_length=12, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    region_visibility = models.CharField(
        _("wie ziet mijn regio"), max_length=12, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    expertise_visibility = models.CharField(
        _("wie ziet mijn expertise"), max_length=12, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    bio_visibility = models.CharField(
        _("wie ziet mijn introductie"), max_length=12, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    contributions_visibility = models.CharField(
        _("wie ziet mijn bijdragen"), max_length=12, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("ledenprofiel")
        verbose_name_plural = _("ledenprofielen")

    def __str__(self):
        return self.user.get_full_name() or self.user.email

    def get_absolute_url(self):
        return reverse("member_profile", args=[self.user_id])

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or _("Lid zonder naam")

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name


class MembershipApplication(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("In behandeling")
        APPROVED = "approved", _("Goedgekeurd")
        REJECTED = "rejected", _("Afgewezen")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership_application"
    )
    profession = models.CharField(_("beroep"), max_length=120)
    organisation = models.CharField(_("organisatie"), max_length=200)
    motivation = models.TextField(_("motivatie"), max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decision_reason = models.TextField(_("toelichting bij het besluit"), blank=True, max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "-submitted_at"])]
        verbose_name = _("lidmaatschapsaanvraag")
        verbose_name_plural = _("lidmaatschapsaanvragen")

    def __str__(self):
        return f"{self.applicant} ({self.get_status_display()})"

    @property
    @admin.display(description=_("Aanvrager"))
    def applicant(self) -> str:
        name = self.user.get_full_name()
        return f"{name} <{self.user.email}>" if name else self.user.email


class NotificationPreference(models.Model):
    IMMEDIATE = "immediate"
    DIGEST = "digest"
    OFF = "off"
    CHOICES = [(IMMEDIATE, _("Direct per e-mail")), (DIGEST, _("In het wekelijkse overzicht")), (OFF, _("Uit"))]
    TOPICS = ("casus_reactions", "new_casuses", "new_recaps", "upcoming_sessions")
    DEFAULTS = {
        "casus_reactions": IMMEDIATE,
        "new_casuses": DIGEST,
        "new_recaps": DIGEST,
        "upcoming_sessions": DIGEST,
    }

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference")
    casus_reactions = models.CharField(
        _("nieuwe reacties op mijn casus"), max_length=10, choices=CHOICES, default=DEFAULTS["casus_reactions"]
    )
    new_casuses = models.CharField(
        _("nieuwe casussen met mijn tags of fase"), max_length=10, choices=CHOICES, default=DEFAULTS["new_casuses"]
    )
    new_recaps = models.CharField(_("nieuwe terugblikken"), max_length=10, choices=CHOICES, default=DEFAULTS["new_recaps"])
    upcoming_sessions = models.CharField(
        _("komende lunchsessies"), max_length=10, choices=CHOICES, default=DEFAULTS["upcoming_sessions"]
    )

    class Meta:
        verbose_name = _("meldingsinstelling")
        verbose_name_plural = _("meldingsinstellingen")


    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

class SentDigest(models.Model):
    """One weekly digest mailed to one member: recorded so that no digest goes out twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_digests")
    week = models.CharField(_("week"), max_length=8, help_text=_("ISO-week, bijvoorbeeld 2026-W47."))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    item_count = models.PositiveIntegerField(_("aantal onderwerpen"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="one_digest_per_user_per_week")]
        verbose_name = _("verstuurd weekoverzicht")
        verbose_name_plural = _("verstuurde weekoverzichten")

    def __str__(self):
        return f"{self.user} {self.week}"


class AuditEvent(models.Model):
    """A security-relevant event, for beheerders to read (community/core/audit.py records them)."""

    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    event = models.CharField(_("gebeurtenis"), max_length=60)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("door (bij het vastleggen)"), max_length=254, blank=True)
    target = models.CharField(_("betreft"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["event", "-created_at"])]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditlog")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.event} {self.target}"
