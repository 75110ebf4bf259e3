"""Packed document ids and audience codes, shared by the index writer (store) and the engines.

Below both: it imports only the models, so the engines can read codes without importing the writer.
"""

from django.db.models import Max

from .models import IndexedAudience

BATCH = 500


def chunks(items, size=BATCH):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# A document's id (on both databases) packs its date, a sequence number and a code for its audience:
#     id = sequence << AUDIENCE_BITS | audience code, where a date's sequence numbers start at its
#     ordinal << SEQUENCE_BITS (first_sequence)
# so the full-text index's id order is date order ("newest first" is a backwards walk of the index, and "the
# newest N matches" is cheap), and access filtering is arithmetic on the id, with no extra index terms to
# merge (see search.engines.base).
AUDIENCE_BITS = 10
SEQUENCE_BITS = 31
AUDIENCE_MASK = (1 << AUDIENCE_BITS) - 1


def first_sequence(date) -> int:
    """The first sequence number of a date (None: undated, before every date); it holds the date's ordinal."""
    day = date.toordinal() if date else 0
    return (day << SEQUENCE_BITS) + 1


def packed_id(sequence: int, code: int) -> int:
    return sequence << AUDIENCE_BITS | code


def date_id_range(date) -> tuple[int, int]:
    """The lowest and highest id a document of this date can get."""
    first = first_sequence(date)
    last = first + (1 << SEQUENCE_BITS) - 2  # the date's sequence numbers: first .. last
    return packed_id(first, 0), packed_id(last, AUDIENCE_MASK)


def audience_codes(audiences, create: bool = False) -> dict[str, int]:
    """The codes of these audiences in document ids; with ``create``, new audiences get the next free code."""
    audiences = set(audiences)
    codes = dict(IndexedAudience.objects.filter(audience__in=audiences).values_list("audience", "code"))
    missing = sorted(audiences - set(codes)) if create else []
    if missing:
        following = (IndexedAudience.objects.aggregate(last=Max("code"))["last"] or 0) + 1
        if following + len(missing) - 1 > AUDIENCE_MASK:
            raise OverflowError(f"more than {AUDIENCE_MASK} audiences in the search index")
        created = IndexedAudience.objects.bulk_create(
            IndexedAudience(audience=audience, code=code) for code, audience in enumerate(missing, start=following)
        )
        codes.update((row.audience, row.code) for row in created)
    return codes
