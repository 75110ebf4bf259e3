"""Members' pages shared by an audience (issue 16 point 3): the guide, the casus and lunch lists and the
home page are rendered once per audience and kept; the personal parts (the bell, follow
buttons, one's own registration) are holes filled in per member, CSRF tokens are each member's own. Per role: nothing of one
member reaches another, one audience never gets another's copy, staff never share, and what members
do (a reaction, a registration) shows at once."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from casuses.models import Appreciation, CasusPage, Reaction, ensure_index
from community.demo.factories import AssociationMemberFactory, MemberFactory
from community.models import Follow, Notification
from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory, RegistrationFactory
from methodology.factories import GuidePageFactory, MethodologyIndexPageFactory, restrict

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    body = response.content.decode()
    assert "kennisplein-hole" not in body and "__KENNISPLEIN_CSRF_TOKEN__" not in body
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    return response, body


@pytest.fixture
def guides(home_page):
    index = MethodologyIndexPageFactory(parent=home_page)
    open_guide = GuidePageFactory(parent=index, title="Openbare handleiding")
    secret = GuidePageFactory(parent=index, title="Handleiding voor de Vereniging")
    restrict(secret, settings.ASSOCIATION_GROUP)
    return index, open_guide, secret


@pytest.fixture
def upcoming_session(home_page):
    sessions = LunchSessionIndexPageFactory(parent=home_page)
    return LunchSessionPageFactory(parent=sessions, start=timezone.now() + datetime.timedelta(days=3), capacity=20)


def test_a_second_member_of_the_audience_gets_the_shared_copy_with_their_own_parts(upcoming_session):
    first, second = MemberFactory(username="eerste"), MemberFactory(username="tweede")
    RegistrationFactory(session=upcoming_session, user=first)
    Notification.objects.create(recipient=first, kind="reaction", target_kind="casus", target_id=1, channel="off")

    response, body = page(signed_in(first), "/lunchsessies/")
    assert response["X-Page-Cache"] == "miss"
    assert "U bent aangemeld" in body and "site-bell__count" in body

    other = signed_in(second)
    response, body = page(other, "/lunchsessies/")
    assert response["X-Page-Cache"] == "hit"
    assert "U bent aangemeld" not in body and "Nog 19 plaatsen" in body
    assert "site-bell__count" not in body
    # The log-out form carries the second member's own token, which works.
    token = body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.cookies = other.cookies
    assert csrf_client.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302


def test_follow_buttons_are_the_members_own(home_page):
    index = ensure_index(home_page)
    casus = CasusPage(
        title="Casus", slug="casus", situation="Ruzie bij de overdracht.", question="Wat nu?", age_band="4-8"
    )
    index.add_child(instance=casus)
    casus.tags.set(["contactverlies"])
    casus.save_revision().publish(skip_permission_checks=True)
    tag_id = casus.tags.get().pk
    follower, other = MemberFactory(username="volger"), MemberFactory(username="ander")
    Follow.objects.create(user=follower, target_kind="tag", target_id=tag_id)

    _response, body = page(signed_in(follower), "/casussen/?tag=contactverlies")
    assert "U volgt deze" in body
    response, body = page(signed_in(other), "/casussen/?tag=contactverlies")
    assert response["X-Page-Cache"] == "hit"
    assert "U volgt deze" not in body and "Volg tag" in body


@pytest.mark.parametrize("path", ["/", "/methodiek/"])
def test_audiences_never_get_each_others_copy(guides, path):
    association, member = AssociationMemberFactory(username="vereniging-lid"), MemberFactory(username="gewoon-lid")
    _response, body = page(signed_in(association), path)
    assert "Handleiding voor de Vereniging" in body
    response, body = page(signed_in(member), path)
    assert response["X-Page-Cache"] == "miss"
    assert "Openbare handleiding" in body and "Handleiding voor de Vereniging" not in body


@pytest.mark.parametrize("role", ["redacteur", "beheerder"])
def test_staff_never_share_a_copy(guides, client_for, role):
    staff = client_for(role)
    for _ in range(2):
        response, body = page(staff, "/methodiek/")
        assert "X-Page-Cache" not in response
        assert 'href="/cms/"' in body
    response, body = page(client_for("lid"), "/methodiek/")
    assert response["X-Page-Cache"] == "miss" and 'href="/cms/"' not in body


def test_a_pending_message_is_shown_and_its_page_never_kept(guides, client_for):
    member = client_for("lid")
    page(member, "/methodiek/")
    refused = member.post(reverse("follow"), {"kind": "onbekend", "id": "1", "next": "/methodiek/"})
    assert refused.status_code == 302
    response, body = page(member, "/methodiek/")
    assert "X-Page-Cache" not in response and "Dit onderwerp kunt u niet volgen." in body
    response, body = page(member, "/methodiek/")
    assert response["X-Page-Cache"] == "hit" and "Dit onderwerp kunt u niet volgen." not in body


def test_what_members_do_shows_at_once(home_page, upcoming_session):
    index = ensure_index(home_page)
    casus = CasusPage(
        title="Casus", slug="casus", situation="Ruzie bij de overdracht.", question="Wat nu?", age_band="4-8"
    )
    index.add_child(instance=casus)
    casus.save_revision().publish(skip_permission_checks=True)
    reader, writer = signed_in(MemberFactory(username="lezer")), MemberFactory(username="schrijver")
    assert "0 reacties" in page(reader, "/casussen/")[1]
    assert "Nog 20 plaatsen" in page(reader, "/lunchsessies/")[1]

    Reaction.objects.create(casus=casus, author=writer, body="Probeer een vast overdrachtsmoment.")
    CasusPage.objects.filter(pk=casus.pk).update(reaction_count=1)
    RegistrationFactory(session=upcoming_session, user=writer)

    assert "1 reactie" in page(reader, "/casussen/")[1]
    assert "Nog 19 plaatsen" in page(reader, "/lunchsessies/")[1]


def test_a_new_restriction_reaches_the_shared_copy_at_once(guides, client_for):
    _index, open_guide, _secret = guides
    member = client_for("lid")
    assert "Openbare handleiding" in page(member, "/methodiek/")[1]
    restrict(open_guide, settings.ASSOCIATION_GROUP)
    assert "Openbare handleiding" not in page(member, "/methodiek/")[1]


def test_routes_of_a_shared_page_are_never_kept(home_page, client_for):
    ensure_index(home_page)
    member = client_for("lid")
    for _ in range(2):
        response, _body = page(member, "/casussen/mijn/")
        assert "X-Page-Cache" not in response


@pytest.fixture
def discussed_casus(home_page):
    """A casus by one member with a reaction by another and a hidden reaction by a third."""
    index = ensure_index(home_page)
    poster, writer, hidden_writer = (MemberFactory(username=name) for name in ("inbrenger", "schrijver", "verborgen"))
    casus = CasusPage(
        title="Casus over de overdracht",
        slug="overdracht",
        situation="Ruzie bij de overdracht.",
        question="Wat nu?",
        age_band="4-8",
        author=poster,
    )
    index.add_child(instance=casus)
    casus.save_revision().publish(skip_permission_checks=True)
    reaction = Reaction.objects.create(casus=casus, author=writer, body="Probeer een vast overdrachtsmoment.")
    Reaction.objects.create(
        casus=casus, author=hidden_writer, body="Een reactie met te veel details.", hidden=True, hidden_reason="Details"
    )
    return casus, reaction, {"poster": poster, "writer": writer, "hidden_writer": hidden_writer}


def test_readers_of_a_casus_share_a_copy_with_their_own_appreciations(discussed_casus, django_assert_max_num_queries):
    casus, reaction, _people = discussed_casus
    first, second = MemberFactory(username="lezer-een"), MemberFactory(username="lezer-twee")
    Appreciation.objects.create(reaction=reaction, member=first, kind="usable")

    response, body = page(signed_in(first), casus.url)
    assert response["X-Page-Cache"] == "miss"
    assert 'aria-pressed="true"' in body
    response, body = page(signed_in(second), casus.url)
    assert response["X-Page-Cache"] == "hit"
    assert 'aria-pressed="true"' not in body and 'aria-pressed="false"' in body
    assert 'class="appreciation__count">1<' in body  # the first reader's appreciation, counted
    assert "Een reactie met te veel details." not in body and "Uw casus" not in body

    Appreciation.objects.create(reaction=reaction, member=second, kind="recognisable")
    reader = signed_in(second)
    page(reader, casus.url)
    with django_assert_max_num_queries(1):  # the user's row; groups, permissions and holes come from the cache
        response, body = page(reader, casus.url)
    assert response["X-Page-Cache"] == "hit" and body.count('aria-pressed="true"') == 1


@pytest.mark.parametrize("who", ["poster", "writer", "hidden_writer"])
def test_who_wrote_on_a_casus_never_gets_or_fills_the_shared_copy(discussed_casus, who):
    casus, _reaction, people = discussed_casus
    page(signed_in(MemberFactory(username="lezer")), casus.url)  # a reader's copy is stored
    for _ in range(2):
        response, body = page(signed_in(people[who]), casus.url)
        assert "X-Page-Cache" not in response
        expected = {
            "poster": "Uw casus",
            "writer": "(uw reactie)",
            "hidden_writer": "Een reactie met te veel details.",
        }[who]
        assert expected in body
    response, body = page(signed_in(MemberFactory(username="nog-een-lezer")), casus.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Uw casus" not in body and "(uw reactie)" not in body and "Een reactie met te veel details." not in body


def test_moderators_have_a_copy_of_their_own(discussed_casus, client_for):
    casus, _reaction, _people = discussed_casus
    page(signed_in(MemberFactory(username="lezer")), casus.url)
    _response, body = page(client_for("moderator"), casus.url)
    assert "Een reactie met te veel details." in body and "Verbergen (moderator)" in body
    response, body = page(signed_in(MemberFactory(username="lezer-twee")), casus.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Verbergen (moderator)" not in body and "Een reactie met te veel details." not in body
