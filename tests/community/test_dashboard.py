import datetime

import pytest
from django.utils import timezone

from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessions(home_page):
    index = LunchSessionIndexPageFactory(parent=home_page)
    past = [
        LunchSessionPageFactory(
            parent=index, title=f"Voorbij zonder terugblik {n}", start=timezone.now() - datetime.timedelta(days=10 + n)
        )
        for n in range(3)
    ]
    LunchSessionPageFactory(
        parent=index,
        title="Voorbij met transcript",
        transcript="Wat er gezegd is.",
        start=timezone.now() - datetime.timedelta(days=3),
    )
    LunchSessionPageFactory(parent=index, title="Nog te komen", start=timezone.now() + datetime.timedelta(days=3))
    return past


def test_editor_sees_sessions_without_recap_and_own_drafts(
    client_for, role_users, sessions, django_assert_max_num_queries
):
    draft = sessions[0]
    draft.title = "Concept van de redacteur"
    draft.save_revision(user=role_users["redacteur"])
    client = client_for("redacteur")
    client.get("/cms/")
    with django_assert_max_num_queries(60):
        html = client.get("/cms/").content.decode()
    assert "Wat op u wacht" in html
    assert "Voorbij zonder terugblik 1" in html and "Voorbij zonder terugblik 2" in html
    assert "Voorbij met transcript" not in html and "Nog te komen" not in html
    assert "Uw concepten" in html and f"/cms/pages/{draft.pk}/edit/" in html


def test_dashboard_queries_do_not_grow_with_the_number_of_sessions(client_for, sessions, home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("redacteur")
    client.get("/cms/")
    with CaptureQueriesContext(connection) as few:
        client.get("/cms/")
    index = sessions[0].get_parent()
    for n in range(5):
        LunchSessionPageFactory(parent=index, start=timezone.now() - datetime.timedelta(days=40 + n))
    with CaptureQueriesContext(connection) as many:
        client.get("/cms/")
    assert len(many) <= len(few) + 1


def test_moderator_has_no_editor_panel(client_for, sessions):
    assert "Wat op u wacht" not in client_for("moderator").get("/cms/").content.decode()
