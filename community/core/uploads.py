"""Upload restrictions: allowed types, maximum size, and a check that the content matches the name.

Wagtail documents use ``DocumentForm`` (settings.WAGTAILDOCS_DOCUMENT_FORM_BASE); Wagtail images are
limited by WAGTAILIMAGES_EXTENSIONS / _MAX_UPLOAD_SIZE / _MAX_IMAGE_PIXELS and Wagtail's own Pillow
check. Front-end forms of other apps can use ``validate_upload`` as a field validator.
"""

import os
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from community.core.privacy import private

TEXT_TYPES = {"txt", "csv", "vtt"}
# Office formats are ZIP files with a known first member.
ZIP_TYPES = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/", "odt": "mimetype"}
MAGIC = {"pdf": "application/pdf", "rtf": "application/rtf"}
# Macros live in vbaProject.bin (Office) or Basic/ and Scripts/ (OpenDocument); a renamed .docm/.xlsm/.pptm
# still declares a macroEnabled main part in [Content_Types].xml.
MACRO_MEMBERS = ("vbaproject.bin", "vbaprojectsignature.bin")
MACRO_FOLDERS = ("basic/", "scripts/")
CONTENT_TYPES_MEMBER = "[Content_Types].xml"
CONTENT_TYPES_READ_LIMIT = 1024 * 1024


def _read_head(upload, size=8192) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(size)
    upload.seek(position)
    return head


def content_matches(upload, extension: str) -> bool:
    head = _read_head(upload)
    if extension in TEXT_TYPES:
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character may be cut at the end of the sample.
            if error.start < len(head) - 4:
                try:
                    head.decode("cp1252")
                except UnicodeDecodeError:
                    return False
        return True
    if extension == "rtf":
        return head.startswith(b"{\\rtf")
    if extension in ZIP_TYPES:
        try:
            names = _zip_names(upload)
        except (zipfile.BadZipFile, OSError):
            return False
        marker = ZIP_TYPES[extension]
        return any(name.startswith(marker) for name in names)
    guessed = filetype.guess(head)
    if extension in MAGIC:
        return guessed is not None and guessed.mime == MAGIC[extension]
    return guessed is not None and guessed.extension == extension


def _zip_names(upload) -> list[str]:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    finally:
        upload.seek(0)


def _declared_content_types(upload) -> bytes:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive, archive.open(CONTENT_TYPES_MEMBER) as member:
            return member.read(CONTENT_TYPES_READ_LIMIT)
    except KeyError:
        return b""
    finally:
        upload.seek(0)


def contains_macros(upload) -> bool:
    """True for an Office or OpenDocument file that carries macros, whatever its name says."""
    try:
        names = _zip_names(upload)
        content_types = _declared_content_types(upload) if CONTENT_TYPES_MEMBER in names else b""
    except (zipfile.BadZipFile, OSError):
        return False
    for name in (name.lower() for name in names):
        if name.rsplit("/", 1)[-1] in MACRO_MEMBERS or name.startswith(MACRO_FOLDERS):
            return True
    return b"macroenabled" in content_types.lower()


def validate_upload(upload, *, extensions=None, max_size=None) -> None:
    extensions = extensions or settings.WAGTAILDOCS_EXTENSIONS
    max_size = max_size or settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in extensions:
        raise ValidationError(
            _("Dit bestandstype is niet toegestaan. Toegestaan zijn: %(types)s.") % {"types": ", ".join(extensions)},
            code="file_type",
        )
    if upload.size > max_size:
        raise ValidationError(
            _("Dit bestand is te groot (%(size)s). Het maximum is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(max_size)},
            code="file_size",
        )
    if not content_matches(upload, extension):
        raise ValidationError(
            _("De inhoud van dit bestand past niet bij de extensie .%(ext)s. Controleer het bestand.")
            % {"ext": extension},
            code="file_content",
        )
    if extension in ZIP_TYPES and contains_macros(upload):
        raise ValidationError(
            _(
                "Dit bestand bevat macro's. Om veiligheidsredenen nemen wij geen bestanden met macro's aan. "
                "Sla het op zonder macro's (bijvoorbeeld als gewoon .%(ext)s-bestand) en probeer het opnieuw."
            )
            % {"ext": extension},
            code="file_macros",
        )


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "size") and getattr(upload, "_committed", False) is False:
            validate_upload(upload)
        return upload


# --- request size: refused before the body is read -----------------------------------------------


class UploadTooLarge(Exception):
    """Raised by the upload handler when the files of one request exceed MAX_UPLOAD_FILE_BYTES."""


class SizeLimitUploadHandler(FileUploadHandler):
    """Counts file bytes as they stream in and stops the request once they exceed the limit.

    First in FILE_UPLOAD_HANDLERS, so nothing past the limit reaches a temporary file. This also
    bounds bodies whose size the Content-Length did not announce (chunked, under ASGI).
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.MAX_UPLOAD_FILE_BYTES:
            raise UploadTooLarge
        return raw_data

    def file_complete(self, file_size):
        return None


def upload_too_large() -> HttpResponse:
    message = _(
        "Dit bestand is te groot om te versturen. Het maximum is %(max)s. Maak het bestand kleiner en probeer het opnieuw."
    ) % {"max": filesizeformat(settings.MAX_UPLOAD_FILE_BYTES)}
    # Without the request: this runs before authentication, so no context processor may ask for request.user.
    return private(HttpResponse(render_to_string("upload_too_large.html", {"message": message}), status=413))


class UploadSizeLimitMiddleware:
    """Refuses an oversized upload by its Content-Length unread, and by streaming size while parsing.

    Sits before CsrfViewMiddleware, the first to read a form: parsing here lets the 413 be answered
    instead of Django's generic 400/500 for an exception raised while reading request.POST.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == "multipart/form-data":
            if _announced_length(request) > settings.MAX_UPLOAD_REQUEST_BYTES:
                return upload_too_large()
            try:
                request.POST  # noqa: B018 - parse now, under the streaming limit
            except UploadTooLarge:
                return upload_too_large()
        return self.get_response(request)


def _announced_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
