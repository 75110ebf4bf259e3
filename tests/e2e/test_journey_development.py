"""Issue 19, Mijn ontwikkeling. The editor shows a session's attendance code and records attendance by
ticks and by the meeting tool's list in /cms/; a member who attended two sessions (one by the code, one
from the imported list), completed a module and closed a casus finds all of it on /mijn-ontwikkeling/,
downloads a certificate whose code verifies, and an anonymous visitor with a wrong code learns nothing."""

import datetime
import re
from pathlib import Path

import pypdfium2
import pytest
from django.utils import timezone

from casuses.anonymity import get_deduce
from casuses.models import CasusPage, ensure_index
from community.demo.factories import DEFAULT_PASSWORD, MemberFactory
from development.models import Attendance, SessionCode
from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory, RegistrationFactory
from methodology.factories import MethodologyIndexPageFactory, TrainingModulePageFactory
from tests.conftest import make_role_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "test-output"


def make_sessions():
    from community.models import HomePage

    home = HomePage.objects.get()
    index = LunchSessionIndexPageFactory(parent=home, title="Lunchsessies", slug="lunchsessies")
    now = timezone.now()
    running = LunchSessionPageFactory(
        parent=index,
        title="Ouderschap na de scheiding",
        slug="ouderschap",
        start=now - datetime.timedelta(minutes=15),
        end=now + datetime.timedelta(minutes=45),
    )
    past = LunchSessionPageFactory(
        parent=index,
        title="Het kindgesprek in de praktijk",
        slug="kindgesprek",
        start=now - datetime.timedelta(days=3),
        end=now - datetime.timedelta(days=3) + datetime.timedelta(minutes=90),
        skj_accredited=True,
        accreditation_number="SKJ-778899",
        skj_points=1.5,
    )
    return home, running, past


def check_page(page, axe):
    assert axe() == []
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe() == []
    page.set_viewport_size({"width": 1280, "height": 800})


def test_editor_shows_the_code_and_records_attendance_by_ticks_and_by_list(
    page, live_server, axe, login_form, tmp_path
):
    _home, _running, past = make_sessions()
    ticked, listed, absent = (
        MemberFactory(first_name="Anna", last_name="Bakker"),
        MemberFactory(first_name="Bram", last_name="Claassen", email="bram@example.org"),
        MemberFactory(first_name="Cas", last_name="Dekker"),
    )
    for member in (ticked, absent):
        RegistrationFactory(session=past, user=member)
    redacteur = make_role_user("redacteur")

    page.goto(live_server.url + "/cms/")
    login_form(redacteur, DEFAULT_PASSWORD)
    page.get_by_role("link", name="Het kindgesprek in de praktijk").first.click()
    page.wait_for_load_state()
    page.locator("header").get_by_role("button", name="Acties").click()
    page.get_by_role("link", name="Aanwezigheid").first.click()
    page.wait_for_url("**/aanwezigheid/")
    code = SessionCode.objects.get(session=past).code
    assert page.locator("[data-attendance-code]").text_content().strip() == code

    page.get_by_label("Anna Bakker").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Aanwezigheid opgeslagen: 1 toegevoegd, 0 verwijderd.").is_visible()

    attendees = tmp_path / "deelnemers.csv"
    attendees.write_text("Naam,E-mail,Duur\nBram Claassen,Bram@Example.org,88\nGast,gast@elders.example,60\n")
    page.get_by_label("Deelnemerslijst (CSV)").set_input_files(str(attendees))
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_load_state()
    main = page.locator("main")
    assert "1 lid als aanwezig vastgelegd." in main.text_content()
    assert "regel 3: gast@elders.example" in main.text_content()
    assert set(Attendance.objects.values_list("user", "source")) == {(ticked.pk, "editor"), (listed.pk, "import")}
    assert not Attendance.objects.filter(user=absent).exists()  # registered, but not ticked: no attendance


def pdf_text(body: bytes) -> str:
    document = pypdfium2.PdfDocument(body)
    return document[0].get_textpage().get_text_range()


def test_member_finds_the_record_and_a_certificate_that_verifies(page, live_server, axe, login):
    home, running, past = make_sessions()
    member = MemberFactory(first_name="Sanne", last_name="Jansen")
    code = SessionCode.for_session(running).code
    Attendance.objects.create(session=past, user=member, source=Attendance.Source.IMPORT)
    index = MethodologyIndexPageFactory(parent=home)
    TrainingModulePageFactory(
        parent=index, title="Werken met het ouderschapsplan", slug="ouderschapsplan", duration_hours=4
    )
    casus = CasusPage(
        title="Overdracht loopt steeds uit op ruzie",
        slug="overdracht",
        situation="De ouders zijn een jaar uit elkaar en de overdracht loopt steeds uit op ruzie.",
        question="Hoe zouden jullie dit oppakken?",
        author=member,
        owner=member,
    )
    ensure_index(home).add_child(instance=casus)
    get_deduce()  # load once, before the browser waits on the anonymity check of the follow-up

    login(member.email, DEFAULT_PASSWORD)
    # The code, on the running session's page.
    page.goto(live_server.url + "/")
    page.locator("header").get_by_role("link", name="Lunchsessies").first.click()
    page.get_by_role("link", name="Ouderschap na de scheiding").first.click()
    page.wait_for_url("**/lunchsessies/ouderschap/")
    page.get_by_label("Aanwezigheidscode").fill("ZZZZZZ")
    page.get_by_role("button", name="Aanwezigheid doorgeven").click()
    page.wait_for_load_state()
    assert page.get_by_text("Deze code klopt niet.").is_visible()
    page.get_by_label("Aanwezigheidscode").fill(code.lower())
    page.get_by_role("button", name="Aanwezigheid doorgeven").click()
    page.wait_for_load_state()
    assert page.get_by_text("Uw aanwezigheid is vastgelegd.").first.is_visible()
    check_page(page, axe)

    # The module, after its materials.
    page.locator("header").get_by_role("link", name="Methodiek").first.click()
    page.get_by_role("link", name="Werken met het ouderschapsplan").first.click()
    page.wait_for_url("**/ouderschapsplan/")
    page.get_by_role("button", name="Module afgerond").click()
    page.wait_for_load_state()
    assert page.get_by_text("U heeft deze module afgerond").is_visible()

    # The casus, closed with a follow-up.
    page.locator("header").get_by_role("link", name="Casussen").first.click()
    page.get_by_role("link", name="Overdracht loopt steeds uit op ruzie").first.click()
    page.wait_for_url("**/overdracht/")
    page.get_by_label("Vervolg: wat heeft u gedaan en wat leverde het op?").fill(
        "Ik heb een overdrachtsbegeleiding ingezet via het Omgangshuis; de overdrachten verlopen nu rustig."
    )
    page.locator("main").get_by_role("button", name="Afsluiten", exact=True).click()
    page.wait_for_load_state()

    # Mijn ontwikkeling, from the member menu.
    page.locator("header").get_by_role("link", name="Mijn ontwikkeling").click()
    page.wait_for_url("**/mijn-ontwikkeling/")
    table = page.locator(".development__activities")
    for text in (
        "Ouderschap na de scheiding",
        "Het kindgesprek in de praktijk",
        "SKJ-778899",
        "Werken met het ouderschapsplan",
        "Overdracht loopt steeds uit op ruzie",
    ):
        assert text in table.text_content(), text
    page.screenshot(path=str(SCREENSHOTS / "mijn-ontwikkeling.png"), full_page=True)
    check_page(page, axe)

    # Period and norm, then an activity from elsewhere.
    page.get_by_role("link", name="Periode en norm instellen").click()
    page.get_by_label("Begin van uw registratieperiode").fill(
        (timezone.localdate() - datetime.timedelta(days=400)).isoformat()
    )
    page.get_by_label("Norm").select_option("jzw")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/mijn-ontwikkeling/")
    assert page.get_by_text("Norm: Jeugdzorgwerker.").is_visible()
    page.get_by_role("link", name="Activiteit van elders toevoegen").click()
    page.get_by_label("Datum").fill((timezone.localdate() - datetime.timedelta(days=20)).isoformat())
    page.get_by_label("Titel").fill("Supervisie bij Praktijk Noord")
    page.get_by_label("Categorie").select_option("reflectie")
    page.get_by_label("Duur in uren").fill("twee")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_label("Titel").input_value() == "Supervisie bij Praktijk Noord"
    check_page(page, axe)
    page.get_by_label("Duur in uren").fill("2,5")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/mijn-ontwikkeling/")
    assert "zelf gemeld" in page.locator(".development__activities").text_content()

    # The certificate of the imported session, and its code.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Bewijs van deelname Het kindgesprek in de praktijk (PDF)").click()
    text = pdf_text(open(download_info.value.path(), "rb").read())
    assert "Sanne Jansen" in text and "SKJ-778899" in text
    verify_url = re.search(r"https?://\S+/verifieer/[A-Z0-9-]+/", text).group(0)

    # Anyone who holds the certificate checks it; a wrong code learns nothing.
    page.context.clear_cookies()
    page.goto(verify_url)
    assert page.get_by_role("heading", name="Dit bewijs is echt").is_visible()
    assert "Het kindgesprek in de praktijk" in page.locator("main").text_content()
    check_page(page, axe)
    page.get_by_label("Verificatiecode").fill("ABCD-EFGH-JKLM")
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Geen bewijs gevonden").is_visible()
    main = page.locator("main").text_content()
    assert "Sanne" not in main and "kindgesprek" not in main
    check_page(page, axe)
