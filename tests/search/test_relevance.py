"""The relevance floors of the public set (tests/search/relevance_set.py); `make eval-search` prints the table."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from search import service, store
from search.documents import adapters
from search.engines import SearchQuery

from . import relevance_set

# Floors a change must not go below (per kind and overall), on either database.
FLOORS = {"overall": (0.95, 0.90)}  # the targets of issue 15
KIND_FLOOR = (0.75, 0.6)


@pytest.fixture
def eval_table(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    if not {"guide", "casus", "lunchsession"} <= {adapter.type for adapter in adapters()}:
        pytest.skip("The methodiek, casus and lunch-session adapters are not all registered")
    store.write(relevance_set.DOCS, generation="eval")
    user = get_user_model().objects.get(email="lid@demo.kennisplein.example")

    def search(q):
        return [{hit.url, hit.group_url} - {""} for hit in service.search(user, SearchQuery(q=q)).hits]

    table, misses = relevance_set.evaluate(search)
    print("\n" + relevance_set.format_table(f"Relevance set on {connection.vendor} (as lid)", table))
    for kind, q, rank, top in misses:
        print(f"  miss [{kind}] {q!r}: rank {rank}, top 3 {top}")
    return table


def test_relevance_floors(eval_table):
    hit, mrr, _n = eval_table["overall"]
    assert hit >= FLOORS["overall"][0] and mrr >= FLOORS["overall"][1], eval_table
    low = {kind: row for kind, row in eval_table.items() if row[0] < KIND_FLOOR[0] or row[1] < KIND_FLOOR[1]}
    assert not low, low
