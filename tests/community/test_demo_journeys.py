"""The demo accounts of a fresh `make run` (load_demo) can start each of the five journeys of issue 12,
from the pages a person reaches by clicking (README: "What to try with each demo account")."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from casuses.models import CasusPage
from community.demo.factories import give_totp
from community.models import MembershipApplication
from lunchsessions.models import LunchSessionPage, Registration
from methodology.models import GuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-wachtwoord-123")
    call_command("load_demo")
    users = {user.username: user for user in get_user_model().objects.all()}
    for staff in ("moderator", "redacteur", "beheerder"):
        give_totp(users[staff])  # the authenticator app they set up on first entry to /cms/
    return users


def as_user(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def journey_1_beheerder_opens_the_pending_application_and_members_read_a_members_only_guide(demo):
    assert Client().get("/accounts/signup/").status_code == 200
    application = MembershipApplication.objects.get(user=demo["aanvrager"], status="pending")
    listing = as_user(demo["beheerder"]).get("/cms/lidmaatschapsaanvragen/").content.decode()
    assert f"/cms/lidmaatschapsaanvragen/edit/{application.pk}/" in listing and "Anouk de Vries" in listing
    guide = next(
        g for g in GuidePage.objects.live() if g.get_view_restrictions().filter(groups__name=settings.MEMBERS_GROUP)
    )
    assert as_user(demo["lid"]).get(guide.url).status_code == 200
    assert as_user(demo["aanvrager"]).get(guide.url).status_code == 403  # a teaser until approved


def journeys_2_and_3_members_post_and_reply_moderators_moderate(demo):
    assert as_user(demo["lid"]).get("/casussen/nieuw/").status_code == 200
    assert as_user(demo["moderator"]).get("/casussen/moderatie/").status_code == 200
    casus = next(c for c in CasusPage.objects.live() if c.reactions.exists() and c.author != demo["vereniging"])
    html = as_user(demo["vereniging"]).get(casus.url).content.decode()
    assert "Reactie plaatsen" in html and "Melding versturen" in html  # reply, and report someone else's reply


def journey_4_redacteur_publishes_a_recap_himself(demo):
    past = LunchSessionPage.objects.live().filter(end__lt=timezone.now()).first()
    assert past is not None and past.get_workflow() is None  # no approval step
    assert past.permissions_for_user(demo["redacteur"]).can_publish()
    assert "Wat op u wacht" in as_user(demo["redacteur"]).get("/cms/").content.decode()
    assert as_user(demo["redacteur"]).get(f"/cms/pages/{past.pk}/edit/").status_code == 200


def journey_5_lid_registers_and_unregisters_so_the_waiting_list_moves_up(demo):
    upcoming = LunchSessionPage.objects.live().filter(start__gt=timezone.now())
    assert any(s.capacity > s.registrations.filter(status=Registration.Status.REGISTERED).count() for s in upcoming)
    full = next(s for s in upcoming if s.registrations.filter(status=Registration.Status.WAITLISTED).exists())
    assert full.registrations.filter(user=demo["lid"], status=Registration.Status.REGISTERED).exists()
    html = as_user(demo["lid"]).get(full.url).content.decode()
    assert "Afmelden" in html


def test_demo_accounts_can_start_every_journey(demo):
    # One test: load_demo takes about a minute on a busy machine, so it runs once for all five journeys.
    journey_1_beheerder_opens_the_pending_application_and_members_read_a_members_only_guide(demo)
    journeys_2_and_3_members_post_and_reply_moderators_moderate(demo)
    journey_4_redacteur_publishes_a_recap_himself(demo)
    journey_5_lid_registers_and_unregisters_so_the_waiting_list_moves_up(demo)
