"""Applying for membership, and a person's own settings: notification preferences, one-click unsubscribe, data download, account deletion."""

import json

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from community.accounts.forms import DeleteAccountForm, MembershipApplicationForm, NotificationPreferenceForm
from community.accounts.membership import submit_application
from community.core import access, personal_data
from community.core.ratelimit import rate_limit
from community.models import (
    Follow,
    MemberProfile,
    MembershipApplication,
    Notification,
    NotificationPreference,
    SentDigest,
)
from community.notify import unsubscribe
from community.notify.notifications import topic_label


@login_required
def membership_apply(request):
    application = MembershipApplication.objects.filter(user=request.user).first()
    if access.is_member(request.user):
        return render(request, "community/membership_status.html", {"application": application, "member": True})
    if application and application.status == MembershipApplication.Status.PENDING and request.method == "GET":
        return render(request, "community/membership_status.html", {"application": application})

    form = MembershipApplicationForm(request.POST or None, instance=application if application else None)
    if request.method == "POST" and form.is_valid():
        submit_application(request.user, **{name: form.cleaned_data[name] for name in form.Meta.fields})
        messages.success(
            request, _("Dank u wel. Uw aanvraag is ontvangen; een beheerder beoordeelt haar zo snel mogelijk.")
        )
        return redirect("membership_apply")
    return render(request, "community/membership_apply.html", {"form": form, "application": application})


@login_required
@rate_limit("notification_settings", "30/h")
def notification_settings(request):
    preference, _created = NotificationPreference.objects.get_or_create(user=request.user)
    form = NotificationPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uw meldingsinstellingen zijn opgeslagen."))
        return redirect("notification_settings")
    return render(request, "community/notification_settings.html", {"form": form})


@csrf_exempt  # the signed token is the proof; mail programs post here for RFC 8058 one-click unsubscribe
@rate_limit("unsubscribe", "30/h")
def unsubscribe_view(request, token):
    try:
        user_id, topic = unsubscribe.read_token(token)
    except signing.SignatureExpired:
        return render(request, "community/unsubscribe.html", {"state": "expired"}, status=400)
    except signing.BadSignature:
        return render(request, "community/unsubscribe.html", {"state": "invalid"}, status=400)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return render(request, "community/unsubscribe.html", {"state": "invalid"}, status=400)
    label = _("alle e-mails van Kennisplein Scheiding") if topic == unsubscribe.ALL else topic_label(topic)
    if request.method == "POST":
        unsubscribe.unsubscribe(user, topic)
        return render(request, "community/unsubscribe.html", {"state": "done", "label": label})
    # A GET only asks for confirmation: link checkers in mail filters must not unsubscribe anyone.
    return render(request, "community/unsubscribe.html", {"state": "confirm", "label": label})


@login_required
def my_data(request):
    return render(request, "community/my_data.html")


@login_required
@rate_limit("data_export", "20/h", methods=("GET",))
def download_data(request):
    data = {
        "exported_at": timezone.now(),
        "site": "Kennisplein Scheiding",
        **personal_data.export_all(request.user),
    }
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="kennisplein-mijn-gegevens-{stamp}.json"'
    return response


def erase_account(user) -> None:
    """Every app erases or anonymises what it holds, then the account itself goes. All or nothing."""
    with transaction.atomic():
        personal_data.erase_all(user)
        user.delete()


@login_required
@rate_limit("delete_account", "5/h")
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        erase_account(user)
        messages.success(request, _("Uw account is verwijderd. Bedankt voor uw bijdragen."))
        return redirect("/")
    return render(request, "community/delete_account.html", {"form": form})


# The core's own personal data: account, profile, membership application, notification settings, digests.


def export_core(user) -> dict:
    profile = MemberProfile.objects.select_related("organisation", "region").filter(user=user).first()
    application = MembershipApplication.objects.filter(user=user).first()
    preference = NotificationPreference.objects.filter(user=user).first()
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary} for a in user.emailaddress_set.all()
            ],
        },
        "profile": None
        if profile is None
        else {
            "profession": profile.profession,
            "organisation": profile.organisation.name if profile.organisation_id else None,
            "organisation_name": profile.organisation_name,
            "region": profile.region.name if profile.region_id else None,
            "bio": profile.bio,
            "expertise": sorted(profile.expertise.names()),
            "in_directory": profile.in_directory,
            "visibility": {field: getattr(profile, f"{field}_visibility") for field in profile.VISIBILITY_FIELDS},
        },
        "membership_application": None
        if application is None
        else {
            "profession": application.profession,
            "organisation": application.organisation,
            "motivation": application.motivation,
            "status": application.status,
            "decision_reason": application.decision_reason,
            "submitted_at": application.submitted_at,
            "decided_at": application.decided_at,
        },
        "notification_preferences": {
            topic: getattr(preference, topic) if preference else NotificationPreference.DEFAULTS[topic]
            for topic in NotificationPreference.TOPICS
        },
        "sent_digests": [
            {"week": d.week, "sent_at": d.sent_at, "item_count": d.item_count}
            for d in SentDigest.objects.filter(user=user)
        ],
        "follows": [
            {"kind": f.target_kind, "id": f.target_id, "since": f.created_at} for f in Follow.objects.filter(user=user)
        ],
        "notifications": [
            {"kind": n.kind, "about": f"{n.target_kind}:{n.target_id}", "created": n.created_at, "read": n.read_at}
            for n in Notification.objects.filter(recipient=user)
        ],
    }


def erase_core(user) -> None:
    MemberProfile.objects.filter(user=user).delete()
    MembershipApplication.objects.filter(user=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    SentDigest.objects.filter(user=user).delete()
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
