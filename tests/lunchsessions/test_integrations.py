"""Lunch sessions on methodiek phase pages and in the weekly digest, per role."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from lunchsessions.integrations import recaps_since, sessions_for_phase, upcoming_since
from methodology.models import Phase

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_phase_page_lists_sessions_of_that_phase_the_user_may_see(make_session, role_users, client_for):
    phase = Phase.objects.get(slug="begeleide-omgang")
    public = make_session(title="Open sessie over begeleide omgang", slug="open-omgang", phase=phase)
    members = make_session(
        title="Ledensessie over begeleide omgang", slug="leden-omgang", phase=phase, members_only=True
    )
    make_session(title="Andere fase", slug="andere-fase")

    anonymous_titles = [card.title for card in sessions_for_phase(_request(_anonymous()), phase)]
    member_titles = [card.title for card in sessions_for_phase(_request(role_users["lid"]), phase)]
    assert anonymous_titles == [public.title]
    assert sorted(member_titles) == sorted([public.title, members.title])

    page = client_for("anonymous").get(phase.get_absolute_url()).content.decode()
    assert public.title in page and members.title not in page


def test_digest_recaps_and_upcoming_sessions_respect_access(make_session, role_users):
    since = timezone.now() - datetime.timedelta(days=7)
    recap = make_session(title="Terugblik open", slug="terugblik-open", days=-2)
    hidden_recap = make_session(title="Terugblik leden", slug="terugblik-leden", days=-2, members_only=True)
    for session in (recap, hidden_recap):
        session.recap = [("summary", "Een samenvatting van de sessie.")]
        session.save_revision().publish()
    soon = make_session(title="Binnenkort voor leden", slug="binnenkort", days=5, members_only=True)

    account = role_users["account"]
    member = role_users["lid"]
    assert [c.title for c in recaps_since(account, since)] == [recap.title]
    assert sorted(c.title for c in recaps_since(member, since)) == sorted([recap.title, hidden_recap.title])
    assert soon.title not in [c.title for c in upcoming_since(account, since)]
    assert soon.title in [c.title for c in upcoming_since(member, since)]


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
