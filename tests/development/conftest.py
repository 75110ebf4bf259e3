import datetime

import pytest
from django.utils import timezone

from casuses.models import ensure_index
from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory
from methodology.factories import MethodologyIndexPageFactory, TrainingModulePageFactory


@pytest.fixture
def index_page(home_page):
    return LunchSessionIndexPageFactory(parent=home_page)


@pytest.fixture
def make_session(index_page):
    def _make(*, starts_in=datetime.timedelta(days=-7), hours=1, **kwargs):
        start = timezone.now() + starts_in
        kwargs.setdefault("end", start + datetime.timedelta(hours=hours))
        return LunchSessionPageFactory(parent=index_page, start=start, **kwargs)

    return _make


@pytest.fixture
def running_session(make_session):
    return make_session(title="Ouderschap na de scheiding", slug="lopend", starts_in=datetime.timedelta(minutes=-20))


@pytest.fixture
def past_session(make_session):
    return make_session(
        title="Het kindgesprek",
        slug="kindgesprek",
        skj_accredited=True,
        accreditation_number="SKJ-123456",
        skj_points=1,
        hours=1.5,
    )


@pytest.fixture
def module(home_page):
    index = MethodologyIndexPageFactory(parent=home_page, title="Methodiek", slug="methodiek")
    return TrainingModulePageFactory(parent=index, title="Werken met het ouderschapsplan", duration_hours=4)


@pytest.fixture
def casus_index(home_page):
    return ensure_index(home_page)
