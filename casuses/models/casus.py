"""Casussen: anonymised case questions that members put to colleagues, and the colleagues' reactions.
A ``CasusPage`` lives under the members-only ``CasusIndexPage`` (``index.py``, ``/casussen/``). Members
never use the Wagtail admin: they post through the front-end form (``casuses/views.py``), which runs the
anonymity check (``casuses/anonymity.py``) and then starts the moderation workflow, whose task is an
``AnonymityCheckTask`` ("anonimiteitscontrole") for the group Moderators.

The views import this module; it imports no views (the index page, whose routes call them, sits above).
"""

import uuid
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask, Page

from community.core import page_cache
from community.core.access import is_moderator
from community.core.cache import now_and_on_commit
from community.core.personal_data import FORMER_MEMBER
from community.core.privacy import private

from ..checking import check_fields
from ..forms import CasusForm, CloseForm, ReactionForm, field_rows
from ..vocabulary import (  # noqa: F401 - PER_PAGE re-exported for casuses.models
    AGE_BANDS,
    PER_PAGE,
    ROUND_EXPLANATIONS,
    AppreciationKind,
    CasusStatus,
    ConversationFormat,
    Perspective,
    Round,
)

# What the conversation changes on the live page without a revision (closing, rounds, counts,
# reminders): publishing a later revision (an approved edit) must not turn these back.
CONVERSATION_FIELDS = (
    "status",
    "follow_up",
    "closed_at",
    "reaction_count",
    "last_activity_at",
    "archived_at",
    "current_round",
    "follow_up_remind_at",
    "follow_up_reminded_at",
)


# Who appreciated what on a casus, in the shared cache; a change forgets it at once.
APPRECIATIONS_SECONDS = 600


class CasusTag(TaggedItemBase):
    content_object = ParentalKey("casuses.CasusPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("casustag")
        verbose_name_plural = _("casustags")


class CasusPage(Page):
    # Members who neither posted it nor reacted share one copy per audience (community.core.holes).
    shared_by_audience = True
    Status = CasusStatus

    situation = models.TextField(_("situatie"), max_length=6000)
    question = models.TextField(_("vraag aan collega's"), max_length=2000)
    age_band = models.CharField(_("leeftijd kind"), max_length=5, choices=AGE_BANDS, blank=True, db_index=True)
    phase = models.ForeignKey(
        "methodology.Phase",
        verbose_name=_("fase van de methodiek"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casuses",
    )
    tags = ClusterTaggableManager(through=CasusTag, blank=True, verbose_name=_("tags"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casuses",
    )
    show_on_profile = models.BooleanField(
        _("tonen op mijn ledenprofiel"),
        default=False,
        help_text=_("Collega-leden zien deze casus dan bij uw bijdragen op uw profiel."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    follow_up = models.TextField(_("vervolg: wat ik heb gedaan en wat het opleverde"), blank=True, max_length=4000)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    reaction_count = models.PositiveIntegerField(_("aantal reacties"), default=0)
    last_activity_at = models.DateTimeField(_("laatste activiteit"), default=timezone.now, db_index=True)
    archived_at = models.DateTimeField(_("gearchiveerd op"), null=True, blank=True, db_index=True)
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    conversation_format = models.CharField(
        _("vorm van het gesprek"), max_length=10, choices=ConversationFormat.choices, default=ConversationFormat.FREE
    )
    current_round = models.PositiveSmallIntegerField(_("huidige ronde"), choices=Round.choices, default=Round.QUESTIONS)
    follow_up_remind_at = models.DateTimeField(
        _("herinnering aan het vervolg op"), null=True, blank=True, db_index=True
    )
    follow_up_reminded_at = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("situation"),
        FieldPanel("question"),
        FieldPanel("age_band"),
        FieldPanel("phase"),
        FieldPanel("tags"),
        FieldPanel("conversation_format"),
        # The poster's own conversation state (``CONVERSATION_FIELDS``): shown, changed only on the site.
        FieldPanel("status", read_only=True),
        FieldPanel("follow_up", read_only=True),
    ]
    parent_page_types = ["casuses.CasusIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")

    @property
    def author_name(self) -> str:
        if self.author_id is None:
            return FORMER_MEMBER
        return self.author.get_full_name() or _("een lid")

    @property
    def teaser(self):
        return _("Een geanonimiseerde casus die een lid aan collega's voorlegt. Alleen leden kunnen hem lezen.")

    def restricted_stand_in(self):
        """What a non-member's teaser shows instead of this page: the title is member content too."""
        return SimpleNamespace(title=_("Casus"), seo_title="", search_description="", teaser=self.teaser)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def in_rounds(self) -> bool:
        return self.conversation_format == ConversationFormat.ROUNDS

    @property
    def has_next_round(self) -> bool:
        return self.is_open and self.in_rounds and self.current_round < Round.REFLECTION

    def may_react(self, user) -> bool:
        """Open, and in the reflection round only the poster writes."""
        if not self.is_open:
            return False
        return not (self.in_rounds and self.current_round == Round.REFLECTION and self.author_id != user.pk)

    def round_of_new_reaction(self):
        return self.current_round if self.in_rounds else None

    def with_content_json(self, content):
        """A revision brings the text; the conversation's state stays as it is on the live page."""
        obj = super().with_content_json(content)
        for name in CONVERSATION_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    def get_sitemap_urls(self, request=None):
        return []

    def clean(self):
        super().clean()
        routes = set().union(*(getattr(parent, "route_slugs", set)() for parent in self.allowed_parent_page_models()))
        if self.slug in routes:
            raise ValidationError(
                {
                    "slug": _(
                        "Het adres “%(slug)s” is al in gebruik voor een vaste functie van het casusoverzicht "
                        "(zoals nieuw, mijn of moderatie). Kies een ander adres (slug)."
                    )
                    % {"slug": self.slug}
                }
            )

    def index_url(self, request=None) -> str:
        """The URL of the index this casus is under (its own minus its slug), for the index's routes."""
        url = self.get_url(request)
        return url[: -len(self.slug) - 1] if url else ""

    def is_moderator(self, user) -> bool:
        return is_moderator(user)

    def get_context(self, request, *args, **kwargs):
        """The casus, its reactions (the one that helped most first; hidden ones for moderators and for
        their own author; open reports and earlier versions for moderators only) and empty reaction and
        close forms; ``extra`` replaces parts, e.g. a refused reaction form with its findings."""
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        moderator = is_moderator(user)
        is_author = user.is_authenticated and self.author_id == user.pk
        reaction_form = ReactionForm(casus=self, is_author=is_author)
        close_form = CloseForm(initial={"follow_up": self.follow_up})
        reactions = list(self.thread_for(moderator))
        # Everyone who wrote here reads the page as no one else does (their own reactions, hidden or
        # not, with their controls): the audience's shared copy is never theirs (community.core.page_cache).
        page_cache.not_shared_with(request, {self.author_id, *(reaction.author_id for reaction in reactions)})
        context.update(
            {
                "reactions": reactions
                if moderator
                else [r for r in reactions if not r.hidden or r.author_id == user.pk],
                "is_author": is_author,
                "may_react": user.is_authenticated and self.may_react(user),
                "index_url": self.index_url(request),
                "is_moderator": moderator,
                "rounds": self.round_steps(),
                "reaction_form": reaction_form,
                "reaction_rows": field_rows(reaction_form, []),
                "close_form": close_form,
                "close_rows": field_rows(close_form, []),
                "tags": [tag.name for tag in self.tags.all()],
            }
        )
        self._load_author_and_phase()
        if getattr(request, "is_preview", False):
            # Moderators reviewing in the Wagtail admin see what the automatic check still finds.
            data = {"title": self.title, "situation": self.situation, "question": self.question}
            context["preview_checked"] = check_fields(CasusForm, data)
        context.update(kwargs.get("extra") or {})
        return context

    def thread_for(self, moderator: bool):
        """Every reaction, the one that helped most first; for moderators with open reports and earlier
        versions, in a constant number of queries. Others read the ones not hidden and their own."""
        reactions = self.reactions.select_related("author").order_by("-helpful", "created_at", "pk")
        if moderator:
            reports = Count("reports", filter=Q(reports__resolved=False), distinct=True)
            return reactions.annotate(open_reports=reports).prefetch_related("versions")
        return reactions

    def round_steps(self) -> list:
        if not self.in_rounds:
            return []
        return [
            {
                "number": value,
                "label": label,
                "current": value == self.current_round,
                "explanation": ROUND_EXPLANATIONS[value],
            }
            for value, label in Round.choices
        ]

    def _load_author_and_phase(self) -> None:
        """The author's name and the phase in one query instead of one each."""
        if self.author_id is None and self.phase_id is None:
            return
        loaded = (
            CasusPage.objects.select_related("author", "phase")
            .only("author__first_name", "author__last_name", "phase__name", "phase__slug")
            .get(pk=self.pk)
        )
        self.author, self.phase = loaded.author, loaded.phase

    def serve(self, request, *args, **kwargs):
        if self.archived_at and not is_moderator(request.user):
            raise Http404
        return private(super().serve(request, *args, **kwargs))

    def serve_preview(self, request, mode_name):
        return private(super().serve_preview(request, mode_name))

    def render_with(self, request, extra: dict, status: int = 200):
        """Render this casus with extra context, e.g. a refused reaction form with its findings."""
        context = self.get_context(request, extra=extra)
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        return private(response)


class Reaction(models.Model):
    Perspective = Perspective  # the choices live in vocabulary.py, shared with the form

    casus = models.ForeignKey(CasusPage, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="reactions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casus_reactions",
    )
    body = models.TextField(_("reactie"), max_length=4000)
    perspective = models.CharField(_("perspectief"), max_length=30, choices=Perspective.choices, blank=True)
    helpful = models.BooleanField(_("nuttig volgens de inbrenger"), default=False)
    hidden = models.BooleanField(_("verborgen"), default=False)
    hidden_reason = models.TextField(_("reden van verbergen"), blank=True, max_length=1000)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("geplaatst op"), default=timezone.now)
    round = models.PositiveSmallIntegerField(_("ronde"), choices=Round.choices, null=True, blank=True)
    edited_at = models.DateTimeField(_("bewerkt op"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    review_requested_at = models.DateTimeField(_("opnieuw aangeboden op"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["casus", "created_at"])]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")

    def __str__(self):
        # No words of the reaction: this label is stored in the audit log, which outlives an edit or withdrawal.
        return f"{self._meta.verbose_name} {self.pk} ({self.author_name})"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_shown(self) -> bool:
        """Visible to every reader of the casus (a withdrawn one as its notice)."""
        return not self.hidden and not self.is_withdrawn

    @property
    def author_name(self) -> str:
        if self.author_id is None:
            return FORMER_MEMBER
        return self.author.get_full_name() or _("een lid")


class ReactionVersion(models.Model):
    """An earlier wording of an edited reaction, for moderators only: never in search, feeds, mails or the
    page for members. Removed with the reaction when its author withdraws it."""

    reaction = models.ForeignKey(Reaction, on_delete=models.CASCADE, related_name="versions")
    body = models.TextField(_("reactie"), max_length=4000)
    perspective = models.CharField(_("perspectief"), max_length=30, choices=Perspective.choices, blank=True)
    written_at = models.DateTimeField(_("geschreven op"))
    replaced_at = models.DateTimeField(_("vervangen op"), default=timezone.now)

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        verbose_name = _("eerdere versie van een reactie")
        verbose_name_plural = _("eerdere versies van reacties")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


class Appreciation(models.Model):
    """A member finds a reaction "herkenbaar" or "bruikbaar" (one of each per member and reaction)."""

    Kind = AppreciationKind

    reaction = models.ForeignKey(Reaction, on_delete=models.CASCADE, related_name="appreciations")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=15, choices=AppreciationKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reaction", "member", "kind"], name="one_appreciation_per_kind")]
        verbose_name = _("waardering")
        verbose_name_plural = _("waarderingen")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    @classmethod
    def given_on(cls, casus_ids) -> dict:
        """{(reaction id, kind): {member ids}} for the reactions of these casussen, from the shared cache."""
        keys = {casus_id: cls._given_key(casus_id) for casus_id in casus_ids}
        found = cache.get_many(list(keys.values()))
        given = {}
        for casus_id, key in keys.items():
            rows = found.get(key)
            if rows is None:
                rows = list(
                    cls.objects.filter(reaction__casus_id=casus_id).values_list("reaction_id", "kind", "member_id")
                )
                cache.set(key, rows, APPRECIATIONS_SECONDS)
            for reaction_id, kind, member_id in rows:
                given.setdefault((reaction_id, kind), set()).add(member_id)
        return given

    @staticmethod
    def _given_key(casus_id) -> str:
        return f"kennisplein:appreciations:{casus_id}"

    @classmethod
    def forget_given(cls, sender=None, instance=None, **kwargs) -> None:
        """After an appreciation is given or taken back: now and once the change is committed."""
        casus_id = Reaction.objects.filter(pk=instance.reaction_id).values_list("casus_id", flat=True).first()
        key = cls._given_key(casus_id)
        now_and_on_commit(lambda: cache.delete(key))


class ReactionReport(models.Model):
    reaction = models.ForeignKey(Reaction, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("reden"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(_("afgehandeld"), default=False, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["reaction", "reporter"], name="one_report_per_member")]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


class CasusDraft(models.Model):
    """What a member typed in the casus form, kept server-side until submitted: nothing is lost.

    Only the author ever sees a draft; it is not a page and moderators never see it.
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="casus_drafts")
    casus = models.ForeignKey(CasusPage, null=True, blank=True, on_delete=models.CASCADE, related_name="drafts")
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["author", "-updated_at"])]
        verbose_name = _("concept")
        verbose_name_plural = _("concepten")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"


class AnonymityCheckTask(AbstractGroupApprovalTask):
    """The "anonimiteitscontrole": a moderator checks that a casus identifies nobody.

    Rejecting asks for a reason, which is mailed to the author; every decision is logged.
    """

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Afwijzen met reden"), True),
                ("approve", _("Goedkeuren"), False),
            ]
        return []

    @classmethod
    def get_description(cls):
        return _("Moderatoren controleren of de casus niemand herkenbaar maakt en keuren hem goed of af.")

    class Meta:
        verbose_name = _("anonimiteitscontrole")
        verbose_name_plural = _("anonimiteitscontroles")
