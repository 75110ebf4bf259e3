"""The network: regions, what organisations offer, member organisations and ouderbijeenkomsten."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from community.core import validators


class Region(models.Model):
    """A region (named after its central city) served by organisations and hosting ouderbijeenkomsten."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    province = models.CharField(_("provincie"), max_length=40)
    latitude = models.DecimalField(_("breedtegraad"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("lengtegraad"), max_digits=8, decimal_places=5)
    description = models.TextField(_("omschrijving"), blank=True, max_length=1000)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("province"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
        FieldPanel("description"),
    ]

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


class OrganisationForm(WagtailAdminModelForm):
    class Meta:
        # The form fields check before the model does: their messages in our own words too.
        error_messages = {
            "website": {"invalid": validators.URL_MESSAGE},
            "contact_email": {"invalid": validators.EMAIL_MESSAGE},
        }


class Organisation(models.Model):
    base_form_class = OrganisationForm
    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    place = models.CharField(_("plaats"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True, error_messages={"invalid": validators.URL_MESSAGE})
    description = models.TextField(_("omschrijving"), blank=True)
    # The organisation's general contact for people looking for help (never a private address).
    street_address = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[validators.dutch_postcode])
    phone = models.CharField(
        _("telefoonnummer"),
        max_length=20,
        blank=True,
        validators=[validators.dutch_phone],
        help_text=_("Het algemene nummer, bijvoorbeeld 030 123 45 67."),
    )
    contact_name = models.CharField(
        _("contactpersoon"),
        max_length=200,
        blank=True,
        help_text=_("Naam of afdeling, bijvoorbeeld 'Team aanmelding'."),
    )
    contact_email = models.EmailField(
        _("e-mailadres contactpersoon"), blank=True, error_messages={"invalid": validators.EMAIL_MESSAGE}
    )
    certified_since = models.DateField(_("gecertificeerd lid sinds"), null=True, blank=True, db_index=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    regions = models.ManyToManyField(Region, verbose_name=_("regio's"), blank=True, related_name="organisations")
    offers = models.ManyToManyField(Offer, verbose_name=_("aanbod"), blank=True, related_name="organisations")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("phone"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("certified_since"),
        FieldPanel("logo"),
        FieldPanel("regions"),
        FieldPanel("offers"),
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

    @property
    def phone_link(self) -> str:
        """The phone number for a tel: link (+31 and nine digits)."""
        digits = validators.dutch_phone_digits(self.phone)
        return f"+31{digits[1:]}" if digits else ""

    @property
    def has_contact(self) -> bool:
        return any([self.website, self.phone, self.street_address, self.contact_name, self.contact_email])

    def clean(self):
        super().clean()
        compact = self.postcode.replace(" ", "").upper()
        if len(compact) == 6:
            self.postcode = f"{compact[:4]} {compact[4:]}"


class ParentMeeting(ClusterableModel):
    """An ouderbijeenkomst: a regional evening for separating parents, hosted by partners together."""

    title = models.CharField(_("titel"), max_length=200, default="Ouderbijeenkomst")
    region = models.ForeignKey(
        Region, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="parent_meetings"
    )
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    venue = models.CharField(_("locatie"), max_length=200)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    presenters = models.CharField(
        _("presentatoren"),
        max_length=300,
        blank=True,
        help_text=_("Namen van de (meestal twee) professionals die de bijeenkomst presenteren."),
    )
    expected_attendance = models.PositiveIntegerField(
        _("verwachte opkomst"), null=True, blank=True, validators=[MaxValueValidator(1000)]
    )
    description = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    registration = models.CharField(
        _("aanmelden"),
        max_length=300,
        blank=True,
        help_text=_("Hoe ouders zich aanmelden, bijvoorbeeld via het regionale samenwerkingsverband."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("region"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("venue"),
        FieldPanel("address"),
        FieldPanel("presenters"),
        FieldPanel("expected_attendance"),
        FieldPanel("description"),
        FieldPanel("registration"),
        InlinePanel("partners", label=_("Organiserende partners")),
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
        Organisation,
        verbose_name=_("lidorganisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parent_meeting_partnerships",
    )
    role = models.CharField(_("rol"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: regelt de locatie."))

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name
