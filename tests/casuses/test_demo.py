import io

import pytest
from django.core.management import call_command

from casuses.anonymity import find_personal_data
from casuses.models import CasusPage, Reaction

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_realistic_and_anonymised():
    call_command("load_demo", stdout=io.StringIO())
    casuses = list(CasusPage.objects.live())
    reactions = Reaction.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert CasusPage.objects.count() == len(casuses) >= 8
    assert Reaction.objects.count() == reactions
    assert len({c.age_band for c in casuses}) == 5
    assert len(set(Reaction.objects.values_list("perspective", flat=True))) >= 4
    closed = [c for c in casuses if c.status == "closed"]
    assert closed and closed[0].follow_up
    for casus in casuses:
        for text in (casus.title, casus.situation, casus.question, casus.follow_up):
            blocking = [f for f in find_personal_data(text) if f.severity == "block"]
            assert not blocking, (casus.slug, blocking)
    for body in Reaction.objects.values_list("body", flat=True):
        assert not [f for f in find_personal_data(body) if f.severity == "block"], body
