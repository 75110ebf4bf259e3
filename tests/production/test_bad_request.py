"""A 400 (e.g. Django's SessionInterrupted while the database restarts, seen in `make faults`) shows a Dutch
page without a trace, like 403/404/500/503."""

import pytest
from django.contrib.sessions.exceptions import SessionInterrupted
from django.test import Client, override_settings
from django.urls import path


def interrupted(request):
    raise SessionInterrupted("The request's session was deleted before the request completed.")


urlpatterns = [path("onderbroken", interrupted)]
pytestmark = pytest.mark.django_db


@override_settings(ROOT_URLCONF="tests.production.test_bad_request", DEBUG=False)
def test_a_bad_request_answers_a_dutch_page_without_a_trace():
    response = Client(raise_request_exception=False).get("/onderbroken")
    body = response.content.decode()
    assert response.status_code == 400
    assert "Verzoek niet verwerkt" in body and "Laad de pagina opnieuw" in body
    assert "Bad Request" not in body and "SessionInterrupted" not in body and "Traceback" not in body
