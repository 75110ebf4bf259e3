"""The search index in the database: one row per SearchDocument, its tags, and a full-text table beside it.

The full-text index is beside it, per vendor: on SQLite the FTS5 table ``search_fts`` (migrations 0002-0003),
on PostgreSQL the narrow table ``search_vector`` with an app-written tsvector and a GIN index (migration 0005).
Both hold Snowball stems computed in Python (``search.engines.sqlite`` / ``postgres`` write them). The index
is derived data: a migration may empty it, ``rebuild_search_index`` fills it again.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import analysis


class IndexedDocument(models.Model):
    key = models.CharField(_("sleutel"), max_length=120, unique=True)
    type = models.CharField(_("soort"), max_length=40)
    object_ref = models.CharField(_("object"), max_length=120, db_index=True)
    audience = models.CharField(_("publiek"), max_length=255, default="public")
    date = models.DateField(_("datum"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    url = models.CharField(_("adres"), max_length=500, blank=True)
    phase = models.CharField(_("fase"), max_length=120, blank=True)
    language = models.CharField(_("taal"), max_length=10, default="nl")
    generation = models.CharField(max_length=32, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)
    # The long columns last: SQLite then reads the filter and facet columns above without overflow pages.
    title = models.CharField(_("titel"), max_length=500)
    tags_text = models.TextField(_("tags"), blank=True)  # tags joined by " | ", in display order
    stems = models.TextField(blank=True, default="")  # stems of title, tags and the text's start: for the re-rank
    text = models.TextField(_("tekst"), blank=True)

    class Meta:
        verbose_name = _("geïndexeerd document")
        verbose_name_plural = _("geïndexeerde documenten")
        indexes = [
            models.Index(fields=["audience", "type"]),
            models.Index(fields=["date"]),
            models.Index(fields=["generation"]),
        ]

    def __str__(self):
        return self.title

    @property
    def tags(self) -> list[str]:
        return [tag for tag in self.tags_text.split(" | ") if tag]


class IndexedTag(models.Model):
    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, related_name="tag_rows")
    name = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["document", "name"]), models.Index(fields=["name"])]

    def __str__(self):
        return self.name


class IndexedAudience(models.Model):
    """The code of each audience, packed into document ids (see ``search.store.AUDIENCE_BITS``)."""

    code = models.PositiveSmallIntegerField(unique=True)
    audience = models.CharField(max_length=255, unique=True)

    def __str__(self):
        return f"{self.code}: {self.audience}"


class SynonymGroup(models.Model):
    """Words or word groups with the same meaning, added by editors to the groups of ``search/synonyms_nl.txt``."""

    terms = models.CharField(
        _("woorden met dezelfde betekenis"),
        max_length=500,
        help_text=_(
            "Gescheiden door komma's of ~, bijvoorbeeld: omgangshuis, bezoekruimte. Een woordgroep of afkorting kan "
            "ook: rvdk, raad voor de kinderbescherming. Zoeken vindt dan met elk van deze woorden ook de andere."
        ),
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def clean(self):
        if len(analysis.parse_members(self.terms or "")) < 2:
            raise ValidationError(
                {"terms": _("Geef minstens twee woorden of woordgroepen, gescheiden door een komma.")}
            )
