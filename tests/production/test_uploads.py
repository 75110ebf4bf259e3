"""Uploaded documents: served as downloads, macro-enabled Office files refused, size bounded unread."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from community.core.uploads import validate_upload

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_pdf_document_is_served_as_a_download_with_nosniff():
    from wagtail.documents.models import Document

    document = Document.objects.create(title="Werkvorm", file=ContentFile(PDF, name="werkvorm.pdf"))
    response = Client().get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def office_bytes(*members: tuple[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


CLEAN_TYPES = (
    '<Types><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
MACRO_TYPES = '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'


def test_a_clean_docx_is_accepted():
    validate_upload(
        SimpleUploadedFile(
            "werkvorm.docx", office_bytes(("[Content_Types].xml", CLEAN_TYPES), ("word/document.xml", "<w/>"))
        )
    )


@pytest.mark.parametrize(
    "name,members",
    [
        (
            "werkvorm.docx",
            [
                ("[Content_Types].xml", CLEAN_TYPES),
                ("word/document.xml", "<w/>"),
                ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
            ],
        ),
        ("werkvorm.docx", [("[Content_Types].xml", MACRO_TYPES), ("word/document.xml", "<w/>")]),
        (
            "begroting.xlsx",
            [("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<w/>"), ("xl/vbaProject.bin", b"\x00")],
        ),
        (
            "dia.pptx",
            [("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p/>"), ("ppt/vbaProject.bin", b"\x00")],
        ),
        (
            "verslag.odt",
            [("mimetype", "application/vnd.oasis.opendocument.text"), ("Basic/Standard/Module1.xml", "<m/>")],
        ),
    ],
)
def test_a_macro_enabled_office_file_is_refused_by_its_content(name, members):
    with pytest.raises(ValidationError, match="bevat macro's") as refused:
        validate_upload(SimpleUploadedFile(name, office_bytes(*members)))
    assert refused.value.code == "file_macros"


def test_the_document_upload_form_refuses_a_docx_with_macros_in_dutch(client_for):
    from wagtail.documents.models import Document

    macro_docx = office_bytes(
        ("[Content_Types].xml", CLEAN_TYPES), ("word/document.xml", "<w/>"), ("word/vbaProject.bin", b"\x00")
    )
    response = client_for("beheerder").post(
        "/cms/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("werkvorm.docx", macro_docx)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert Document.objects.count() == 0
    assert "bevat macro's" in response.json()["error_message"]


class UnreadableBody:
    """A request body that fails the test if anyone reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_an_oversized_upload_is_refused_by_its_content_length_unread(settings):
    response = Client().post(
        "/cms/documents/multiple/add/",
        CONTENT_TYPE="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 413
    assert "te groot" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_files_past_the_limit_are_refused_while_streaming(settings, client_for):
    from wagtail.documents.models import Document

    settings.MAX_UPLOAD_FILE_BYTES = 64 * 1024
    settings.MAX_UPLOAD_REQUEST_BYTES = 1024 * 1024  # the Content-Length passes; the stream does not
    response = client_for("beheerder").post(
        "/cms/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("groot.pdf", PDF + b"%" * (128 * 1024))},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 413
    assert "Het maximum is 64,0" in response.content.decode() or "Het maximum is 64.0" in response.content.decode()
    assert Document.objects.count() == 0


def test_an_upload_within_the_limits_still_arrives(client_for):
    from wagtail.documents.models import Document

    response = client_for("beheerder").post(
        "/cms/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("werkvorm.pdf", PDF)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert Document.objects.count() == 1
