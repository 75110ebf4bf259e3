import pytest

from casuses.models import CasusPage, ensure_index


@pytest.fixture
def casus_index(home_page):
    return ensure_index(home_page)


@pytest.fixture
def make_casus(casus_index):
    counter = {"n": 0}

    def _make(author=None, *, live=True, tags=("contactverlies",), **fields):
        counter["n"] += 1
        n = counter["n"]
        values = {
            "title": f"Casus over overdracht {n}",
            "slug": f"casus-over-overdracht-{n}",
            "situation": "De ouders zijn een jaar gescheiden en de overdracht loopt steeds uit op ruzie.",
            "question": "Hoe zouden jullie dit oppakken?",
            "age_band": "4-8",
            "author": author,
            "owner": author,
        }
        values.update(fields)
        casus = CasusPage(live=live, **values)
        casus_index.add_child(instance=casus)
        casus.tags.set(list(tags))
        revision = casus.save_revision(user=author)
        if live:
            revision.publish(skip_permission_checks=True)
        return CasusPage.objects.get(pk=casus.pk)

    return _make
