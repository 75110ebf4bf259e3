"""Membership: applying, and a beheerder's decision that makes someone a member (or not)."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from . import access, audit
from .models import MemberProfile, MembershipApplication


def submit_application(user, *, profession: str, organisation: str, motivation: str) -> MembershipApplication:
    application, _created = MembershipApplication.objects.update_or_create(
        user=user,
        defaults={
            "profession": profession,
            "organisation": organisation,
            "motivation": motivation,
            "status": MembershipApplication.Status.PENDING,
            "decision_reason": "",
            "decided_by": None,
            "decided_at": None,
        },
    )
    return application


@transaction.atomic
def decide(application: MembershipApplication, *, approve: bool, reason: str, decided_by) -> None:
    application.status = MembershipApplication.Status.APPROVED if approve else MembershipApplication.Status.REJECTED
    application.decision_reason = reason.strip()
    application.decided_by = decided_by
    application.decided_at = timezone.now()
    application.save()
    user = application.user
    members = Group.objects.get(name=settings.MEMBERS_GROUP)
    if approve:
        user.groups.add(members)
        MemberProfile.objects.update_or_create(
            user=user,
            defaults={"profession": application.profession, "organisation_name": application.organisation},
        )
    else:
        user.groups.remove(members)
    access.forget(user)
    audit.record(
        audit.MEMBERSHIP_DECIDED,
        actor=decided_by,
        target=audit.user_target(user),
        details={"application": application.pk, "decision": application.status},
    )
    transaction.on_commit(lambda: _mail_decision(application))


def _mail_decision(application: MembershipApplication) -> None:
    context = {"application": application, "user": application.user, "site_url": settings.WAGTAILADMIN_BASE_URL}
    approved = application.status == MembershipApplication.Status.APPROVED
    subject = _("Uw lidmaatschap is goedgekeurd") if approved else _("Uw aanvraag voor lidmaatschap")
    template = "community/email/membership_approved.txt" if approved else "community/email/membership_rejected.txt"
    send_mail(
        subject=f"[Kennisplein Scheiding] {subject}",
        message=render_to_string(template, context),
        from_email=None,
        recipient_list=[application.user.email],
    )
