"""Which page may live where, and an editor building the methodiek in the admin."""

import datetime

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from community.models import HomePage
from methodology.models import GuidePage, MethodologyIndexPage, Phase, TrainingModulePage

pytestmark = pytest.mark.django_db


def test_page_creation_rules():
    assert MethodologyIndexPage.allowed_parent_page_models() == [HomePage]
    assert set(MethodologyIndexPage.allowed_subpage_models()) == {GuidePage, TrainingModulePage}
    assert GuidePage.allowed_parent_page_models() == [MethodologyIndexPage]
    assert TrainingModulePage.allowed_parent_page_models() == [MethodologyIndexPage]
    assert GuidePage.allowed_subpage_models() == []
    assert TrainingModulePage.allowed_subpage_models() == []


def test_only_one_methodology_index(home_page, index_page):
    assert not MethodologyIndexPage.can_create_at(home_page)
    assert not GuidePage.can_create_at(home_page)
    assert GuidePage.can_create_at(index_page)
    assert TrainingModulePage.can_create_at(index_page)
    assert not GuidePage.can_create_at(Page.objects.get(depth=1))


def test_index_can_be_created_under_home(home_page):
    assert MethodologyIndexPage.can_create_at(home_page)


@pytest.fixture
def index_page(index_page):
    from methodology.demo import grant_editors_publishing

    grant_editors_publishing(index_page)
    return index_page


def test_editor_creates_and_publishes_a_guide_in_the_admin(client_for, index_page):
    intake = Phase.objects.get(slug="intake")
    data = nested_form_data(
        {
            "title": "Handleiding overdrachten",
            "slug": "overdrachten",
            "teaser": "Hoe u een overdracht begeleidt.",
            "intro": "Inleiding",
            "body": streamfield(
                [
                    ("heading", {"text": "Voorbereiding", "level": "h2"}),
                    ("paragraph", rich_text("<p>Spreek vooraf af waar de overdracht plaatsvindt.</p>")),
                    ("phase", {"phase": intake.pk, "note": ""}),
                ]
            ),
            "last_reviewed": "2025-04-01",
            "reviewed_by": "Pieter Smit",
            "tags": "overdracht, Omgangshuis",
            "action-publish": "publish",
        }
    )
    client = client_for("redacteur")
    response = client.post(f"/cms/pages/add/methodology/guidepage/{index_page.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    guide = GuidePage.objects.get(slug="overdrachten")
    assert guide.live
    assert guide.last_reviewed == datetime.date(2025, 4, 1)
    assert sorted(tag.name for tag in guide.tags.all()) == ["Omgangshuis", "overdracht"]
    assert [entry.title for entry in guide.table_of_contents()] == ["Voorbereiding"]
    assert client_for("anonymous").get("/methodiek/overdrachten/").status_code == 200


def test_editor_creates_a_training_module_with_audiences(client_for, index_page):
    data = nested_form_data(
        {
            "title": "Module overdrachten",
            "slug": "module-overdrachten",
            "teaser": "",
            "intro": "",
            "duration_hours": "3.5",
            "skj_points": "3",
            "path_position": "2",
            "prerequisites": "",
            "learning_goals": streamfield([("goal", "een overdracht begeleiden")]),
            "body": streamfield([]),
            "materials": streamfield([]),
            "tags": "",
            "action-publish": "publish",
        }
    )
    data["audiences"] = ["hulpverlener", "werkbegeleider"]  # multiple values (nested_form_data would number them)
    data["phases"] = [str(Phase.objects.get(slug="overdrachtsbegeleiding").pk)]
    response = client_for("redacteur").post(f"/cms/pages/add/methodology/trainingmodulepage/{index_page.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    module = TrainingModulePage.objects.get(slug="module-overdrachten")
    assert module.audiences == ["hulpverlener", "werkbegeleider"]
    assert [str(label) for label in module.audience_labels] == ["Hulpverlener", "Werkbegeleider"]
    assert [phase.slug for phase in module.phases.all()] == ["overdrachtsbegeleiding"]
    html = client_for("anonymous").get(module.url).content.decode()
    assert "3,5 uur" in html or "3.5 uur" in html
    assert "een overdracht begeleiden" in html


def test_members_cannot_use_the_admin(client_for, index_page):
    response = client_for("lid").get(f"/cms/pages/add/methodology/guidepage/{index_page.pk}/")
    assert response.status_code in (302, 403)
