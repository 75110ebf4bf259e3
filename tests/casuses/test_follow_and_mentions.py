"""Issue 18 points 3 and 4 on casussen: following a casus, a phase or a tag, and @mentions. A new
reaction or a mention reaches the right people once, by the channel they chose, and nobody else; never
anyone outside the casus's audience."""

import datetime
import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from casuses.models import Reaction
from community.core.public_content import send_member_activity
from community.demo.factories import MemberFactory, UserFactory
from community.models import Follow, MemberProfile, Notification, NotificationPreference, SentDigest
from community.notify import digest, events
from community.notify.mentions import masked, token_for
from methodology.models import Phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(make_casus, role_users):
    return make_casus(role_users["lid"])


def react(client, casus, body, capture):
    with capture(execute=True):
        response = client.post(f"/casussen/{casus.pk}/reageren/", {"body": body})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Reaction.objects.filter(casus=casus).order_by("-pk").first()


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_the_author_follows_their_casus(casus, role_users):
    assert Follow.objects.filter(user=role_users["lid"], target_kind="casus", target_id=casus.pk).exists()


def test_new_reaction_reaches_each_follower_once_by_their_channel(
    casus, role_users, client_for, django_capture_on_commit_callbacks
):
    daily, off, bystander = MemberFactory(), MemberFactory(), MemberFactory()
    for user, channel in ((daily, "daily"), (off, "off")):
        events.follow(user, "casus", casus.pk)
        NotificationPreference.objects.create(user=user, casus_reactions=channel)
    reaction = react(
        client_for("vereniging"), casus, "Ik zou beide ouders apart spreken.", django_capture_on_commit_callbacks
    )

    rows = Notification.objects.filter(kind="reaction", detail_id=reaction.pk)
    assert {n.recipient_id: n.channel for n in rows} == {
        role_users["lid"].pk: "immediate",
        daily.pk: "daily",
        off.pk: "off",
    }
    author_mails = mails_to(role_users["lid"])
    assert len(author_mails) == 1 and "Nieuwe reactie op" in author_mails[0].subject
    assert "reageerde op" in author_mails[0].body
    assert "/meldingen/" in author_mails[0].body and "List-Unsubscribe" in author_mails[0].extra_headers
    assert not mails_to(daily) and not mails_to(off) and not mails_to(bystander)
    assert not mails_to(role_users["vereniging"])  # the writer hears nothing of their own reaction

    # The daily digest mails the daily follower once; a second run that day sends nothing.
    assert digest.send_daily_digests() == 1
    daily_mails = mails_to(daily)
    assert len(daily_mails) == 1 and "dagoverzicht" in daily_mails[0].subject
    assert casus.title in daily_mails[0].body
    assert digest.send_daily_digests() == 0
    assert SentDigest.objects.filter(user=daily).count() == 1
    assert not mails_to(off)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert digest.send_daily_digests(tomorrow) == 0  # nothing new: no empty digest


def test_reacting_twice_to_the_same_event_never_notifies_twice(casus, role_users):
    reaction = Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Advies")
    first = events.publish("reaction", "casus", casus.pk, detail_id=reaction.pk, follows=[("casus", casus.pk)])
    again = events.publish("reaction", "casus", casus.pk, detail_id=reaction.pk, follows=[("casus", casus.pk)])
    assert len(first) == 1 and again == []


def test_a_reaction_rolled_back_announces_nothing(casus, role_users, django_capture_on_commit_callbacks):
    class Refused(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Refused), transaction.atomic():
        Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Advies")
        raise Refused
    assert not Notification.objects.exists() and not mail.outbox


def test_unfollowed_members_hear_nothing(casus, role_users, client_for, django_capture_on_commit_callbacks):
    response = client_for("lid").post(
        "/meldingen/volgen/", {"kind": "casus", "id": casus.pk, "action": "unfollow", "next": casus.url}
    )
    assert response.status_code == 302 and response["Location"] == casus.url
    react(client_for("vereniging"), casus, "Een reactie.", django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(recipient=role_users["lid"]).exists()
    assert not mails_to(role_users["lid"])


@pytest.mark.parametrize(
    "role,status", [("anonymous", 302), ("account", 403), ("lid", 302), ("moderator", 302), ("beheerder", 302)]
)
def test_follow_per_role(casus, client_for, role_users, role, status):
    response = client_for(role).post("/meldingen/volgen/", {"kind": "casus", "id": casus.pk, "next": casus.url})
    assert response.status_code == status
    if role == "anonymous":
        assert "/accounts/login/" in response["Location"]
    followed = Follow.objects.filter(target_kind="casus", target_id=casus.pk).exclude(user=role_users["lid"])
    assert followed.exists() == (status == 302 and role != "anonymous" and role != "lid")


def test_follow_button_on_the_casus_page_works_without_js(casus, client_for, role_users):
    client = client_for("vereniging")
    html = client.get(casus.url).content.decode()
    assert "Volg deze casus" in html and 'action="/meldingen/volgen/"' in html
    response = client.post("/meldingen/volgen/", {"kind": "casus", "id": casus.pk, "next": casus.url}, follow=True)
    html = response.content.decode()
    assert "U volgt deze casus." in html and "Niet meer volgen" in html


def test_nobody_follows_what_they_may_not_see(make_casus, role_users, client_for):
    hidden = make_casus(role_users["vereniging"], live=False)
    for target in ({"kind": "casus", "id": hidden.pk}, {"kind": "session", "id": 1}, {"kind": "x", "id": 1}):
        client_for("lid").post("/meldingen/volgen/", {**target, "next": "https://elders.example/"})
    assert not Follow.objects.filter(user=role_users["lid"]).exists()
    response = client_for("lid").post(
        "/meldingen/volgen/", {"kind": "casus", "id": "12abc", "next": "//elders.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/meldingen/"


def test_new_casus_in_followed_phase_or_tag_reaches_followers_once(
    make_casus, role_users, django_capture_on_commit_callbacks
):
    phase = Phase.objects.first()
    follower, other = MemberFactory(), MemberFactory()
    from taggit.models import Tag

    tag = Tag.objects.create(name="overdracht", slug="overdracht")
    events.follow(follower, "phase", phase.pk)
    events.follow(follower, "tag", tag.pk)
    events.follow(role_users["account"], "phase", phase.pk)  # not a member: may not read casussen
    with django_capture_on_commit_callbacks() as fan_out:
        casus = make_casus(role_users["lid"], tags=("overdracht",), phase=phase)
    assert not Notification.objects.exists()  # the task worker fans out once the approval is committed
    for callback in fan_out:
        callback()
    rows = Notification.objects.filter(kind="new_casus", target_id=casus.pk)
    assert list(rows.values_list("recipient_id", flat=True)) == [follower.pk]
    assert rows.get().channel == "weekly"
    with django_capture_on_commit_callbacks(execute=True):
        casus.save_revision().publish(skip_permission_checks=True)  # published again: not new
    assert Notification.objects.filter(kind="new_casus").count() == 1
    assert not Notification.objects.filter(recipient=other).exists()


# --- Mentions -------------------------------------------------------------------------------------


@pytest.fixture
def colleague(db):
    user = MemberFactory(first_name="Marieke", last_name="van Dijk")
    MemberProfile.objects.create(user=user, profession="Mediator")
    return user


def test_a_mention_notifies_the_member_once_even_after_edits(
    casus, colleague, role_users, client_for, django_capture_on_commit_callbacks
):
    body = f"Misschien kan {token_for(colleague)} hier iets over zeggen."
    reaction = react(client_for("vereniging"), casus, body, django_capture_on_commit_callbacks)
    mention = Notification.objects.get(recipient=colleague)
    assert (mention.kind, mention.detail_id, mention.actor) == ("mention", reaction.pk, role_users["vereniging"])
    mails = mails_to(colleague)
    assert len(mails) == 1 and "noemde u" in mails[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        reaction.body = body + " Aangevuld."
        reaction.save()
    assert Notification.objects.filter(recipient=colleague).count() == 1 and len(mails_to(colleague)) == 1
    page = client_for("lid").get(casus.url).content.decode()
    assert '<span class="mention">@Marieke van Dijk</span>' in page and "](" not in page


def test_a_mentioned_follower_hears_of_the_mention_only(
    casus, colleague, client_for, django_capture_on_commit_callbacks
):
    events.follow(colleague, "casus", casus.pk)
    react(client_for("vereniging"), casus, f"Wat denkt {token_for(colleague)}?", django_capture_on_commit_callbacks)
    assert list(Notification.objects.filter(recipient=colleague).values_list("kind", flat=True)) == ["mention"]


def test_a_mention_never_crosses_the_audience(
    make_casus, colleague, role_users, client_for, django_capture_on_commit_callbacks
):
    """A casus only the Vereniging may read: a member outside it who is mentioned hears nothing, and the
    type-ahead never offers them."""
    casus = make_casus(role_users["vereniging"])
    restriction = PageViewRestriction.objects.create(page=casus, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=settings.ASSOCIATION_GROUP)])
    outsider = UserFactory(first_name="Marieke", last_name="Jansen")  # an account, no member
    body = f"Vraag het {token_for(colleague)} of {token_for(outsider)}."
    react(client_for("beheerder"), casus, body, django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(recipient__in=[colleague, outsider]).exists()
    assert not mails_to(colleague) and not mails_to(outsider)
    lookup = client_for("vereniging").get("/leden/noemen/", {"q": "Marieke", "pagina": casus.pk})
    assert lookup.json() == {"results": []}


def test_a_made_up_token_is_no_mention(casus, colleague, client_for, role_users, django_capture_on_commit_callbacks):
    body = f"Vraag het @[Marieke Jansen]({colleague.pk})."
    refused = client_for("vereniging").post(f"/casussen/{casus.pk}/reageren/", {"body": body})
    assert refused.status_code == 400  # the name is checked like any name: it is no colleague's
    with django_capture_on_commit_callbacks(execute=True):
        Reaction.objects.create(casus=casus, author=role_users["vereniging"], body=body)
    assert not Notification.objects.filter(recipient=colleague).exists()


def test_mentions_pass_the_anonymity_check_and_names_do_not(casus, colleague, client_for):
    ok = client_for("vereniging").post(f"/casussen/{casus.pk}/reageren/", {"body": f"Vraag {token_for(colleague)}."})
    assert ok.status_code == 302
    refused = client_for("vereniging").post(
        f"/casussen/{casus.pk}/reageren/", {"body": "Vraag @[Johan Verbeek](999999) eens."}
    )
    assert refused.status_code == 400 and "finding--block" in refused.content.decode()
    text = f"A {token_for(colleague)} B"
    assert len(masked(text)) == len(text) and "Marieke" not in masked(text)


def test_mentions_in_the_casus_text_on_publish(make_casus, colleague, role_users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        casus = make_casus(role_users["lid"], situation=f"Ik overlegde al met {token_for(colleague)}.")
    assert Notification.objects.filter(recipient=colleague, kind="mention", target_id=casus.pk).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        casus.save_revision().publish(skip_permission_checks=True)
    assert Notification.objects.filter(recipient=colleague, kind="mention").count() == 1


# --- The type-ahead -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "account", "lid", "vereniging", "moderator", "redacteur", "beheerder"])
def test_mention_lookup_per_role(casus, colleague, client_for, role):
    response = client_for(role).get("/leden/noemen/", {"q": "mar", "pagina": casus.pk})
    if role == "anonymous":
        assert response.status_code == 302
    elif role == "account":
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        results = response.json()["results"]
        assert [r["name"] for r in results] == ["Marieke van Dijk"]
        assert results[0]["token"] == f"@[Marieke van Dijk]({colleague.pk})" and results[0]["detail"] == "Mediator"
        assert response["Cache-Control"].startswith("private")


def test_mention_lookup_shows_only_directory_members_and_caps_results(casus, client_for, role_users):
    for n in range(12):
        MemberProfile.objects.create(user=MemberFactory(first_name="Sanne", last_name=f"Bakker{n}"))
    hidden = MemberFactory(first_name="Sanne", last_name="Verborgen")
    MemberProfile.objects.create(user=hidden, in_directory=False)
    MemberProfile.objects.create(user=UserFactory(first_name="Sanne", last_name="Geenlid"))
    results = client_for("lid").get("/leden/noemen/", {"q": "sanne", "pagina": casus.pk}).json()["results"]
    assert len(results) == 8
    assert all(r["name"].startswith("Sanne Bakker") for r in results)
    by_last = client_for("lid").get("/leden/noemen/", {"q": "sanne bakker1", "pagina": casus.pk}).json()["results"]
    assert {r["name"] for r in by_last} == {"Sanne Bakker1", "Sanne Bakker10", "Sanne Bakker11"}


def test_mention_lookup_needs_a_page_the_writer_may_read(make_casus, role_users, client_for):
    hidden = make_casus(role_users["vereniging"], live=False)
    for params in ({"q": "mar"}, {"q": "mar", "pagina": hidden.pk}, {"q": "mar", "pagina": "9" * 40}):
        assert client_for("lid").get("/leden/noemen/", params).status_code == 404
    assert json.loads(client_for("lid").get("/leden/noemen/", {"q": "", "pagina": hidden.get_parent().pk}).content) == {
        "results": []
    }


def test_casus_page_queries_stay_constant_with_50_reactions_and_mentions(
    casus, colleague, role_users, client_for, django_assert_max_num_queries
):
    client = client_for("vereniging")
    events.follow(role_users["vereniging"], "casus", casus.pk)
    Reaction.objects.create(casus=casus, author=role_users["lid"], body=f"Vraag {token_for(colleague)}.")
    client.get(casus.url)  # warm-up: per-process caches, the follows and the bell in the shared cache
    send_member_activity()  # the page is rendered, not served from the audience's shared copy
    with django_assert_max_num_queries(12) as few:
        client.get(casus.url)
    Reaction.objects.bulk_create(
        [
            Reaction(casus=casus, author=role_users["lid"], body=f"Advies {n} voor {token_for(colleague)}")
            for n in range(49)
        ]
    )
    send_member_activity()  # bulk_create sends no post_save; the page is rendered again
    with django_assert_max_num_queries(12) as many:
        html = client.get(casus.url).content.decode()
    assert html.count('<span class="mention">@Marieke van Dijk</span>') == 50 and "Niet meer volgen" in html
    print(f"\ncasus page queries: {len(few)} with 1 reaction, {len(many)} with 50")
    assert len(many) == len(few)


def test_the_type_ahead_speaks_the_pages_language(casus, client_for):
    member = client_for("lid")
    dutch = member.get(casus.url).content.decode()
    assert 'data-text-chosen="%(name)s genoemd."' in dutch and 'data-text-found-one="1 collega gevonden"' in dutch
    member.cookies["django_language"] = "en"
    english = member.get(casus.url).content.decode()
    assert 'data-text-list="Colleagues to mention"' in english
    assert 'data-text-found-many="%(count)s colleagues found"' in english
