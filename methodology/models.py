from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Phase(index.Indexed, models.Model):
    """A step of the Ouderschap Blijft trajectory. Other apps tag content with a phase."""

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0, db_index=True)
    summary = models.TextField(_("samenvatting"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("order"), FieldPanel("summary")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")

    def __str__(self):
        return self.name
