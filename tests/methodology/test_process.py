"""The Ouderschap Blijft process as data: created by a migration, shown on phase pages."""

import pytest
from django.urls import reverse
from wagtail import hooks

from community.core.cards import Card
from community.core.hooks import PHASE_LINKS, Section
from methodology.models import Phase

pytestmark = pytest.mark.django_db


def test_the_phases_exist_in_order_with_their_limits():
    phases = {phase.slug: phase for phase in Phase.objects.all()}
    steps = [phase.slug for phase in Phase.objects.filter(kind=Phase.Kind.STEP)]
    assert steps == [
        "intake",
        "kindgesprek",
        "plan-van-aanpak",
        "begeleide-omgang",
        "overdrachtsbegeleiding",
        "omgang-zonder-toezicht",
        "terugkomafspraken",
    ]
    assert "apart" in phases["intake"].participants
    assert "interactie-observatie" in phases["kindgesprek"].name.lower()
    assert "maximale duur" in phases["plan-van-aanpak"].limits
    assert phases["begeleide-omgang"].max_sessions == 4
    assert phases["overdrachtsbegeleiding"].max_sessions == 2
    assert phases["oudergesprekken"].is_parallel
    assert phases["omgang-zonder-toezicht"].duration_weeks == 26
    assert phases["terugkomafspraken"].max_sessions == 4 and phases["terugkomafspraken"].duration_weeks == 26
    escalation = phases["melding-jeugdteam-veilig-thuis"]
    assert escalation.is_escalation and "Veilig Thuis" in escalation.name
    assert str(phases["begeleide-omgang"].sessions_label) == "maximaal 4 keer"
    assert str(phases["terugkomafspraken"].duration_label) == "ongeveer 6 maanden"


def test_every_phase_has_a_stable_url(client):
    for phase in Phase.objects.all():
        assert phase.get_absolute_url() == f"/methodiek/fasen/{phase.slug}/"
        response = client.get(phase.get_absolute_url())
        assert response.status_code == 200
        assert phase.name in response.content.decode()


def test_phase_page_shows_step_number_and_neighbours(client):
    html = client.get("/methodiek/fasen/begeleide-omgang/").content.decode()
    assert "Fase 4 van 7" in html
    assert 'href="/methodiek/fasen/plan-van-aanpak/"' in html
    assert 'href="/methodiek/fasen/overdrachtsbegeleiding/"' in html
    assert "maximaal 4 keer" in html


def test_unknown_phase_is_404(client):
    assert client.get("/methodiek/fasen/bestaat-niet/").status_code == 404


def test_phase_list_draws_the_timeline_as_an_ordered_list(client):
    html = client.get(reverse("methodology:phases")).content.decode()
    assert '<ol class="process__steps">' in html
    assert html.count('class="process__step"') == 7
    assert "Loopt parallel aan de stappen" in html
    assert "Als het niet lukt" in html


def test_other_apps_contribute_related_items_to_a_phase_page(client):
    def casussen(request, phase):
        return [Card(type_label="Casus", title=f"Casus over {phase.name}", url="/casussen/1/")]

    with hooks.register_temporarily(
        PHASE_LINKS, lambda: Section(key="test.casussen", title="Casussen", items=casussen, order=50)
    ):
        html = client.get("/methodiek/fasen/intake/").content.decode()
        assert "<h2" in html and "Casussen" in html
        assert "Casus over Intake met beide ouders apart" in html
    assert "Casus over" not in client.get("/methodiek/fasen/intake/").content.decode()


def test_phase_page_links_guide_chapters_and_training_the_user_may_see(client_for, methodiek):
    anonymous = client_for("anonymous").get("/methodiek/fasen/intake/").content.decode()
    assert "Handleiding voor leden" not in anonymous
    assert "Openbare module" in anonymous
    assert "Module voor leden" not in anonymous and "Module voor de Vereniging" not in anonymous

    member = client_for("lid").get("/methodiek/fasen/intake/").content.decode()
    assert "Handleiding voor leden: Intake" in member
    assert "/methodiek/leden/#intake" in member
    assert "Module voor leden" in member and "Module voor de Vereniging" not in member

    association = client_for("vereniging").get("/methodiek/fasen/intake/").content.decode()
    assert "Module voor de Vereniging" in association


@pytest.mark.parametrize("url", ["/methodiek/fasen/", "/methodiek/"])
def test_timeline_numbers_steps_one_to_seven_with_the_parallel_phase_in_place(client, index_page, url):
    import re

    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    markers = re.findall(r'<span class="process__marker" aria-hidden="true">([^<]+)</span>', html)
    assert markers == ["1", "2", "3", "∥", "4", "5", "6", "7"]
    parallel = html[html.index("process__step--parallel") :]
    assert "vanaf stap 3" in parallel[: parallel.index("</li>")]
    assert "Oudergesprekken" in parallel[: parallel.index("</li>")]
