"""The methodiek: the Ouderschap Blijft process as data (Phase), techniques, guides and training.

Pages: MethodologyIndexPage (/methodiek/) > GuidePage, TrainingModulePage.
Snippets: Phase (a step of the trajectory), Technique (a conversation technique).
Phases and techniques have their own URLs (methodology/urls.py) so other apps can link to them.
"""

from django import forms
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from community.core import access
from community.core.cards import Card

from . import blocks, outline
from .fragments import phases_version

# ---------------------------------------------------------------------------------------------
# The process as data
# ---------------------------------------------------------------------------------------------


@register_snippet
class Phase(index.Indexed, models.Model):
    """A step of the Ouderschap Blijft trajectory. Other apps tag content with a phase."""

    class Kind(models.TextChoices):
        STEP = "step", _("Stap in het traject")
        PARALLEL = "parallel", _("Loopt parallel aan andere stappen")
        ESCALATION = "escalation", _("Escalatie (alleen als het nodig is)")

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0, db_index=True)
    summary = models.TextField(_("samenvatting"), blank=True)
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices, default=Kind.STEP)
    goal = models.TextField(_("doel"), blank=True)
    participants = models.CharField(
        _("wie doen mee"),
        max_length=255,
        blank=True,
        help_text=_("Bijvoorbeeld: beide ouders, ieder apart; hulpverlener."),
    )
    condition = models.CharField(
        _("wanneer"),
        max_length=255,
        blank=True,
        help_text=_("Wanneer deze fase van toepassing is, bijvoorbeeld: als er nog geen omgangsregeling is."),
    )
    typical_sessions = models.PositiveSmallIntegerField(_("gebruikelijk aantal bijeenkomsten"), null=True, blank=True)
    max_sessions = models.PositiveSmallIntegerField(_("maximaal aantal bijeenkomsten"), null=True, blank=True)
    duration_weeks = models.PositiveSmallIntegerField(
        _("duur in weken"), null=True, blank=True, help_text=_("Gebruikelijke of maximale duur van deze fase.")
    )
    limits = models.TextField(_("grenzen en afspraken"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("order"), FieldPanel("kind")]),
        FieldPanel("summary"),
        FieldPanel("goal"),
        FieldPanel("participants"),
        FieldPanel("condition"),
        FieldRowPanel([FieldPanel("typical_sessions"), FieldPanel("max_sessions"), FieldPanel("duration_weeks")]),
        FieldPanel("limits"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("goal")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("methodology:phase", kwargs={"slug": self.slug})

    @property
    def is_parallel(self) -> bool:
        return self.kind == self.Kind.PARALLEL

    @property
    def is_escalation(self) -> bool:
        return self.kind == self.Kind.ESCALATION

    @property
    def sessions_label(self) -> str:
        """'maximaal 4 keer', 'ca. 2 keer', '' — for the timeline and the phase page."""
        if self.max_sessions and self.typical_sessions and self.typical_sessions != self.max_sessions:
            return _("gebruikelijk %(typical)s, maximaal %(max)s keer") % {
                "typical": self.typical_sessions,
                "max": self.max_sessions,
            }
        if self.max_sessions:
            return _("maximaal %(max)s keer") % {"max": self.max_sessions}
        if self.typical_sessions:
            return _("gebruikelijk %(typical)s keer") % {"typical": self.typical_sessions}
        return ""

    @property
    def duration_label(self) -> str:
        if not self.duration_weeks:
            return ""
        if self.duration_weeks % 26 == 0:
            months = self.duration_weeks // 26 * 6
            return _("ongeveer %(months)s maanden") % {"months": months}
        return _("%(weeks)s weken") % {"weeks": self.duration_weeks}


@register_snippet
class Technique(index.Indexed, models.Model):
    """A conversation technique used in several phases; guides reference it with a TechniqueBlock."""

    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("samenvatting"), max_length=400)
    description = RichTextField(_("beschrijving"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("summary")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("techniek")
        verbose_name_plural = _("technieken")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("methodology:technique", kwargs={"slug": self.slug})


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


class MethodologyIndexPage(Page):
    # Members see this page as everyone of their audience does, but for its holes (community.core.holes).
    shared_by_audience = True

    intro = models.TextField(_("introductie"), max_length=600, blank=True)
    body = StreamField(blocks.IndexBodyBlock(), blank=True, verbose_name=_("over de methodiek"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["community.HomePage"]
    subpage_types = ["methodology.GuidePage", "methodology.TrainingModulePage"]
    max_count = 1

    class Meta:
        verbose_name = _("methodiek-overzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["phases"] = Phase.objects.all()  # lazy: not queried when the timeline fragment is cached
        context["phases_version"] = phases_version()
        guides = access.visible_pages(user, GuidePage.objects.child_of(self)).order_by("path")
        modules = access.visible_pages(user, TrainingModulePage.objects.child_of(self)).order_by(
            "path_position", "path"
        )
        context["guide_cards"] = [guide.card(request) for guide in guides.prefetch_related("tags")]
        context["module_cards"] = [module.card(request) for module in modules.prefetch_related("tags")]
        # Restricted pages are listed only to those who may read them (no counts: those would leak too).
        context["may_see_all"] = access.is_association_member(user)
        context["techniques"] = list(Technique.objects.all())
        return context


class GuidePageTag(TaggedItemBase):
    content_object = ParentalKey("methodology.GuidePage", on_delete=models.CASCADE, related_name="tagged_items")


class TrainingModulePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "methodology.TrainingModulePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GuidePage(Page):
    """A guide (handleiding) in chapters: every 'Kop (hoofdstuk)' block starts a chapter."""

    # Members see this page as everyone of their audience does, but for its holes (community.core.holes).
    shared_by_audience = True

    teaser = models.CharField(
        _("teaser"),
        max_length=300,
        blank=True,
        help_text=_("Korte samenvatting die iedereen ziet, ook wie de handleiding niet mag lezen."),
    )
    intro = models.TextField(_("introductie"), max_length=1000, blank=True)
    body = StreamField(blocks.GuideBodyBlock(), verbose_name=_("hoofdstukken"))
    last_reviewed = models.DateField(_("laatst inhoudelijk gecontroleerd"), null=True, blank=True)
    reviewed_by = models.CharField(_("gecontroleerd door"), max_length=150, blank=True)
    tags = ClusterTaggableManager(through=GuidePageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("reviewed_by")]), FieldPanel("tags")],
            heading=_("Controle en tags"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["methodology.MethodologyIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("handleiding")
        verbose_name_plural = _("handleidingen")

    @cached_property
    def outline(self) -> outline.Outline:
        return outline.build(self.body.raw_data)

    def card(self, request) -> Card:
        return Card(
            type_label=gettext("Handleiding"),
            title=self.title,
            url=self.get_url(request),
            summary=self.teaser or self.intro,
            date=self.last_reviewed or (self.last_published_at.date() if self.last_published_at else None),
            tags=[tag.name for tag in self.tags.all()],
            audience_label=access.audience_label(access.page_audience(self, request.user)),
        )

    def table_of_contents(self):
        return self.outline.toc

    @property
    def reading_minutes(self) -> int:
        return self.outline.reading_minutes(extra_text=f"{self.intro} ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        anchors = self.outline.anchors
        context["blocks"] = [(block, anchors.get(block.id, "")) for block in self.body]
        context["toc"] = self.outline.toc
        siblings = list(
            access.visible_pages(request.user, GuidePage.objects.sibling_of(self, inclusive=True))
            .order_by("path")
            .only("id", "title", "path", "url_path", "depth")
        )
        context["previous_page"], context["next_page"] = _neighbours(siblings, self)
        return context


class AudienceChoices(models.TextChoices):
    HULPVERLENER = "hulpverlener", _("Hulpverlener")
    GEDRAGSWETENSCHAPPER = "gedragswetenschapper", _("Gedragswetenschapper")
    WERKBEGELEIDER = "werkbegeleider", _("Werkbegeleider")
    TEAMLEIDER = "teamleider", _("Teamleider of manager")
    WIJKTEAM = "wijkteam", _("Medewerker wijkteam of CJG")


class TrainingModuleForm(WagtailAdminPageForm):
    audiences = forms.MultipleChoiceField(
        label=_("doelgroep"), choices=AudienceChoices.choices, widget=forms.CheckboxSelectMultiple, required=False
    )


class TrainingModulePage(Page):
    teaser = models.CharField(
        _("teaser"),
        max_length=300,
        blank=True,
        help_text=_("Korte samenvatting die iedereen ziet, ook wie de module niet mag lezen."),
    )
    intro = models.TextField(_("introductie"), max_length=1000, blank=True)
    audiences = models.JSONField(_("doelgroep"), default=list, blank=True)
    learning_goals = StreamField(blocks.LearningGoalsBlock(), blank=True, verbose_name=_("leerdoelen"))
    duration_hours = models.DecimalField(_("duur in uren"), max_digits=4, decimal_places=1, null=True, blank=True)
    skj_points = models.PositiveSmallIntegerField(_("SKJ-punten"), null=True, blank=True)
    requires_reflection = models.BooleanField(
        _("reflectie vragen bij afronden"),
        default=False,
        help_text=_("Leden schrijven een korte reflectie voordat zij de module als afgerond markeren."),
    )
    path_position = models.PositiveSmallIntegerField(
        _("plaats in het leertraject"),
        default=1,
        db_index=True,
        help_text=_("Volgorde in het leertraject: 1 is de eerste module."),
    )
    prerequisites = models.TextField(_("voorkennis"), blank=True)
    prerequisite_modules = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="+", verbose_name=_("eerst te volgen modules")
    )
    phases = ParentalManyToManyField(Phase, blank=True, related_name="training_modules", verbose_name=_("fasen"))
    techniques = ParentalManyToManyField(
        Technique, blank=True, related_name="training_modules", verbose_name=_("technieken")
    )
    body = StreamField(blocks.GuideBodyBlock(), blank=True, verbose_name=_("inhoud"))
    materials = StreamField(blocks.MaterialsBlock(), blank=True, verbose_name=_("materialen"))
    tags = ClusterTaggableManager(through=TrainingModulePageTag, blank=True, verbose_name=_("tags"))

    base_form_class = TrainingModuleForm
    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldRowPanel([FieldPanel("duration_hours"), FieldPanel("skj_points"), FieldPanel("path_position")]),
                FieldPanel("requires_reflection"),
                FieldPanel("prerequisites"),
                FieldPanel("prerequisite_modules", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Opzet"),
        ),
        FieldPanel("learning_goals"),
        FieldPanel("body"),
        FieldPanel("materials"),
        MultiFieldPanel(
            [
                FieldPanel("phases", widget=forms.CheckboxSelectMultiple),
                FieldPanel("techniques", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Koppelingen"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["methodology.MethodologyIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("trainingsmodule")
        verbose_name_plural = _("trainingsmodules")

    @property
    def audience_labels(self) -> list[str]:
        labels = dict(AudienceChoices.choices)
        return [labels[value] for value in self.audiences if value in labels]

    @cached_property
    def outline(self) -> outline.Outline:
        return outline.build(self.body.raw_data)

    def card(self, request) -> Card:
        return Card(
            type_label=gettext("Trainingsmodule"),
            title=self.title,
            url=self.get_url(request),
            summary=self.teaser or self.intro,
            date=self.last_published_at.date() if self.last_published_at else None,
            tags=[tag.name for tag in self.tags.all()],
            audience_label=access.audience_label(access.page_audience(self, request.user)),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        anchors = self.outline.anchors
        context["blocks"] = [(block, anchors.get(block.id, "")) for block in self.body]
        path = list(
            access.visible_pages(request.user, TrainingModulePage.objects.sibling_of(self, inclusive=True))
            .order_by("path_position", "path")
            .only("id", "title", "path", "url_path", "depth", "path_position")
        )
        context["training_path"] = path
        context["previous_page"], context["next_page"] = _neighbours(path, self)
        context["prerequisite_pages"] = list(
            access.visible_pages(
                request.user, TrainingModulePage.objects.filter(pk__in=[m.pk for m in self.prerequisite_modules.all()])
            ).only("id", "title", "url_path", "path")
        )
        context["module_phases"] = list(self.phases.all())
        context["module_techniques"] = list(self.techniques.all())
        return context


def _neighbours(pages, current):
    ids = [page.pk for page in pages]
    if current.pk not in ids:
        return None, None
    position = ids.index(current.pk)
    previous = pages[position - 1] if position > 0 else None
    following = pages[position + 1] if position + 1 < len(pages) else None
    return previous, following
