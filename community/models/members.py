"""Member profiles, with a visibility choice per field."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from community.models.network import Organisation, Region


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
        Organisation,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    organisation_name = models.CharField(_("organisatie (vrije tekst)"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("regio"), null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    bio = models.TextField(_("korte introductie"), blank=True, max_length=1000)
    expertise = TaggableManager(
        verbose_name=_("expertise"),
        through=TaggedMemberProfile,
        blank=True,
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
