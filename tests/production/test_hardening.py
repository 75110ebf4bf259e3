"""Security headers, rate limits, uploads, sanitising, error pages and logs."""

import io
import logging
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import include, path

from community.core import ratelimit
from community.core.sanitize import clean_html, plain_text
from community.core.uploads import DocumentForm, validate_upload

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


def test_site_gets_a_strict_content_security_policy(home_page):
    policy = directives(Client().get("/"))
    assert policy["script-src"] == "script-src 'self'"
    assert policy["style-src"] == "style-src 'self'"
    assert policy["object-src"] == "object-src 'none'"
    assert "unsafe-inline" not in Client().get("/accounts/login/")["Content-Security-Policy"]


def test_admin_gets_the_relaxed_policy(client_for):
    response = client_for("beheerder").get("/cms/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == "object-src 'none'"


def test_security_headers(home_page):
    response = Client().get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SESSION_COOKIE_SECURE=True)
def test_hsts_and_secure_cookies_over_https(home_page, role_users):
    client = Client()
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    logged_in = client.post(
        "/accounts/login/", {"login": role_users["lid"].email, "password": "een-lang-testwachtwoord-42"}, secure=True
    )
    assert logged_in.status_code == 302
    session_cookie = logged_in.cookies["sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"]


def test_templates_have_no_inline_script_or_style(home_page):
    html = Client().get("/").content.decode()
    assert "<script>" not in html and " style=" not in html and " onclick=" not in html


# --- rate limits -------------------------------------------------------------------------------


@ratelimit.rate_limit("test_action", "3/m")
def limited_view(request):
    return HttpResponse("ok")


urlpatterns = [path("api/limited", limited_view), path("limited", limited_view), path("", include("community.urls"))]


@override_settings(ROOT_URLCONF=__name__)
def test_rate_limit_answers_429_in_dutch_after_the_limit():
    client = Client()
    assert [client.post("/limited").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.post("/limited")
    assert refused.status_code == 429
    assert "te vaak" in refused.content.decode()
    assert client.get("/limited").status_code == 200  # only POSTs count
    api = client.post("/api/limited")
    assert api.status_code == 429 and "te vaak" in api.json()["error"]


def test_rate_limit_counts_per_user_or_ip(role_users):
    factory = RequestFactory()
    request = factory.post("/x", REMOTE_ADDR="10.0.0.1")
    request.user = role_users["lid"]
    assert ratelimit.client_key(request) == f"user:{role_users['lid'].pk}"
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert ratelimit.client_key(request) == "ip:10.0.0.1"


def test_failed_log_ins_are_limited_with_a_dutch_message(role_users):
    client = Client()
    email = role_users["lid"].email
    answers = [client.post("/accounts/login/", {"login": email, "password": "fout-wachtwoord"}) for _ in range(6)]
    last = answers[-1].content.decode()
    assert answers[0].status_code == 200 and "Te veel inlogpogingen" not in answers[0].content.decode()
    assert "Te veel inlogpogingen. Probeer het later nogmaals." in last
    # Even the right password is refused now, so guessing on cannot succeed.
    right = client.post("/accounts/login/", {"login": email, "password": "een-lang-testwachtwoord-42"})
    assert "Te veel inlogpogingen" in right.content.decode()


@override_settings(ACCOUNT_RATE_LIMITS={"login": "3/m/ip"})
def test_log_in_attempts_are_limited_with_429_and_a_dutch_page():
    client = Client()
    statuses = [
        client.post("/accounts/login/", {"login": "a@example.org", "password": "x"}).status_code for _ in range(4)
    ]
    assert statuses[-1] == 429


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "2/m/ip"})
def test_signup_is_limited_with_429_and_a_dutch_page():
    client = Client()
    for _ in range(2):
        client.post("/accounts/signup/", {"email": "x@example.org"})
    refused = client.post("/accounts/signup/", {"email": "x@example.org"})
    assert refused.status_code == 429
    assert "te vaak achter elkaar" in refused.content.decode()


@override_settings(ACCOUNT_RATE_LIMITS={"reset_password": "2/m/ip"})
def test_password_reset_is_limited_with_429():
    client = Client()
    statuses = [client.post("/accounts/password/reset/", {"email": "a@example.org"}).status_code for _ in range(3)]
    assert statuses[-1] == 429


# --- uploads -----------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    # A fixed date: the bytes are part of the test id, which must be the same on every xdist worker.
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=(2026, 1, 1, 0, 0, 0)), "<Types/>")
        archive.writestr(zipfile.ZipInfo("word/document.xml", date_time=(2026, 1, 1, 0, 0, 0)), "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content,ok",
    [
        ("werkvorm.pdf", PDF, True),
        ("werkvorm.docx", docx_bytes(), True),
        ("notities.txt", b"Oudergesprek: afspraken over de overdracht.", True),
        ("ondertitels.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n", True),
        ("werkvorm.pdf", b"MZ\x90\x00 not a pdf", False),  # an executable named .pdf
        ("werkvorm.docx", PDF, False),
        ("notities.txt", b"\x00\x01\x02binary", False),
        ("script.exe", b"MZ\x90\x00", False),
        ("pagina.html", b"<script>alert(1)</script>", False),
        ("tekening.svg", b"<svg onload=alert(1)>", False),
    ],
)
def test_upload_type_and_content_checks(name, content, ok):
    upload = SimpleUploadedFile(name, content)
    if ok:
        validate_upload(upload)
    else:
        with pytest.raises(ValidationError):
            validate_upload(upload)


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=10)
def test_upload_size_limit():
    with pytest.raises(ValidationError, match="te groot"):
        validate_upload(SimpleUploadedFile("werkvorm.pdf", PDF))


def test_wagtail_document_upload_refuses_a_disguised_file(client_for):
    from wagtail.documents.models import Document

    client = client_for("beheerder")
    refused = client.post(
        "/cms/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("werkvorm.pdf", b"MZ\x90\x00 not a pdf")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert Document.objects.count() == 0, refused.content
    accepted = client.post(
        "/cms/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("werkvorm.pdf", PDF)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert accepted.status_code == 200
    assert Document.objects.count() == 1
    assert issubclass(DocumentForm, object)


def test_wagtail_images_refuse_svg_and_other_types(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


# --- sanitising ---------------------------------------------------------------------------------


def test_clean_html_keeps_structure_and_drops_scripts():
    dirty = (
        '<p onclick="x()">Casus <strong>kort</strong></p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">klik</a><a href="https://example.org">bron</a><img src=x onerror=alert(1)>'
        '<iframe src="https://evil.example"></iframe><p style="color:red">rood</p>'
    )
    clean = str(clean_html(dirty))
    assert "<script" not in clean and "onclick" not in clean and "javascript:" not in clean
    assert "<img" not in clean and "<iframe" not in clean and "style=" not in clean
    assert "<strong>kort</strong>" in clean
    assert 'href="https://example.org"' in clean and 'rel="nofollow noopener noreferrer"' in clean
    assert plain_text("<p>Hallo <b>wereld</b></p>") == "Hallo wereld"
    assert clean_html(None) == ""


def test_sanitize_template_filter():
    from django.template import Context, Template

    rendered = Template("{% load sanitize %}{{ text|clean_html }}").render(
        Context({"text": "<p>a</p><script>b</script>"})
    )
    assert rendered == "<p>a</p>"


# --- errors and logs -----------------------------------------------------------------------------


def broken_view(request):
    raise RuntimeError("casus text: Moeder en vader strijden over de kinderen")


@override_settings(ROOT_URLCONF="tests.production.error_urls", DEBUG=False)
def test_errors_show_no_stack_trace_and_logs_no_request_body(caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.post("/kapot", {"situatie": "Geheime casustekst over Jan en Piet"})
    assert response.status_code == 500
    body = response.content.decode()
    assert "Traceback" not in body and "RuntimeError" not in body and "Moeder" not in body
    assert "Er ging iets mis" in body
    from community.core.logging import RedactFilter

    redact = RedactFilter()
    for record in caplog.records:
        redact.filter(record)
        assert getattr(record, "request", None) is None
        assert "Geheime casustekst" not in record.getMessage()


def test_permissions_policy_switches_off_camera_microphone_location_and_payment(home_page):
    response = Client().get("/")
    policy = {part.strip() for part in response["Permissions-Policy"].split(",")}
    assert policy == {"camera=()", "microphone=()", "geolocation=()", "payment=()"}
