"""The audit log records security events, and beheerders (only) can read it in the admin."""

import pytest
from allauth.mfa import signals as mfa_signals
from django.contrib.auth.models import Group, Permission
from django.test import Client

from community.accounts import membership
from community.core import audit, personal_data
from community.demo.factories import UserFactory
from community.models import AuditEvent, MembershipApplication

pytestmark = pytest.mark.django_db


def events(name):
    return list(AuditEvent.objects.filter(event=name))


def test_log_in_success_and_failure_are_recorded(role_users):
    client = Client()
    email = role_users["lid"].email
    client.post("/accounts/login/", {"login": email, "password": "fout"}, REMOTE_ADDR="10.1.2.3")
    failed = events(audit.LOGIN_FAILED)
    assert len(failed) == 1 and failed[0].target == email and failed[0].ip_address == "10.1.2.3"
    assert "fout" not in str(failed[0].details)
    client.post("/accounts/login/", {"login": email, "password": "een-lang-testwachtwoord-42"})
    succeeded = events(audit.LOGIN_SUCCEEDED)
    assert len(succeeded) == 1 and succeeded[0].actor == role_users["lid"]


def test_group_and_flag_changes_are_recorded_with_the_actor(role_users, members_group):
    user = UserFactory()
    AuditEvent.objects.all().delete()
    user.groups.add(members_group)
    user.groups.remove(members_group)
    changes = events(audit.GROUPS_CHANGED)
    assert [event.details["action"] for event in reversed(changes)] == ["add", "remove"]
    assert changes[0].details["groups"] == ["Leden"]
    Group.objects.get(name="Moderators").user_set.add(user)  # from the group's side
    assert events(audit.GROUPS_CHANGED)[0].details == {"action": "add", "groups": ["Moderators"]}
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert events(audit.PERMISSIONS_CHANGED)[0].details["permissions"] == ["access_admin"]
    user.is_superuser = True
    user.save()
    assert events(audit.FLAGS_CHANGED)[0].details == {"is_superuser": True}


def test_mfa_changes_are_recorded(role_users):
    user = role_users["lid"]
    mfa_signals.authenticator_added.send(sender=None, request=None, user=user, authenticator=None)
    mfa_signals.authenticator_removed.send(sender=None, request=None, user=user, authenticator=None)
    assert len(events(audit.MFA_ADDED)) == 1 and len(events(audit.MFA_REMOVED)) == 1


def test_membership_decisions_exports_and_erasures_are_recorded(role_users):
    applicant = role_users["account"]
    application = membership.submit_application(applicant, profession="Mediator", organisation="Org", motivation="m")
    membership.decide(application, approve=True, reason="", decided_by=role_users["beheerder"])
    decided = events(audit.MEMBERSHIP_DECIDED)[0]
    assert (
        decided.actor == role_users["beheerder"]
        and decided.details["decision"] == MembershipApplication.Status.APPROVED
    )
    personal_data.export_all(applicant, actor=applicant)
    personal_data.erase_all(applicant, actor=role_users["beheerder"])
    assert events(audit.DATA_EXPORTED)[0].actor == applicant
    assert events(audit.ACCOUNT_DELETED)[0].actor == role_users["beheerder"]


def test_moderation_actions_in_wagtails_log_are_mirrored(home_page, role_users):
    from wagtail.log_actions import log, registry

    registry.scan_for_actions()
    registry.register_action("casuses.reaction_hidden", "Reactie verborgen", "Reactie verborgen")
    log(home_page, "casuses.reaction_hidden", user=role_users["moderator"], data={"reason": "persoonsgegevens"})
    log(home_page, "wagtail.edit", user=role_users["redacteur"])  # ordinary editing is not a security event
    mirrored = events(audit.MODERATION)
    assert len(mirrored) == 1
    assert mirrored[0].details["action"] == "casuses.reaction_hidden" and mirrored[0].actor == role_users["moderator"]


def test_record_never_breaks_the_action(monkeypatch):
    monkeypatch.setattr(AuditEvent.objects, "create", lambda **kwargs: (_ for _ in ()).throw(RuntimeError("db")))
    assert audit.record("something") is None


@pytest.mark.parametrize(
    "role,status", [("anonymous", 302), ("lid", 302), ("moderator", 302), ("redacteur", 302), ("beheerder", 200)]
)
def test_only_beheerders_read_the_audit_log(client_for, role, status):
    audit.record("login.failed", target="iemand@example.org")
    response = client_for(role).get("/cms/auditlog/")
    assert response.status_code == status
    if status == 200:
        assert "iemand@example.org" in response.content.decode()


def test_audit_log_is_read_only_for_beheerders(client_for):
    event = audit.record("login.failed", target="iemand@example.org")
    client = client_for("beheerder")
    assert client.get(f"/cms/auditlog/inspect/{event.pk}/").status_code == 200
    assert client.get(f"/cms/auditlog/edit/{event.pk}/").status_code in (302, 403, 404)
    assert client.post(f"/cms/auditlog/delete/{event.pk}/").status_code in (302, 403, 404)
    assert AuditEvent.objects.filter(pk=event.pk).exists()
