"""/mijn-ontwikkeling/: the record of one member, its period and norm, activities by hand, exports."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from casuses.models import CasusPage, Reaction
from community.demo.factories import MemberFactory
from development.factories import (
    AttendanceFactory,
    IntervisieSeriesFactory,
    ManualActivityFactory,
    TrainingCompletionFactory,
)
from development.models import DevelopmentProfile, ManualActivity, TrainingCompletion

pytestmark = pytest.mark.django_db

URL = "/mijn-ontwikkeling/"


def closed_casus(casus_index, author, n=1, **fields):
    casus = CasusPage(
        title=f"Casus over overdracht {n}",
        slug=f"casus-{n}",
        situation="De overdracht loopt uit op ruzie.",
        question="Hoe pakken jullie dit aan?",
        author=author,
        owner=author,
        status=CasusPage.Status.CLOSED,
        follow_up="Ik heb een overdrachtsbegeleiding ingezet; het ging beter.",
        closed_at=timezone.now() - datetime.timedelta(days=3),
        **fields,
    )
    casus_index.add_child(instance=casus)
    return casus


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("account", 403), ("lid", 200), ("moderator", 200), ("redacteur", 200), ("beheerder", 200)],
)
def test_the_page_per_role(client_for, role, status):
    response = client_for(role).get(URL)
    assert response.status_code == status
    if status == 200:
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_member_sees_sessions_modules_intervisie_and_own_activities(
    client_for, role_users, past_session, module, casus_index
):
    member = role_users["lid"]
    AttendanceFactory(session=past_session, user=member)
    TrainingCompletionFactory(module=module, user=member)
    closed_casus(casus_index, member)
    ManualActivityFactory(user=member, title="Supervisie bij Praktijk X", category="reflectie", hours=Decimal("2"))
    page = client_for("lid").get(URL).content.decode()
    for text in (
        "Het kindgesprek",
        "SKJ-123456",
        "Werken met het ouderschapsplan",
        "Casus over overdracht 1",
        "activiteit, geen uren",
        "Supervisie bij Praktijk X",
        "zelf gemeld",
        "Bewijs van deelname",
    ):
        assert text in page
    # 1.5 h session + 4 h module under scholing; 2 h supervisie under reflectie (intervisie without series: none)
    assert "5,5 van 60 uur" in page and "2 van 40 uur" in page


def test_another_members_record_never_shows(client_for, role_users, past_session):
    other = MemberFactory()
    AttendanceFactory(session=past_session, user=other)
    activity = ManualActivityFactory(user=other, title="Geheime training")
    client = client_for("lid")
    assert "Het kindgesprek" not in client.get(URL).content.decode()
    assert client.get(f"/mijn-ontwikkeling/activiteit/{activity.pk}/").status_code == 404
    assert client.post(f"/mijn-ontwikkeling/activiteit/{activity.pk}/verwijderen/").status_code == 404
    attendance = other.attendances.get()
    assert client.get(f"/mijn-ontwikkeling/bewijs/{attendance.pk}.pdf").status_code == 404
    assert ManualActivity.objects.filter(pk=activity.pk).exists()


def test_an_accredited_intervisie_series_gives_hours(client_for, role_users, casus_index):
    member = role_users["lid"]
    IntervisieSeriesFactory(hours_per_casus=Decimal("1.5"), hours_per_reaction=Decimal("0.5"))
    casus = closed_casus(casus_index, MemberFactory())
    Reaction.objects.create(casus=casus, author=member, body="Probeer een kindgesprek.")
    Reaction.objects.create(casus=casus, author=member, body="Verborgen", hidden=True)
    closed_casus(casus_index, member, n=2)
    page = client_for("lid").get(URL).content.decode()
    assert "Intervisie: reactie op een casus" in page and "SKJ-INT-2026" in page
    assert "2 van 40 uur" in page  # 1.5 for the casus, 0.5 for the one visible reaction


def test_period_and_norm(client_for, role_users):
    client = client_for("lid")
    response = client.post("/mijn-ontwikkeling/periode/", {"period_start": "2099-01-01", "norm": "jgp"})
    assert response.status_code == 400 and "in de toekomst" in response.content.decode()
    assert 'value="2099-01-01"' in response.content.decode()
    response = client.post(
        "/mijn-ontwikkeling/periode/", {"period_start": "2024-03-01", "norm": "eigen", "custom_training": "30"}
    )
    assert response.status_code == 400 and "Vul bij een eigen norm" in response.content.decode()
    data = {
        "period_start": "2024-03-01",
        "norm": "eigen",
        "custom_training": "30",
        "custom_reflection": "10",
        "custom_free": "0",
    }
    assert client.post("/mijn-ontwikkeling/periode/", data).status_code == 302
    profile = DevelopmentProfile.objects.get(user=role_users["lid"])
    assert profile.period_start == datetime.date(2024, 3, 1)
    page = client.get(URL).content.decode()
    assert "Periode 1 maart 2024 tot en met 28 februari 2029" in page and "van 30 uur" in page
    ManualActivityFactory(user=role_users["lid"], date=datetime.date(2023, 5, 1), title="Oude cursus")
    assert "Oude cursus" not in page
    assert "Oude cursus" in client.get(URL + "?periode=-1").content.decode()
    assert client.get(URL + "?periode=abc").status_code == 200


def test_add_edit_delete_an_activity_by_hand(client_for, role_users):
    client = client_for("lid")
    bad = client.post(
        "/mijn-ontwikkeling/activiteit/nieuw/",
        {"date": "2025-02-30", "title": "Congres", "category": "vrije_ruimte", "hours": "abc"},
    )
    assert bad.status_code == 400 and 'value="Congres"' in bad.content.decode()
    data = {
        "date": "2025-02-03",
        "title": "Presentatie op congres",
        "category": "vrije_ruimte",
        "hours": "2,5",
        "provider": "NJi",
    }
    assert client.post("/mijn-ontwikkeling/activiteit/nieuw/", data).status_code == 302
    activity = ManualActivity.objects.get(user=role_users["lid"])
    assert activity.hours == Decimal("2.5")
    client.post(f"/mijn-ontwikkeling/activiteit/{activity.pk}/", {**data, "title": "Workshop op congres"})
    activity.refresh_from_db()
    assert activity.title == "Workshop op congres"
    assert client.post(f"/mijn-ontwikkeling/activiteit/{activity.pk}/verwijderen/").status_code == 302
    assert not ManualActivity.objects.exists()


def test_csv_export(client_for, role_users, past_session):
    AttendanceFactory(session=past_session, user=role_users["lid"])
    ManualActivityFactory(user=role_users["lid"], title="=HYPERLINK(1)")
    response = client_for("lid").get("/mijn-ontwikkeling/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Datum", "Titel", "Soort", "Categorie"]
    assert ["Het kindgesprek", "Lunchsessie", "Scholing", "1,5", "1,0", "SKJ-123456", "nee"] in [r[1:] for r in rows]
    assert "'=HYPERLINK(1)" in [r[1] for r in rows]


def test_a_member_completes_a_module(client_for, role_users, module):
    client = client_for("lid")
    page = client.get(module.url).content.decode()
    assert "Module afgerond" in page
    client.post(f"/mijn-ontwikkeling/module/{module.pk}/afgerond/")
    assert TrainingCompletion.objects.filter(user=role_users["lid"], module=module).exists()
    assert "U heeft deze module afgerond" in client.get(module.url).content.decode()


def test_a_module_may_require_a_reflection(client_for, role_users, module):
    module.requires_reflection = True
    module.save()
    client = client_for("lid")
    response = client.post(f"/mijn-ontwikkeling/module/{module.pk}/afgerond/", {"reflection": "Kort."}, follow=True)
    page = response.content.decode()
    assert "minstens 50 tekens" in page and "Kort." in page
    assert not TrainingCompletion.objects.exists()
    text = "Ik neem mee dat beide ouders apart gehoord worden voordat er een plan komt."
    client.post(f"/mijn-ontwikkeling/module/{module.pk}/afgerond/", {"reflection": text})
    assert TrainingCompletion.objects.get().reflection == text


def test_the_overview_takes_the_same_queries_whatever_the_number_of_activities(
    client_for, role_users, make_session, module, casus_index, django_assert_max_num_queries
):
    member = role_users["lid"]
    client = client_for("lid")
    IntervisieSeriesFactory()

    def add(n):
        for i in range(n):
            session = make_session(slug=f"s-{n}-{i}", starts_in=datetime.timedelta(days=-10 - i))
            AttendanceFactory(session=session, user=member)
            ManualActivityFactory(user=member)
            casus = closed_casus(casus_index, member, n=f"{n}-{i}")
            Reaction.objects.create(casus=casus, author=member, body="Reactie")

    add(1)
    client.get(URL)
    with django_assert_max_num_queries(12) as few:
        client.get(URL)
    add(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert response.content.decode().count("zelf gemeld") >= 9
