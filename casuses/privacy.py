"""Casussen and personal data: export, erasure (anonymised to "een voormalig lid"), retention, home list."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision

from community.core import access
from community.core.public_content import send_member_activity

from .listing import card_for, with_tags
from .models import Appreciation, CasusDraft, CasusIndexPage, CasusPage, Reaction, ReactionReport, ReactionVersion

HOME_ITEMS = 3


def retention_months() -> int:
    return int(getattr(settings, "CASUS_RETENTION_MONTHS", 24))


def export_casuses(user) -> dict:
    casuses = CasusPage.objects.filter(author=user).order_by("pk")
    return {
        "casussen": [
            {
                "titel": casus.title,
                "situatie": casus.situation,
                "vraag": casus.question,
                "leeftijd_kind": casus.age_band,
                "status": casus.status,
                "vervolg": casus.follow_up,
                "gepubliceerd": casus.live,
                "geplaatst_op": casus.first_published_at.isoformat() if casus.first_published_at else None,
            }
            for casus in casuses
        ],
        "reacties": [
            {
                "casus": reaction.casus.title,
                "reactie": reaction.body,
                "perspectief": reaction.perspective,
                "geplaatst_op": reaction.created_at.isoformat(),
            }
            for reaction in Reaction.objects.filter(author=user).select_related("casus")
        ],
        "eerdere_versies_van_reacties": [
            {"reactie": version.reaction_id, "tekst": version.body, "geschreven_op": version.written_at.isoformat()}
            for version in ReactionVersion.objects.filter(reaction__author=user)
        ],
        "waarderingen": [
            {"reactie": appreciation.reaction_id, "soort": appreciation.kind}
            for appreciation in Appreciation.objects.filter(member=user)
        ],
        "concepten": [draft.data for draft in CasusDraft.objects.filter(author=user)],
        "meldingen": [report.reason for report in ReactionReport.objects.filter(reporter=user)],
    }


def erase_casuses(user) -> None:
    """The discussions stay readable, attributed to "een voormalig lid"; nothing points at the user."""
    casus_ids = [str(pk) for pk in CasusPage.objects.filter(author=user).values_list("pk", flat=True)]
    CasusDraft.objects.filter(author=user).delete()
    CasusPage.objects.filter(author=user).update(author=None)
    CasusPage.objects.filter(owner=user).update(owner=None)
    Reaction.objects.filter(author=user).update(author=None)
    Appreciation.objects.filter(member=user).delete()
    Reaction.objects.filter(hidden_by=user).update(hidden_by=None)
    ReactionReport.objects.filter(reporter=user).update(reporter=None)
    send_member_activity(sender=Reaction)  # shared copies of the pages still name the member
    # Revisions keep a copy of the page fields, including the author: remove it there too.
    revisions = Revision.objects.filter(Q(user=user) | Q(base_content_type__model="page", object_id__in=casus_ids))
    for revision in revisions:
        if revision.user_id == user.pk:
            revision.user = None
        for key in ("author", "owner"):
            if revision.content.get(key) == user.pk:
                revision.content[key] = None
        revision.save(update_fields=["user", "content"])


def archive_old_casuses(now=None) -> int:
    """Archive (unpublish, keep for moderators) casussen without activity for CASUS_RETENTION_MONTHS."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=round(30.44 * retention_months()))
    archived = 0
    for casus in CasusPage.objects.filter(archived_at__isnull=True, last_activity_at__lt=cutoff, live=True):
        casus.archived_at = now
        casus.save(update_fields=["archived_at"])
        casus.unpublish(log_action=False)
        log(casus, "casuses.archive", data={"reason": f"bewaartermijn van {retention_months()} maanden verstreken"})
        archived += 1
    return archived


def home_items(request):
    if not access.is_member(request.user):
        return []
    index = CasusIndexPage.objects.first()
    if index is None:
        return []
    casuses = with_tags(index.casuses_for(request.user).order_by("-first_published_at"))[:HOME_ITEMS]
    return [card_for(casus, request) for casus in casuses]
