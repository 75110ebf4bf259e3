"""Moderation of casussen: the workflow, submitting from the front-end, decisions, and their trail."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin import signal_handlers
from wagtail.log_actions import log
from wagtail.models import TaskState, Workflow, WorkflowState
from wagtail.signals import task_approved, task_rejected, workflow_submitted
from wagtail.users.models import UserProfile

from community.core import access
from community.core.links import absolute_url

from .models.casus import AnonymityCheckTask, CasusPage, Reaction, ReactionReport

WORKFLOW_NAME = "Casusmoderatie"
TASK_NAME = "Anonimiteitscontrole"


def moderation_workflow() -> Workflow:
    return Workflow.objects.get(name=WORKFLOW_NAME)


def _slug_for(index, title: str, token) -> str:
    base = f"{slugify(title)[:60].strip('-') or 'casus'}-{token.hex[:6]}"
    slug, n = base, 1
    while index.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def submit_casus(index, user, *, data: dict, token, casus=None):
    """Store the casus as a draft revision under the index and start the moderation workflow (never published here)."""
    if casus is None:
        page = CasusPage(
            title=data["title"], slug=_slug_for(index, data["title"], token), live=False, author=user, owner=user
        )
        _fill(page, data, token)
        index.add_child(instance=page)
    else:
        page = casus.get_latest_revision_as_object()
        _fill(page, data, token)
        page.save(update_fields=["submission_token"]) if casus.live else page.save()
    page.tags.set(data["tags"])
    page.save_revision(user=user)
    state = page.current_workflow_state
    if state is not None and state.status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES):
        state.cancel(user=user)
    _no_admin_mails(user)
    moderation_workflow().start(page, user)  # workflow_submitted: after_submission logs and mails
    return page


@receiver(workflow_submitted, dispatch_uid="casuses_after_submission")
def after_submission(sender, instance, user, **kwargs) -> None:
    """A casus entered the anonymity check (from the front-end or the admin): log it, tell the moderators."""
    page = CasusPage.objects.filter(pk=instance.object_id).first() if is_casus_workflow_object(instance) else None
    if page is None:
        return
    log(page, "casuses.submit", user=user)
    mail_moderators(
        _("Nieuwe casus ter controle"),
        _("Er wacht een casus op de anonimiteitscontrole: '%(title)s'.\n\nControleer hem op %(url)s")
        % {"title": page.title, "url": index_route(page, "moderation")},
    )


def moderators():
    return (
        get_user_model()
        .objects.filter(groups__name=access.MODERATORS_GROUP, is_active=True)
        .exclude(email="")
        .distinct()
    )


def mail_moderators(subject: str, text: str) -> None:
    addresses = list(moderators().values_list("email", flat=True))
    for address in addresses:
        _mail_on_commit(address, subject, text)


def _mail_on_commit(address: str, subject: str, text: str) -> None:
    transaction.on_commit(lambda: send_mail(f"[Kennisplein Scheiding] {subject}", text, None, [address]))


def is_casus_workflow_object(instance) -> bool:
    """Whether a Wagtail workflow or task state belongs to the casus moderation."""
    workflow_state = getattr(instance, "workflow_state", instance)
    task = getattr(instance, "task", None)
    if task is not None and isinstance(task.specific, AnonymityCheckTask):
        return True
    workflow = getattr(workflow_state, "workflow", None)
    return workflow is not None and workflow.name == WORKFLOW_NAME


def silence_stock_workflow_mails() -> None:
    """Wagtail mails moderators and superusers about casus workflow steps with links into /cms/; for
    casussen we send our own mails (to /casussen/moderatie/ and the casus page) instead."""
    for notifier in (
        signal_handlers.task_submission_email_notifier,
        signal_handlers.workflow_submission_email_notifier,
        signal_handlers.workflow_approval_email_notifier,
        signal_handlers.workflow_rejection_email_notifier,
    ):
        stock = notifier.can_handle
        notifier.can_handle = lambda instance, _stock=stock, **kwargs: (
            not is_casus_workflow_object(instance) and _stock(instance, **kwargs)
        )


def _no_admin_mails(user):
    """Members hear about decisions from us (in Dutch, with the reason and a front-end link), not from
    Wagtail's admin notifications, which link to an admin they cannot open."""

    if access.has_admin_access(user):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def _fill(page, data, token):
    page.title = data["title"]
    page.draft_title = data["title"]
    page.situation = data["situation"]
    page.question = data["question"]
    page.age_band = data["age_band"]
    page.phase = data.get("phase")
    page.show_on_profile = bool(data.get("show_on_profile"))
    page.conversation_format = data.get("conversation_format") or page.conversation_format
    page.submission_token = token


def pending_task_states():
    return (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__in=AnonymityCheckTask.objects.all())
        .select_related("workflow_state", "revision")
        .order_by("started_at")
    )


def decide(task_state, user, *, approve: bool, reason: str = ""):
    task = task_state.task.specific
    task.on_action(task_state, user, "approve" if approve else "reject", comment=reason)


@receiver(task_approved, dispatch_uid="casuses_after_approval")
def after_approval(sender, instance, user, **kwargs) -> None:
    if is_casus_workflow_object(instance):
        after_decision(instance, user, "approve", instance.comment)


@receiver(task_rejected, dispatch_uid="casuses_after_rejection")
def after_rejection(sender, instance, user, **kwargs) -> None:
    if is_casus_workflow_object(instance):
        after_decision(instance, user, "reject", instance.comment)


def after_decision(task_state, user, action_name: str, comment: str) -> None:
    """A moderator decided (Wagtail's task_approved / task_rejected, from the admin and the front-end alike)."""
    page = CasusPage.objects.filter(pk=task_state.workflow_state.object_id).first()
    if page is None:
        return
    action = "casuses.approve" if action_name == "approve" else "casuses.reject"
    log(page, action, user=user, data={"reason": comment, "revision": task_state.revision_id})
    if action_name == "approve":
        CasusPage.objects.filter(pk=page.pk).update(last_activity_at=timezone.now())
        _mail_author(
            page,
            _("Uw casus is goedgekeurd"),
            _(
                "Uw casus '%(title)s' is goedgekeurd door een moderator en staat nu voor leden op Kennisplein Scheiding.\n\n"
                "%(url)s"
            )
            % {"title": page.title, "url": _casus_or_mine(page)},
        )
    elif action_name == "reject":
        _mail_author(
            page,
            _("Uw casus is niet goedgekeurd"),
            _(
                "Een moderator heeft uw casus '%(title)s' niet goedgekeurd.\n\nReden: %(reason)s\n\n"
                "U kunt de casus aanpassen en opnieuw indienen via %(url)s"
            )
            % {
                "title": page.title,
                "reason": comment or _("(geen reden opgegeven)"),
                "url": index_route(page, "mine"),
            },
        )


def _casus_or_mine(page) -> str:
    url = CasusPage.objects.get(pk=page.pk).get_url()
    return absolute_url(url) if url else index_route(page, "mine")


def index_route(casus, name: str) -> str:
    """A route of the casus index (``moderatie/``, ``mijn/``) as an absolute URL: the index is the casus's parent."""
    return absolute_url(casus.get_parent().specific.route_url(name))


def _mail_author(page, subject, text):
    author = page.author
    if author is None or not author.email:
        return
    _mail_on_commit(author.email, subject, text)


@transaction.atomic
def withdraw(page, user):
    state = page.current_workflow_state
    if state is not None and state.status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES):
        state.cancel(user=user)
    if page.live:
        page.unpublish(log_action=False)  # the author has no page permissions; we log the action ourselves
    log(page, "casuses.withdraw", user=user)


@transaction.atomic
def hide_reaction(reaction, user, reason: str):
    reaction.hidden = True
    reaction.hidden_reason = reason
    reaction.hidden_by = user
    reaction.hidden_at = timezone.now()
    reaction.save()
    reaction.reports.update(resolved=True)
    CasusPage.objects.filter(pk=reaction.casus_id).update(reaction_count=shown_reaction_count(reaction.casus_id))
    log(reaction, "casuses.reaction_hide", user=user, data={"reason": reason})
    author = reaction.author
    if author is not None and author.email and author.is_active:
        _mail_on_commit(
            author.email,
            _("Uw reactie is verborgen"),
            _(
                "Een moderator heeft uw reactie op de casus '%(title)s' verborgen.\n\nReden: %(reason)s\n\n"
                "Leden zien de reactie niet meer. De casus staat op %(url)s"
            )
            % {"title": reaction.casus.title, "reason": reason, "url": absolute_url(reaction.casus.get_url())},
        )


def shown_reaction_count(casus_id) -> int:
    """Reactions every reader sees (not hidden, not withdrawn): the count on cards and lists."""
    return Reaction.objects.filter(casus_id=casus_id, hidden=False, withdrawn_at__isnull=True).count()


def report_reaction(reaction, reporter, reason: str):
    """Store a member's report (once per member) and tell the moderators."""
    report, created = ReactionReport.objects.get_or_create(
        reaction=reaction, reporter=reporter, defaults={"reason": reason}
    )
    if created:
        log(reaction, "casuses.report", user=reporter, data={"reason": reason})
        mail_moderators(
            _("Nieuwe melding van een reactie"),
            _(
                "Een lid heeft een reactie op de casus '%(title)s' gemeld.\n\nReden: %(reason)s\n\n"
                "Bekijk de melding op %(url)s"
            )
            % {
                "title": reaction.casus.title,
                "reason": reason,
                "url": index_route(reaction.casus, "moderation"),
            },
        )
    return report


def resolve_report(report, user):
    """The moderator looked at the report and leaves the reaction visible."""
    report.resolved = True
    report.save(update_fields=["resolved"])
    log(report.reaction, "casuses.report_resolve", user=user, data={"report": report.pk})
