"""Issue 18 point 5: the notification centre /meldingen/, the bell, and that nothing restricted shows in a
notification or a mail for someone who may no longer see it (re-checked when shown and when mailed)."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from casuses.models import CasusIndexPage, CasusPage, Reaction, ensure_index
from community.demo.factories import MemberFactory
from community.models import Follow, Notification, NotificationPreference, SentDigest
from community.notify import digest, events
from lunchsessions.factories import LunchSessionPageFactory
from lunchsessions.models import LunchSeries, LunchSessionIndexPage
from methodology.models import Phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def casuses(home_page, role_users):
    index = ensure_index(home_page)

    def make(n, author):
        page = CasusPage(
            title=f"Casus {n} over de overdracht",
            slug=f"casus-{n}",
            situation="De overdracht loopt uit op ruzie.",
            question="Hoe pakken jullie dit aan?",
            author=author,
            owner=author,
        )
        index.add_child(instance=page)
        page.save_revision().publish(skip_permission_checks=True)
        return CasusPage.objects.get(pk=page.pk)

    return make


def notify_reactions(casus, actor, count):
    reactions = Reaction.objects.bulk_create([Reaction(casus=casus, author=actor, body="Advies") for _ in range(count)])
    for reaction in reactions:
        events.publish("reaction", "casus", casus.pk, detail_id=reaction.pk, actor=actor, follows=[("casus", casus.pk)])
    return reactions


@pytest.mark.parametrize(
    "role,status",
    [
        ("anonymous", 302),
        ("account", 403),
        ("lid", 200),
        ("vereniging", 200),
        ("moderator", 200),
        ("redacteur", 200),
        ("beheerder", 200),
    ],
)
def test_centre_per_role(client_for, role, status):
    response = client_for(role).get("/meldingen/")
    assert response.status_code == status
    if status == 200:
        assert "no-store" in response["Cache-Control"]
        assert "U hebt nog geen meldingen." in response.content.decode()


def test_centre_groups_per_casus_marks_read_and_the_bell_counts(casuses, role_users, client_for):
    lid, other = role_users["lid"], role_users["vereniging"]
    first, second = casuses(1, lid), casuses(2, lid)
    notify_reactions(first, other, 2)
    (reaction,) = notify_reactions(second, other, 1)
    client = client_for("lid")
    html = client.get("/meldingen/").content.decode()
    assert html.count('class="notification-group notification-group--unread"') == 2
    assert html.index("Casus 2 over de overdracht") < html.index("Casus 1 over de overdracht")  # newest first
    assert html.count("notification--unread") == 3 and "Alles gelezen" in html
    assert 'class="site-bell__count">3<' in html
    assert f"{escape(role_users['vereniging'].get_full_name())} reageerde op" in html

    opened = Notification.objects.get(recipient=lid, detail_id=reaction.pk)
    response = client.get(f"/meldingen/{opened.pk}/")
    assert response.status_code == 302 and response["Location"] == f"{second.url}#reactie-{reaction.pk}"
    assert Notification.objects.get(pk=opened.pk).read_at is not None
    assert 'class="site-bell__count">2<' in client.get("/").content.decode()

    assert client.post("/meldingen/alles-gelezen/").status_code == 302
    html = client.get("/meldingen/").content.decode()
    assert "notification--unread" not in html and "site-bell__count" not in html
    assert client_for("vereniging").get(f"/meldingen/{opened.pk}/").status_code == 404  # not theirs


def test_a_casus_withdrawn_since_shows_nothing_and_mails_nothing(
    casuses, role_users, client_for, django_capture_on_commit_callbacks
):
    lid = role_users["lid"]
    casus = casuses(1, role_users["vereniging"])
    events.follow(lid, "casus", casus.pk)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify_reactions(casus, role_users["moderator"], 1)
    casus.unpublish()  # before the mail goes out
    for callback in callbacks:
        callback()
    assert not [m for m in mail.outbox if m.to == [lid.email]]
    html = client_for("lid").get("/meldingen/").content.decode()
    assert casus.title not in html and "site-bell__count" not in html  # the bell agrees once it is seen
    notification = Notification.objects.get(recipient=lid)
    response = client_for("lid").get(f"/meldingen/{notification.pk}/", follow=True)
    assert "niet (meer) voor u zichtbaar" in response.content.decode()


def test_a_hidden_reaction_leaves_the_centre(casuses, role_users, client_for):
    casus = casuses(1, role_users["lid"])
    (reaction,) = notify_reactions(casus, role_users["vereniging"], 1)
    Reaction.objects.filter(pk=reaction.pk).update(hidden=True)
    html = client_for("lid").get("/meldingen/").content.decode()
    assert "reageerde op" not in html and "notification-group" not in html
    assert casus.title in html.split('id="follows-title"')[1]  # still followed, under "Wat u volgt"


def test_a_member_who_lost_membership_gets_no_centre_and_no_digest(casuses, role_users, client_for):
    lid = role_users["lid"]
    NotificationPreference.objects.create(user=lid, casus_reactions="daily")
    notify_reactions(casuses(1, lid), role_users["vereniging"], 1)
    lid.groups.remove(Group.objects.get(name=settings.MEMBERS_GROUP))
    assert client_for("lid").get("/meldingen/").status_code == 403
    assert digest.send_daily_digests() == 0 and not mail.outbox


def test_weekly_digest_carries_weekly_notifications_once(casuses, role_users):
    lid = role_users["lid"]
    NotificationPreference.objects.create(user=lid, casus_reactions="weekly")
    casus = casuses(1, lid)
    notify_reactions(casus, role_users["vereniging"], 2)
    assert digest.send_daily_digests() == 0  # weekly topics wait for the weekly digest
    assert digest.send_digest(lid)
    (message,) = mail.outbox
    assert "weekoverzicht" in message.subject and message.body.count("reageerde op") == 2
    assert "/meldingen/" in message.body
    assert not Notification.objects.filter(recipient=lid, mailed_at__isnull=True).exists()
    next_week = timezone.now() + datetime.timedelta(days=7)
    assert not digest.send_digest(lid, now=next_week)  # nothing new
    assert SentDigest.objects.filter(user=lid).count() == 1


def test_centre_queries_stay_constant_with_50_notifications(casuses, role_users, client_for):
    lid = role_users["lid"]
    client = client_for("lid")
    first = casuses(1, lid)
    notify_reactions(first, role_users["vereniging"], 2)
    client.get("/meldingen/")  # warm-up: per-process caches
    with CaptureQueriesContext(connection) as few:
        assert client.get("/meldingen/").status_code == 200
    for n in range(2, 8):
        notify_reactions(casuses(n, lid), role_users["vereniging"], 8)
    assert Notification.objects.filter(recipient=lid).count() == 50
    client.get("/meldingen/")
    with CaptureQueriesContext(connection) as many:
        assert client.get("/meldingen/").status_code == 200
    print(f"\n/meldingen/ queries: {len(few)} with 2 notifications, {len(many)} with 50")
    assert len(many) == len(few) <= 12


def test_recap_in_a_followed_series_reaches_followers(home_page, role_users, django_capture_on_commit_callbacks):
    index = LunchSessionIndexPage.objects.first() or home_page.add_child(
        instance=LunchSessionIndexPage(title="Lunchsessies", slug="lunchsessies")
    )
    series = LunchSeries.objects.create(name="Intervisielunch")
    follower, bystander = MemberFactory(), MemberFactory()
    events.follow(follower, "series", series.pk)
    start = timezone.now() - datetime.timedelta(days=2)
    session = LunchSessionPageFactory(parent=index, start=start, series=series)
    session.save_revision().publish(skip_permission_checks=True)
    assert not Notification.objects.exists()  # no recap yet
    session.recap = [("summary", "<p>Wat we leerden over de overdracht.</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        session.save_revision().publish(skip_permission_checks=True)
        session.save_revision().publish(skip_permission_checks=True)
    rows = Notification.objects.filter(kind="recap")
    assert list(rows.values_list("recipient_id", flat=True)) == [follower.pk]
    assert events.link_for(follower, rows.get()).url == session.url
    assert not Notification.objects.filter(recipient=bystander).exists()


def test_data_migration_makes_the_old_digest_the_weekly_one(role_users):
    NotificationPreference.objects.create(user=role_users["lid"])
    NotificationPreference.objects.filter(user=role_users["lid"]).update(new_casuses="digest", new_recaps="digest")
    migration = importlib.import_module("community.migrations.0010_notifications_and_follows")
    migration.digest_is_weekly(apps, None)
    preference = NotificationPreference.objects.get(user=role_users["lid"])
    assert (preference.new_casuses, preference.new_recaps, preference.casus_reactions) == (
        "weekly",
        "weekly",
        "immediate",
    )


def test_existing_authors_follow_their_casuses_after_the_migration(casuses, role_users):
    casus = casuses(1, role_users["lid"])
    Follow.objects.all().delete()
    migration = importlib.import_module("casuses.migrations.0005_authors_follow_their_casuses")
    migration.authors_follow(apps, None)
    assert Follow.objects.filter(user=role_users["lid"], target_kind="casus", target_id=casus.pk).exists()
    assert CasusIndexPage.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "account", "lid", "moderator", "redacteur", "beheerder"])
def test_follow_buttons_on_phase_tag_and_session_pages_for_members_only(
    home_page, casuses, role_users, client_for, role
):
    phase = Phase.objects.first()
    casus = casuses(1, role_users["vereniging"])
    casus.tags.set(["contactverlies"])
    casus.save_revision().publish(skip_permission_checks=True)
    index = LunchSessionIndexPage.objects.first() or home_page.add_child(
        instance=LunchSessionIndexPage(title="Lunchsessies", slug="lunchsessies")
    )
    session = LunchSessionPageFactory(parent=index, series=LunchSeries.objects.create(name="Juridisch spreekuur"))
    client = client_for(role)
    member = role not in ("anonymous", "account")
    phase_html = client.get(phase.get_absolute_url()).content.decode()
    session_html = client.get(session.url).content.decode()
    assert ("Volg deze fase" in phase_html) == member
    assert ("Volg de reeks ‘Juridisch spreekuur’" in session_html) == member
    tag_page = client.get("/casussen/?tag=contactverlies")
    if member:
        assert "Volg tag ‘contactverlies’" in tag_page.content.decode()
        tag = casus.tags.get()
        client.post("/meldingen/volgen/", {"kind": "tag", "id": tag.pk, "next": "/casussen/?tag=contactverlies"})
        client.post("/meldingen/volgen/", {"kind": "phase", "id": phase.pk})
        client.post("/meldingen/volgen/", {"kind": "series", "id": session.series_id})
        html = client.get("/meldingen/").content.decode().split('id="follows-title"')[1]
        assert "contactverlies" in html and phase.name in html and "Juridisch spreekuur" in html
    else:
        assert tag_page.status_code in (302, 403)


def test_follows_and_notifications_are_in_the_data_download(casuses, role_users, client_for):
    casus = casuses(1, role_users["lid"])
    notify_reactions(casus, role_users["vereniging"], 1)
    data = client_for("lid").get("/leden/instellingen/gegevens/download/").json()
    assert data["kennisplein"]["follows"][0]["kind"] == "casus"
    assert data["kennisplein"]["notifications"][0]["about"] == f"casus:{casus.pk}"
