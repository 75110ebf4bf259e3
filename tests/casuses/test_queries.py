"""Constant query counts, whatever the number of casussen, tags and reactions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casuses.models import Appreciation, Reaction, ReactionVersion

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


@pytest.mark.parametrize("role, ceiling", [("lid", 11), ("vereniging", 11), ("moderator", 15)])
def test_casus_page_with_50_reactions_edited_appreciated_and_withdrawn(
    client_for, make_casus, role_users, django_assert_max_num_queries, role, ceiling
):
    """Issue 18: appreciation counts, one's own marks, earlier versions (moderators) and withdrawn or hidden
    reactions cost no query per reaction. Before issue 18 the page took 11 (members) and 14 (moderators)."""
    casus = make_casus(role_users["lid"], conversation_format="rounds")
    client = client_for(role)
    writers = ("lid", "vereniging", "beheerder", "redacteur", "moderator")

    def add(count):
        reactions = Reaction.objects.bulk_create(
            [Reaction(casus=casus, author=role_users[writers[n % 5]], body=f"Advies {n}") for n in range(count)]
        )
        now = timezone.now()
        ReactionVersion.objects.bulk_create(
            [ReactionVersion(reaction=r, body="Eerder", written_at=now) for r in reactions[::3]]
        )
        Appreciation.objects.bulk_create(
            [
                Appreciation(reaction=r, member=role_users[writers[(n + 1) % 5]], kind="usable")
                for n, r in enumerate(reactions)
            ]
            + [Appreciation(reaction=r, member=role_users["lid"], kind="recognisable") for r in reactions[1::2]]
        )
        Reaction.objects.filter(pk__in=[r.pk for r in reactions[::7]]).update(withdrawn_at=now, body="")
        Reaction.objects.filter(pk__in=[r.pk for r in reactions[::11]]).update(hidden=True, hidden_reason="Reden")

    add(2)
    count_queries(client, casus.url)  # warm-up
    few = count_queries(client, casus.url)
    add(48)
    many = count_queries(client, casus.url)
    print(f"\ncasus page queries ({role}): {few} with 2 reactions, {many} with 50")
    assert many == few
    with django_assert_max_num_queries(ceiling):
        client.get(casus.url)
