"""Proof: the certificate of an attended session (PDF, looked at as PNG), the overview PDF, the public
/verifieer/<code>/ and what happens to all of it with a data export and an account deletion."""

import json
import re
from pathlib import Path

import pypdfium2
import pytest
from django.urls import reverse

from community.accounts.views import erase_account
from development.factories import AttendanceFactory, ManualActivityFactory
from development.models import Attendance, Certificate

pytestmark = pytest.mark.django_db
PNG_DIR = Path(__file__).resolve().parents[2] / "var" / "test-output"


def pdf_text_and_png(body: bytes, name: str) -> str:
    """The PDF's text, and its first page as a PNG under var/test-output/ to look at."""
    assert body.startswith(b"%PDF-")
    document = pypdfium2.PdfDocument(body)
    page = document[0]
    text = page.get_textpage().get_text_range()
    image = page.render(scale=1.5).to_pil()
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    image.save(PNG_DIR / name)
    # The page is not blank: a good share of it is ink.
    greyscale = image.convert("L")
    dark = sum(1 for value in greyscale.getdata() if value < 128)
    assert dark > greyscale.width * greyscale.height * 0.005
    return text


def test_a_certificate_names_the_session_and_verifies(client_for, role_users, past_session, client):
    member = role_users["lid"]
    member.first_name, member.last_name = "Sanne", "de Vries"
    member.save()
    attendance = AttendanceFactory(session=past_session, user=member)
    response = client_for("lid").get(f"/mijn-ontwikkeling/bewijs/{attendance.pk}.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text_and_png(response.content, "bewijs-van-deelname.png")
    certificate = Certificate.objects.get()
    for expected in (
        "Bewijs van deelname",
        "Sanne de Vries",
        "Het kindgesprek",
        "1,5 uur",
        "SKJ-123456",
        certificate.display_code,
    ):
        assert expected in text
    assert f"/verifieer/{certificate.display_code}/" in text
    # A second download is the same certificate.
    client_for("lid").get(f"/mijn-ontwikkeling/bewijs/{attendance.pk}.pdf")
    assert Certificate.objects.count() == 1

    page = client.get(f"/verifieer/{certificate.display_code.lower()}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Dit bewijs is echt" in body and "Sanne de Vries" in body and "SKJ-123456" in body
    assert "Mijn ontwikkeling" not in body  # nothing of the member's record


@pytest.mark.parametrize("code", ["ABCD-EFGH-JKLM", "x", "' OR 1=1 --", "A" * 500, "%00", "ÄÖÜ"])
def test_a_wrong_code_learns_nothing(client, past_session, role_users, code):
    AttendanceFactory(session=past_session, user=role_users["lid"])
    response = client.get("/verifieer/", {"code": code}, follow=True)
    assert response.status_code == 404
    body = response.content.decode()
    assert "Geen bewijs gevonden" in body
    assert "Het kindgesprek" not in body and role_users["lid"].last_name not in body


def test_wrong_codes_answer_alike(client):
    first = client.get("/verifieer/ABCD-EFGH-JKLM/")
    second = client.get("/verifieer/NOTEVENACODE/")
    strip = lambda response: re.sub(r'(value="|next=)[^"]*"', "", response.content.decode())  # noqa: E731
    assert first.status_code == second.status_code == 404
    assert strip(first) == strip(second)
    assert first["X-Robots-Tag"] == "noindex, nofollow"


def test_verification_is_rate_limited(client):
    statuses = [client.get(f"/verifieer/ABCD-EFGH-JK{n:02d}/").status_code for n in range(31)]
    assert statuses[-1] == 429 and set(statuses[:30]) == {404}


def test_the_overview_pdf(client_for, role_users, past_session):
    AttendanceFactory(session=past_session, user=role_users["lid"])
    ManualActivityFactory(user=role_users["lid"], title="Supervisie & intervisie <extern>", category="reflectie")
    response = client_for("lid").get("/mijn-ontwikkeling/overzicht.pdf")
    text = pdf_text_and_png(response.content, "overzicht-ontwikkeling.png")
    for expected in (
        "Overzicht professionele ontwikkeling",
        "Het kindgesprek",
        "Supervisie & intervisie <extern>",
        "zelf gemeld",
        "Scholing",
    ):
        assert expected in text


def test_the_record_is_in_the_data_export(client_for, role_users, past_session):
    attendance = AttendanceFactory(session=past_session, user=role_users["lid"])
    ManualActivityFactory(user=role_users["lid"], title="Congres")
    client = client_for("lid")
    client.get(f"/mijn-ontwikkeling/bewijs/{attendance.pk}.pdf")
    data = json.loads(client.get(reverse("download_data")).content)["ontwikkeling"]
    assert data["aanwezigheid"][0]["sessie"] == "Het kindgesprek"
    assert data["aanwezigheid"][0]["bewijs_verificatiecode"] == Certificate.objects.get().display_code
    assert data["zelf_ingevoerd"][0]["titel"] == "Congres"


def test_deleting_the_account_removes_the_record_but_the_certificate_still_verifies(
    client_for, role_users, past_session, client
):
    member = role_users["lid"]
    attendance = AttendanceFactory(session=past_session, user=member)
    client_for("lid").get(f"/mijn-ontwikkeling/bewijs/{attendance.pk}.pdf")
    ManualActivityFactory(user=member)
    code = Certificate.objects.get().display_code
    erase_account(member)
    assert not Attendance.objects.exists()
    certificate = Certificate.objects.get()
    assert certificate.holder_name == "" and certificate.attendance is None
    body = client.get(f"/verifieer/{code}/").content.decode()
    assert "Dit bewijs is echt" in body and "verwijderd op verzoek" in body and "Het kindgesprek" in body
