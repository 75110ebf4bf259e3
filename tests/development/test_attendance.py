"""Attendance of a lunch session: the code in the session's hours, the editor's ticks, the attendee list."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from community.demo.factories import MemberFactory, UserFactory
from development.models import Attendance, SessionCode
from lunchsessions.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def post_code(client, session, code):
    return client.post(f"/mijn-ontwikkeling/aanwezig/{session.pk}/", {"code": code}, follow=True)


def test_a_member_records_attendance_with_the_code_during_the_session(client_for, role_users, running_session):
    code = SessionCode.for_session(running_session)
    client = client_for("lid")
    page = client.get(running_session.url).content.decode()
    assert "Aanwezigheidscode" in page
    response = post_code(client, running_session, code.code.lower()[:3] + " " + code.code[3:])
    assert "Uw aanwezigheid is vastgelegd" in response.content.decode()
    attended = Attendance.objects.get(session=running_session, user=role_users["lid"])
    assert attended.source == Attendance.Source.CODE
    assert "Bewijs van deelname downloaden" in client.get(running_session.url).content.decode()


def test_a_wrong_code_or_outside_the_hours_records_nothing(client_for, running_session, past_session, make_session):
    SessionCode.for_session(running_session)
    right = SessionCode.for_session(past_session).code
    client = client_for("lid")
    assert "Deze code klopt niet" in post_code(client, running_session, "ZZZZZZ").content.decode()
    assert "alleen invoeren tijdens de sessie" in post_code(client, past_session, right).content.decode()
    assert "Vul de aanwezigheidscode in" in post_code(client, running_session, "").content.decode()
    assert not Attendance.objects.exists()


def test_the_code_is_rate_limited(client_for, running_session):
    SessionCode.for_session(running_session)
    client = client_for("lid")
    statuses = [
        client.post(f"/mijn-ontwikkeling/aanwezig/{running_session.pk}/", {"code": "ZZZZZZ"}).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429


@pytest.mark.parametrize("role", ["anonymous", "account"])
def test_only_members_enter_a_code(client_for, role, running_session):
    code = SessionCode.for_session(running_session).code
    response = client_for(role).post(f"/mijn-ontwikkeling/aanwezig/{running_session.pk}/", {"code": code})
    assert response.status_code in (302, 403)
    assert not Attendance.objects.exists()
    assert "Aanwezigheidscode" not in client_for(role).get(running_session.url).content.decode()


def admin_url(session):
    return f"/cms/lunchsessies/{session.pk}/aanwezigheid/"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("lid", False), ("moderator", False), ("redacteur", True), ("beheerder", True)],
)
def test_the_attendance_view_is_for_editors(client_for, role, allowed, past_session):
    response = client_for(role).get(admin_url(past_session))
    assert (response.status_code == 200) is allowed
    if allowed:
        assert SessionCode.objects.get(session=past_session).code in response.content.decode()


def test_an_editor_ticks_registrations(client_for, role_users, past_session):
    came, stayed_away = MemberFactory(first_name="Anna"), MemberFactory(first_name="Bram")
    for user in (came, stayed_away):
        RegistrationFactory(session=past_session, user=user)
    client = client_for("redacteur")
    page = client.get(admin_url(past_session)).content.decode()
    assert "Anna" in page and "Bram" in page
    data = {"action": "ticks", "listed": [came.pk, stayed_away.pk], "attended": [came.pk]}
    client.post(admin_url(past_session), data)
    assert list(Attendance.objects.values_list("user", "source")) == [(came.pk, "editor")]
    client.post(admin_url(past_session), {"action": "ticks", "listed": [came.pk, stayed_away.pk], "attended": []})
    assert not Attendance.objects.exists()


def upload(content: bytes, name="deelnemers.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_an_editor_imports_the_attendee_list(client_for, past_session):
    anna = MemberFactory(first_name="Anna", email="anna@example.org")
    MemberFactory(email="bram@example.org")
    UserFactory(email="geenlid@example.org")  # an account without membership does not count
    Attendance.objects.create(session=past_session, user=MemberFactory(email="al@example.org"), source="code")
    csv_text = (
        "Naam;E-mailadres;Duur\n"
        "Anna;ANNA@example.org;55 min\n"
        "Gast;gast@elders.example;40 min\n"
        "Niet-lid;geenlid@example.org;40 min\n"
        "Al;al@example.org;60 min\n"
        "Zonder adres;;10 min\n"
    )
    response = client_for("redacteur").post(
        admin_url(past_session), {"action": "import", "attendees": upload(csv_text.encode("utf-8-sig"))}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 lid als aanwezig vastgelegd" in page and "1 stond al als aanwezig" in page
    assert "regel 3: gast@elders.example" in page and "regel 4: geenlid@example.org" in page
    assert "Regels zonder e-mailadres overgeslagen: 6" in page
    assert set(Attendance.objects.values_list("user__email", "source")) == {
        ("anna@example.org", "import"),
        ("al@example.org", "code"),
    }
    assert escape(anna.get_full_name()) in page  # Faker's Dutch names include "van 't Erve"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen leesbare tekst"),
        (b"naam;duur\nAnna;55\n", "geen e-mailadressen"),
        (b"a" * (1024 * 1024 + 1), "groter dan 1 MB"),
        (b"", "leeg"),
    ],
)
def test_a_bad_attendee_list_gets_a_message_never_a_500(client_for, past_session, content, message):
    response = client_for("redacteur").post(admin_url(past_session), {"action": "import", "attendees": upload(content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_code_can_be_renewed(client_for, past_session):
    old = SessionCode.for_session(past_session).code
    client_for("redacteur").post(admin_url(past_session), {"action": "new_code"})
    assert SessionCode.objects.get(session=past_session).code != old


def test_editors_manage_intervisie_series(client_for):
    response = client_for("redacteur").get("/cms/snippets/development/intervisieseries/add/")
    assert response.status_code == 200
    assert client_for("lid").get("/cms/snippets/development/intervisieseries/add/").status_code in (302, 403)


def test_an_accredited_session_needs_its_number_and_points(past_session):
    from django.core.exceptions import ValidationError

    past_session.accreditation_number, past_session.skj_points = "", None
    with pytest.raises(ValidationError) as refused:
        past_session.clean()
    assert set(refused.value.message_dict) == {"accreditation_number", "skj_points"}
    past_session.skj_accredited = False
    past_session.clean()
