import datetime

import factory
import pytest
from django.utils import timezone

from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory, restrict_to_members


class PhaseFactory(factory.django.DjangoModelFactory):
    """Phases come from the methodiek data migration (another branch); tests make their own."""

    class Meta:
        model = "methodology.Phase"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Fase {n}")
    slug = factory.Sequence(lambda n: f"fase-{n}")
    order = factory.Sequence(lambda n: n)


@pytest.fixture
def phase_factory():
    return PhaseFactory


@pytest.fixture
def index_page(home_page):
    return LunchSessionIndexPageFactory(parent=home_page)


@pytest.fixture
def make_session(index_page):
    def _make(*, members_only=False, days=7, **kwargs):
        kwargs.setdefault("start", timezone.now() + datetime.timedelta(days=days))
        session = LunchSessionPageFactory(parent=index_page, **kwargs)
        if members_only:
            restrict_to_members(session)
        return session

    return _make


@pytest.fixture
def upcoming_session(make_session):
    return make_session(title="Nieuwe werkwijze bij contactverlies", slug="contactverlies", capacity=2)


@pytest.fixture
def past_session(make_session):
    return make_session(title="Interventies voor gezinnen", slug="interventies", days=-30)
