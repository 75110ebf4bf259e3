import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lunchsessions.factories import LunchSessionSpeakerFactory, RegistrationFactory, SpeakerFactory
from lunchsessions.models import LunchSessionPage, LunchSessionSpeaker

pytestmark = pytest.mark.django_db

RECAP = [
    ("summary", "<p>Honderdtwintig professionals bespraken contactverlies.</p>"),
    ("key_points", {"heading": "Belangrijkste punten", "points": ["Ouders blijven collega-ouders."]}),
    ("chat_question", {"question": "Hoe begin je?", "answer": "<p>Bij het gezamenlijke doel.</p>"}),
    ("quote", {"quote": "Je blijft collega-ouders.", "attribution": "Harmke"}),
]


def _set_clock(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


# --- the page switches from announcement to recap by itself ---


def test_page_switches_from_announcement_to_recap_at_end_time(client, make_session, monkeypatch):
    session = make_session(description="<p>Kom naar de sessie!</p>", recap=RECAP, attendees=120)
    before_end = session.end - datetime.timedelta(minutes=1)
    _set_clock(monkeypatch, before_end)
    page = client.get(session.url).content.decode()
    assert "Kom naar de sessie!" in page and "Honderdtwintig professionals" not in page
    assert "Aanmelden is gesloten" in page or "Aanmelden" in page

    _set_clock(monkeypatch, session.end)
    page = client.get(session.url).content.decode()
    assert "Terugblik" in page and "Honderdtwintig professionals" in page
    assert "Ouders blijven collega-ouders." in page and "Hoe begin je?" in page and "Je blijft collega-ouders." in page
    assert "120 deelnemers" in page
    assert "Kom naar de sessie!" not in page


def test_ended_session_without_recap_says_it_follows(client, make_session):
    session = make_session(days=-1)
    assert "De terugblik volgt binnenkort" in client.get(session.url).content.decode()


# --- the meeting link: registered members only, from 30 minutes before the start ---


@pytest.mark.parametrize(
    "minutes_before_start,registered,shown",
    [(31, True, False), (30, True, True), (5, True, True), (-30, True, True), (5, False, False)],
)
def test_meeting_link_visibility(
    client_for, role_users, make_session, monkeypatch, minutes_before_start, registered, shown
):
    session = make_session(meeting_url="https://meet.example.org/geheim-123")
    if registered:
        RegistrationFactory(session=session, user=role_users["lid"])
    _set_clock(monkeypatch, session.start - datetime.timedelta(minutes=minutes_before_start))
    page = client_for("lid").get(session.url).content.decode()
    assert ("geheim-123" in page) is shown


def test_meeting_link_never_for_waitlisted_anonymous_or_after_end(
    client, client_for, role_users, make_session, monkeypatch
):
    session = make_session(meeting_url="https://meet.example.org/geheim-123")
    RegistrationFactory(session=session, user=role_users["lid"], status="waitlisted")
    _set_clock(monkeypatch, session.start)
    assert "geheim-123" not in client_for("lid").get(session.url).content.decode()
    assert "geheim-123" not in client.get(session.url).content.decode()
    RegistrationFactory(session=session, user=role_users["vereniging"])
    _set_clock(monkeypatch, session.end)
    assert "geheim-123" not in client_for("vereniging").get(session.url).content.decode()


# --- access ---


def test_members_only_session_is_a_teaser_for_outsiders(client_for, make_session):
    session = make_session(
        members_only=True, teaser="Intervisie in kleine groep.", description="<p>Geheime details</p>"
    )
    for role in ("anonymous", "account"):
        response = client_for(role).get(session.url)
        assert response.status_code == 403
        assert "Intervisie in kleine groep." in response.content.decode()
        assert "Geheime details" not in response.content.decode()
    response = client_for("lid").get(session.url)
    assert response.status_code == 200 and "Geheime details" in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_index_hides_members_only_sessions_from_outsiders(client_for, make_session):
    make_session(title="Openbare sessie", slug="openbaar")
    make_session(title="Ledensessie", slug="leden", members_only=True)
    make_session(title="Leden-terugblik", slug="leden-terugblik", members_only=True, days=-40, recap=RECAP)
    for role, sees in (("anonymous", False), ("account", False), ("lid", True)):
        page = client_for(role).get("/lunchsessies/").content.decode()
        assert "Openbare sessie" in page
        assert ("Ledensessie" in page) is sees and ("Leden-terugblik" in page) is sees, role


def test_related_pages_are_filtered_by_access(client, make_session):
    hidden = make_session(title="Verborgen casus", slug="verborgen", members_only=True)
    visible = make_session(title="Openbare methodiek", slug="openbare-methodiek")
    session = make_session(
        days=-3,
        recap=RECAP,
        related=[("page", {"page": hidden, "note": ""}), ("page", {"page": visible, "note": "lees ook"})],
    )
    page = client.get(session.url).content.decode()
    assert "Openbare methodiek" in page and "Verborgen casus" not in page


# --- the index ---


def test_index_shows_upcoming_first_with_places_left_and_speakers(client, make_session):
    later = make_session(title="Later", slug="later", days=20, capacity=5)
    sooner = make_session(title="Eerder", slug="eerder", days=3, capacity=1)
    LunchSessionSpeakerFactory(page=later, speaker=SpeakerFactory(name="Harmke Bergenhenegouwen"))
    RegistrationFactory(session=later)
    RegistrationFactory(session=sooner)
    make_session(
        title="Archief 2023", slug="archief-2023", start=timezone.make_aware(datetime.datetime(2023, 6, 28, 12))
    )
    page = client.get("/lunchsessies/").content.decode()
    assert page.index("Eerder") < page.index("Later") < page.index("Archief 2023")
    assert "Nog 4 plaatsen" in page and "Vol: aanmelden voor de wachtlijst" in page
    assert "Harmke Bergenhenegouwen" in page
    assert '<h3 id="archive-2023">2023</h3>' in page


def test_archive_filters_by_tag_and_phase(client, make_session, phase_factory):
    intake = phase_factory(name="Intake", slug="intake")
    omgang = phase_factory(name="Begeleide omgang", slug="begeleide-omgang")
    a = make_session(title="Sessie over intake", slug="a", days=-10, phase=intake)
    a.tags.add("kindgesprek")
    a.save()
    b = make_session(title="Sessie over omgang", slug="b", days=-20, phase=omgang)
    b.tags.add("contactverlies")
    b.save()
    page = client.get("/lunchsessies/?fase=intake").content.decode()
    assert "Sessie over intake" in page and "Sessie over omgang" not in page
    page = client.get("/lunchsessies/?tag=contactverlies").content.decode()
    assert "Sessie over omgang" in page and "Sessie over intake" not in page
    assert 'value="kindgesprek"' in page and 'value="begeleide-omgang"' in page


def _many_sessions(index_page, count, speakers, phase, first=0):
    """Many live sessions under the index, inserted in bulk (add_child costs ~50 queries a page)."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag
    from wagtail.models import Page

    from lunchsessions.models import LunchSessionTag

    index_page.refresh_from_db()
    content_type = ContentType.objects.get_for_model(LunchSessionPage)
    first_step = index_page.numchild + 1
    now = timezone.now()
    numbers = range(first, first + count)
    pages = Page.objects.bulk_create(
        [
            Page(
                title=f"Sessie {n}",
                draft_title=f"Sessie {n}",
                slug=f"sessie-{n}",
                content_type=content_type,
                path=Page._get_path(index_page.path, index_page.depth + 1, first_step + n - first),
                depth=index_page.depth + 1,
                numchild=0,
                url_path=f"{index_page.url_path}sessie-{n}/",
                live=True,
                locale_id=index_page.locale_id,
            )
            for n in numbers
        ]
    )
    Page.objects.filter(pk=index_page.pk).update(numchild=index_page.numchild + count)
    tags = [
        Tag.objects.get_or_create(name=name, slug=name)[0]
        for name in ["contactverlies"] + [f"tag-{i}" for i in range(7)]
    ]
    for n, page in zip(numbers, pages, strict=True):
        start = (
            now - datetime.timedelta(days=n) if n >= 5 else now + datetime.timedelta(days=n + 1)
        )  # the first five are upcoming
        LunchSessionPage(
            page_ptr_id=page.pk,
            title=page.title,
            slug=page.slug,
            path=page.path,
            depth=page.depth,
            content_type=content_type,
            topic="Onderwerp",
            start=start,
            end=start + datetime.timedelta(hours=1),
            capacity=50,
            phase=phase,
            live=True,
        ).save_base(raw=True)
    LunchSessionTag.objects.bulk_create(
        [
            LunchSessionTag(content_object_id=page.pk, tag=tag)
            for n, page in zip(numbers, pages, strict=True)
            for tag in (tags[0], tags[1 + n % 7])
        ]
    )
    LunchSessionSpeaker.objects.bulk_create(
        [
            LunchSessionSpeaker(page_id=page.pk, speaker=speakers[n % len(speakers)], sort_order=0)
            for n, page in zip(numbers, pages, strict=True)
        ]
    )


def test_index_query_count_is_constant(client_for, index_page, phase_factory, role_users):
    client = client_for("lid")
    speakers = [SpeakerFactory() for _ in range(3)]
    phase = phase_factory(name="Intake", slug="intake")

    def count_queries(path="/lunchsessies/"):
        client.get(path)  # warm per-process caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    _many_sessions(index_page, 6, speakers, phase)
    few = count_queries()
    _many_sessions(index_page, 194, speakers, phase, first=6)
    assert LunchSessionPage.objects.count() == 200
    for session in LunchSessionPage.objects.order_by("-start")[:8]:
        RegistrationFactory(session=session)
    many = count_queries()
    filtered = count_queries("/lunchsessies/?tag=contactverlies&fase=intake&pagina=3")
    print(f"index queries: 6 sessions={few}, 200 sessions={many}, filtered page 3={filtered}")
    assert many == few
    assert many <= 28 and filtered <= 28


def test_home_section_lists_upcoming_sessions_per_user(client_for, make_session):
    make_session(title="Openbare sessie", slug="openbaar")
    make_session(title="Ledensessie", slug="leden", members_only=True)
    make_session(title="Oude sessie", slug="oud", days=-5)
    anonymous = client_for("anonymous").get("/").content.decode()
    member = client_for("lid").get("/").content.decode()
    assert "Openbare sessie" in anonymous and "Ledensessie" not in anonymous
    assert "Openbare sessie" in member and "Ledensessie" in member
    assert "Oude sessie" not in member


def test_reserved_slugs_are_refused(make_session):
    from django.core.exceptions import ValidationError

    session = make_session()
    session.slug = "feed"
    with pytest.raises(ValidationError):
        session.full_clean()
