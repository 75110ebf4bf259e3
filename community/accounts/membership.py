"""Membership: applying, and a beheerder's decision that makes someone a member (or not)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.core import access, audit
from community.core.links import absolute_url, base_url
from community.models import MemberProfile, MembershipApplication


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
    _mail_beheerders(application)
    return application


def application_reviewers():
    """Who decides on applications: active superusers with an e-mail address."""
    return get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")


def _mail_beheerders(application: MembershipApplication) -> None:
    recipients = list(application_reviewers().values_list("email", flat=True))
    if not recipients:
        return
    context = {
        "application": application,
        "url": absolute_url(reverse("lidmaatschapsaanvragen:edit", args=[application.pk])),
        "list_url": absolute_url(reverse("lidmaatschapsaanvragen:index")),
    }
    subject = "[Kennisplein Scheiding] " + _("Nieuwe lidmaatschapsaanvraag van %(name)s") % {
        "name": application.applicant
    }
    body = render_to_string("community/email/membership_submitted.txt", context)
    # Rendered now, inside the request, so the links name the host that served it.
    transaction.on_commit(lambda: send_mail(subject=subject, message=body, from_email=None, recipient_list=recipients))


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
    _mail_decision(application)


def _mail_decision(application: MembershipApplication) -> None:
    context = {"application": application, "user": application.user, "site_url": base_url()}
    approved = application.status == MembershipApplication.Status.APPROVED
    subject = _("Uw lidmaatschap is goedgekeurd") if approved else _("Uw aanvraag voor lidmaatschap")
    template = "community/email/membership_approved.txt" if approved else "community/email/membership_rejected.txt"
    body = render_to_string(template, context)
    transaction.on_commit(
        lambda: send_mail(
            subject=f"[Kennisplein Scheiding] {subject}",
            message=body,
            from_email=None,
            recipient_list=[application.user.email],
        )
    )
