"""The process timeline is cached as a template fragment, and an editor's change to a phase shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from methodology.models import Phase

pytestmark = pytest.mark.django_db


def _phase_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        body = client.get(path).content.decode()
    return body, [q["sql"] for q in queries.captured_queries if "methodology_phase" in q["sql"]]


def test_timeline_is_rendered_from_the_fragment_cache_until_a_phase_changes(client_for):
    client = client_for("lid")  # signed in: never served from the anonymous page cache
    first, first_queries = _phase_queries(client, "/methodiek/fasen/")
    assert "Begeleide omgang" in first and first_queries

    _, cached_queries = _phase_queries(client, "/methodiek/fasen/")
    assert cached_queries == []

    phase = Phase.objects.get(slug="begeleide-omgang")
    phase.name = "Begeleide omgang in het Omgangshuis"
    phase.save()
    updated, _ = _phase_queries(client, "/methodiek/fasen/")
    assert "Begeleide omgang in het Omgangshuis" in updated
