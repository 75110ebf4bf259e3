"""Series of lunch sessions (issue 18): editors manage them in the admin and set one on a session."""

import pytest

from lunchsessions.models import LunchSeries

pytestmark = pytest.mark.django_db

ADD_URL = "/cms/snippets/lunchsessions/lunchseries/add/"


def test_editor_adds_a_series_in_the_admin(client_for):
    response = client_for("redacteur").post(ADD_URL, {"name": "Juridisch spreekuur", "description": "Elke maand."})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert LunchSeries.objects.get().name == "Juridisch spreekuur"


@pytest.mark.parametrize("role", ["anonymous", "lid", "moderator"])
def test_others_may_not_add_a_series(client_for, role):
    response = client_for(role).post(ADD_URL, {"name": "Eigen reeks"})
    assert response.status_code in (302, 403)
    assert not LunchSeries.objects.exists()
