"""The conversation on a casus: editing and withdrawing one's own reaction, offering a hidden one again,
appreciation, the rounds of a structured intervisie, closing and the follow-up reminder.

Views call these; they decide nothing about who may (the views and ``community.core.access`` do).
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from community.core import access
from community.core.links import absolute_url
from community.core.public_content import send_member_activity
from community.notify.notifications import send_member_mail

from .models.casus import Appreciation, CasusPage, Reaction, ReactionVersion
from .moderation import index_route, mail_moderators, shown_reaction_count


def _count_and_touch(casus_id, **fields) -> None:
    CasusPage.objects.filter(pk=casus_id).update(reaction_count=shown_reaction_count(casus_id), **fields)


@transaction.atomic
def edit_reaction(reaction, user, *, body: str, perspective: str) -> bool:
    """Keep the current wording as an earlier version and store the new one; a hidden reaction is offered
    to the moderators again. False when nothing changed (no version is kept then)."""
    if body == reaction.body and perspective == reaction.perspective and not reaction.hidden:
        return False
    now = timezone.now()
    ReactionVersion.objects.create(
        reaction=reaction,
        body=reaction.body,
        perspective=reaction.perspective,
        written_at=reaction.edited_at or reaction.created_at,
        replaced_at=now,
    )
    reaction.body, reaction.perspective, reaction.edited_at = body, perspective, now
    if reaction.hidden:
        reaction.review_requested_at = now
    reaction.save()  # the search index follows the reaction's save (a hidden one stays out)
    log(reaction, "casuses.reaction_edit", user=user)
    if reaction.hidden:
        mail_moderators(
            _("Aangepaste reactie ter beoordeling"),
            _(
                "Een lid heeft een verborgen reactie op de casus '%(title)s' aangepast en opnieuw aangeboden.\n\n"
                "Beoordeel hem op %(url)s"
            )
            % {"title": reaction.casus.title, "url": index_route(reaction.casus, "moderation")},
        )
    return True


@transaction.atomic
def withdraw_reaction(reaction, user) -> None:
    """The author takes their words back. Privacy first: the text, its earlier versions and its
    appreciations are deleted, not kept for moderators; the thread keeps a notice in its place. Open
    reports are closed (their reasons stay) and the audit log keeps no words of it."""
    reaction.versions.all().delete()
    reaction.appreciations.all().delete()
    reaction.reports.update(resolved=True)
    reaction.body = ""
    reaction.perspective = ""
    reaction.helpful = False
    reaction.review_requested_at = None
    reaction.withdrawn_at = timezone.now()
    reaction.save()
    _count_and_touch(reaction.casus_id)
    log(reaction, "casuses.reaction_withdraw", user=user)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Reaction), object_id=str(reaction.pk)
    ).update(label=str(reaction))


@transaction.atomic
def review_reaction(reaction, user, *, approve: bool, reason: str = "") -> None:
    """A moderator decides on a hidden reaction its author edited and offered again."""
    reaction.review_requested_at = None
    if approve:
        reaction.hidden, reaction.hidden_reason, reaction.hidden_by, reaction.hidden_at = False, "", None, None
    else:
        reaction.hidden_reason, reaction.hidden_by = reason, user
    reaction.save()
    _count_and_touch(reaction.casus_id)
    log(reaction, "casuses.reaction_review", user=user, data={"approved": approve, "reason": reason})
    url = absolute_url(f"{reaction.casus.url}#reactie-{reaction.pk}")
    if approve:
        subject = _("Uw aangepaste reactie is weer zichtbaar")
        text = _("Een moderator heeft uw aangepaste reactie op de casus '%(title)s' goedgekeurd.\n\n%(url)s")
    else:
        subject = _("Uw aangepaste reactie blijft verborgen")
        text = _(
            "Een moderator heeft uw aangepaste reactie op de casus '%(title)s' bekeken; hij blijft verborgen.\n\n"
            "Reden: %(reason)s\n\nU kunt hem opnieuw aanpassen op %(url)s"
        )
    _mail_member(reaction.author, subject, text % {"title": reaction.casus.title, "url": url, "reason": reason})


def toggle_appreciation(reaction, user, kind: str) -> bool:
    """Mark or unmark; True when the mark is now given."""
    removed, _by_kind = Appreciation.objects.filter(reaction=reaction, member=user, kind=kind).delete()
    if removed:
        return False
    try:
        with transaction.atomic():
            Appreciation.objects.create(reaction=reaction, member=user, kind=kind)
    except IntegrityError:  # a second click that crossed the first
        pass
    return True


def next_round(casus, user) -> bool:
    """The poster opens the next round; False when there is none (or another request was first)."""
    if not casus.has_next_round:
        return False
    moved = CasusPage.objects.filter(pk=casus.pk, current_round=casus.current_round).update(
        current_round=casus.current_round + 1, last_activity_at=timezone.now()
    )
    if moved:
        log(casus, "casuses.next_round", user=user, data={"round": casus.current_round + 1})
        send_member_activity(sender=CasusPage)
    return bool(moved)


def close_casus(casus, user, follow_up: str, remind_weeks: int | None) -> None:
    """Close an open casus, or add to the follow-up of a closed one; a chosen reminder replaces an earlier one."""
    now = timezone.now()
    fields = {"last_activity_at": now}
    if follow_up:
        fields["follow_up"] = follow_up
    if remind_weeks:
        fields["follow_up_remind_at"] = now + datetime.timedelta(weeks=remind_weeks)
        fields["follow_up_reminded_at"] = None
    if casus.is_open:
        fields.update(status=CasusPage.Status.CLOSED, closed_at=now)
    CasusPage.objects.filter(pk=casus.pk).update(**fields)
    send_member_activity(sender=CasusPage)
    log(casus, "casuses.close" if casus.is_open else "casuses.follow_up", user=user)


def send_follow_up_reminders(now=None) -> int:
    """Mail "Hoe is het afgelopen?" once per chosen reminder that is due (idempotent: each is claimed
    by setting ``follow_up_reminded_at`` before it is sent). Returns how many were sent."""
    now = now or timezone.now()
    due = CasusPage.objects.filter(
        follow_up_remind_at__lte=now, follow_up_reminded_at__isnull=True, author__isnull=False
    ).select_related("author")
    sent = 0
    for casus in due:
        if not CasusPage.objects.filter(pk=casus.pk, follow_up_reminded_at__isnull=True).update(
            follow_up_reminded_at=now
        ):
            continue  # another run took it
        if _author_may_open(casus):
            sent += _mail_reminder(casus)
    return sent


def _author_may_open(casus) -> bool:
    author = casus.author
    if not (author.is_active and author.email and casus.live and casus.archived_at is None):
        return False
    return access.visible_pages(author, CasusPage.objects.filter(pk=casus.pk)).exists()


def _mail_reminder(casus) -> int:
    text = _(
        "U sloot uw casus '%(title)s' af en vroeg om een herinnering. Hoe is het afgelopen?\n\n"
        "Collega's leren van wat u deed en wat het opleverde. Vul het vervolg aan op %(url)s\n\n"
        "Dit is de enige herinnering voor deze casus."
    ) % {"title": casus.title, "url": absolute_url(casus.url + "#vervolg")}
    send_member_mail(casus.author, subject=_("Hoe is het afgelopen?"), text=text, headers={})
    return 1


def _mail_member(user, subject: str, text: str) -> None:
    if user is None or not user.is_active or not user.email:
        return
    transaction.on_commit(lambda: send_member_mail(user, subject=subject, text=text, headers={}))
