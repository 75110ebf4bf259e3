import pytest
from django.core.management import call_command

from community.models import MemberProfile, Organisation, ParentMeeting, ParentMeetingPartner

pytestmark = pytest.mark.django_db


def counts():
    return (
        Organisation.objects.count(),
        ParentMeeting.objects.count(),
        ParentMeetingPartner.objects.count(),
        MemberProfile.objects.count(),
        Organisation.objects.filter(certified_since__isnull=False).count(),
    )


def test_demo_network_is_complete_and_idempotent(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-wachtwoord-lang-genoeg")
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == first
    assert first[0] == 14 and first[1] >= 3 and first[4] >= 10
    assert Organisation.objects.get(slug="lindenhout").regions.filter(slug="arnhem").exists()
    assert MemberProfile.objects.filter(expertise__name="kindgesprek").exists()
