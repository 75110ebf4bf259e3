"""Casussen on methodiek phase pages and in the weekly digest: members only."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from casuses.integrations import casuses_for_phase, new_casuses_since
from community.models import MemberProfile
from methodology.models import Phase

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_phase_page_shows_casussen_of_the_phase_to_members_only(make_casus, role_users, client_for):
    phase = Phase.objects.get(slug="overdrachtsbegeleiding")
    casus = make_casus(title="Overdracht loopt uit op ruzie", phase=phase)
    make_casus(title="Casus in een andere fase")

    assert [c.title for c in casuses_for_phase(_request(role_users["lid"]), phase)] == [casus.title]
    assert casuses_for_phase(_request(role_users["account"]), phase) == []
    assert casus.title not in client_for("anonymous").get(phase.get_absolute_url()).content.decode()
    assert casus.title in client_for("lid").get(phase.get_absolute_url()).content.decode()


def test_digest_lists_new_casussen_with_the_members_expertise_tags(make_casus, role_users):
    member = role_users["lid"]
    profile = MemberProfile.objects.create(user=member, profession="Jeugdhulpverlener")
    profile.expertise.set(["contactverlies"])
    since = timezone.now() - datetime.timedelta(days=7)
    matching = make_casus(title="Contactverlies na verhuizing", tags=("contactverlies",))
    make_casus(title="Iets anders", tags=("financien",))

    assert [c.title for c in new_casuses_since(member, since)] == [matching.title]
    outsider = role_users["account"]
    MemberProfile.objects.create(user=outsider).expertise.set(["contactverlies"])
    assert new_casuses_since(outsider, since) == []


def test_member_profile_lists_casussen_shown_as_theirs_and_replies(make_casus, role_users, client_for):
    from casuses.models import Reaction
    from community.models import MemberProfile

    author = role_users["lid"]
    MemberProfile.objects.create(user=author, profession="Jeugdhulpverlener")
    shown = make_casus(author, title="Zichtbaar op profiel", show_on_profile=True)
    make_casus(author, title="Niet op profiel")
    Reaction.objects.create(casus=shown, author=author, body="Probeer eerst een gezamenlijk gesprek.")

    page = client_for("vereniging").get(f"/leden/{author.pk}/").content.decode()
    assert "Zichtbaar op profiel" in page
    assert "Niet op profiel" not in page
    assert "Probeer eerst een gezamenlijk gesprek." in page
    assert client_for("account").get(f"/leden/{author.pk}/").status_code in (302, 403)
