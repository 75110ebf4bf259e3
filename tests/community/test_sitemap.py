"""/sitemap.xml lists public pages and the public objects (organisations, regions, ouderbijeenkomsten, phases,
techniques), never what only members may see, in a constant number of queries."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from community.models import Organisation, ParentMeeting, Region
from methodology.models import Phase, Technique

pytestmark = pytest.mark.django_db


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


def make_organisations(count, start=0):
    return [
        Organisation.objects.create(name=f"Organisatie {i}", slug=f"organisatie-{i}", place="Utrecht")
        for i in range(start, start + count)
    ]


def test_public_objects_are_listed_with_full_urls(client):
    organisation = make_organisations(1)[0]
    region = Region.objects.order_by("pk").first() or Region.objects.create(name="Utrecht", slug="utrecht")
    meeting = ParentMeeting.objects.create(
        title="Ouderbijeenkomst",
        region=region,
        starts_at=timezone.now() + datetime.timedelta(days=7),
        ends_at=timezone.now() + datetime.timedelta(days=7, hours=2),
        venue="Buurthuis",
    )
    technique = Technique.objects.create(
        name="Meerzijdige partijdigheid", slug="meerzijdige-partijdigheid", summary="x"
    )
    body = sitemap(client)
    for obj in (organisation, region, meeting, technique, Phase.objects.order_by("order").first()):
        assert f"{obj.get_absolute_url()}</loc>" in body, obj
    root = Site.objects.get(is_default_site=True).root_url
    assert f"<loc>{root}{organisation.get_absolute_url()}</loc>" in body


def test_sitemap_never_lists_member_profiles_or_casussen(client, role_users):
    from community.models import MemberProfile

    profile = MemberProfile.objects.filter(user=role_users["lid"]).first()
    body = sitemap(client)
    assert "/leden/" not in body and "/casussen/" not in body
    assert profile is None or profile.get_absolute_url() not in body


def test_constant_queries(client, django_assert_max_num_queries):
    make_organisations(2)
    sitemap(client)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        sitemap(client)
    make_organisations(30, start=2)
    with django_assert_max_num_queries(len(few)):
        assert "organisatie-31" in sitemap(client)
