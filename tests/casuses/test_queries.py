"""Constant query counts, whatever the number of casussen, tags and reactions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casuses.models import Reaction

pytestmark = pytest.mark.django_db


def count_queries(client, path, show=False):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    if show:
        for query in context.captured_queries:
            print(query["sql"][:200])
    return len(context.captured_queries)


def test_list_query_count_is_constant(client_for, make_casus, role_users, django_assert_max_num_queries):
    client = client_for("lid")
    for _ in range(2):
        casus = make_casus(role_users["lid"], tags=("overdracht", "conflict"))
        Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Advies")
    count_queries(client, "/casussen/")  # warm-up: per-process caches (site root paths)
    few = count_queries(client, "/casussen/")
    for n in range(12):
        casus = make_casus(role_users["lid"], tags=(f"tag-{n}", "conflict"))
        Reaction.objects.bulk_create(
            [Reaction(casus=casus, author=role_users["vereniging"], body="Advies") for _ in range(3)]
        )
    count_queries(client, "/casussen/")  # warm-up again: the publishes moved the content version (fragments)
    many = count_queries(client, "/casussen/")
    print(f"\nlist queries: {few} with 2 casussen, {many} with 14 casussen")
    assert many == few
    with django_assert_max_num_queries(30):
        client.get("/casussen/?tag=conflict&leeftijd=4-8&status=open&sortering=actief")


def test_detail_query_count_is_constant(client_for, make_casus, role_users, django_assert_max_num_queries):
    casus = make_casus(role_users["lid"])
    client = client_for("moderator")
    Reaction.objects.create(casus=casus, author=role_users["vereniging"], body="Advies")
    count_queries(client, casus.url)  # warm-up
    few = count_queries(client, casus.url)
    Reaction.objects.bulk_create(
        [Reaction(casus=casus, author=role_users[r], body="Advies") for r in ("lid", "beheerder", "redacteur") * 5]
    )
    assert count_queries(client, casus.url) == few
    with django_assert_max_num_queries(30):
        client.get(casus.url)
