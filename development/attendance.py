"""Recording attendance of a lunch session: by an editor's ticks, by the code members enter in the
session's hours, or from the meeting tool's attendee list (CSV with e-mail addresses)."""

import csv
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Attendance, Certificate, SessionCode

MAX_IMPORT_BYTES = 1024 * 1024
MAX_IMPORT_ROWS = 5000
EMAIL = re.compile(r"[^@\s<>;,\"']+@[^@\s<>;,\"']+\.[^@\s<>;,\"']+")


class AttendeeListError(ValueError):
    """A file that cannot be read as an attendee list; the message is for the editor."""


def members(queryset=None):
    users = queryset if queryset is not None else get_user_model().objects.all()
    return users.filter(is_active=True, groups__name=settings.MEMBERS_GROUP)


def record(session, users, *, source, recorded_by=None) -> int:
    """Attendance for these users (already recorded ones stay as they were); how many are new."""
    existing = set(Attendance.objects.filter(session=session, user__in=users).values_list("user_id", flat=True))
    new = [
        Attendance(session=session, user=user, source=source, recorded_by=recorded_by)
        for user in users
        if user.pk not in existing
    ]
    Attendance.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def set_ticked(session, ticked_ids: set[int], listed_ids: set[int], *, recorded_by) -> tuple[int, int]:
    """The editor's tick list: listed members ticked attended, listed but unticked did not. Withdrawing
    an attendance withdraws its certificate."""
    ticked = list(members().filter(pk__in=ticked_ids & listed_ids))
    added = record(session, ticked, source=Attendance.Source.EDITOR, recorded_by=recorded_by)
    withdrawn = Attendance.objects.filter(session=session, user_id__in=listed_ids - ticked_ids)
    Certificate.objects.filter(attendance__in=withdrawn).delete()
    removed, _by_model = withdrawn.delete()
    return added, removed


def code_window_open(session, now=None) -> bool:
    now = now or timezone.now()
    return session.start <= now <= session.end


def record_by_code(session, user, typed: str) -> str | None:
    """None when recorded; otherwise the Dutch reason it was not."""
    if not code_window_open(session):
        return _("De aanwezigheidscode kunt u alleen invoeren tijdens de sessie.")
    code = SessionCode.objects.filter(session=session).first()
    if code is None or not code.matches(typed):
        return _("Deze code klopt niet. Controleer de code die tijdens de sessie wordt getoond en probeer het opnieuw.")
    record(session, [user], source=Attendance.Source.CODE)
    return None


@dataclass
class ImportReport:
    matched: list = field(default_factory=list)  # users newly recorded
    already: list = field(default_factory=list)  # users who were recorded before
    unmatched: list = field(default_factory=list)  # (row number, e-mail) without a member
    skipped: list = field(default_factory=list)  # row numbers without an e-mail address


def _decode(raw: bytes) -> str:
    unreadable = AttendeeListError(_("Dit bestand is geen leesbare tekst. Kies een CSV-bestand met e-mailadressen."))
    encodings = ("utf-16",) if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise unreadable
        return text
    raise unreadable


def _rows(upload) -> list[list[str]]:
    if upload.size > MAX_IMPORT_BYTES:
        raise AttendeeListError(_("Het bestand is groter dan 1 MB. Splits de lijst of exporteer alleen de deelnemers."))
    text = _decode(upload.read(MAX_IMPORT_BYTES + 1))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise AttendeeListError(_("Dit CSV-bestand is niet te lezen (%(error)s).") % {"error": error}) from error
    if len(rows) > MAX_IMPORT_ROWS:
        raise AttendeeListError(_("De lijst heeft meer dan %(max)s regels.") % {"max": MAX_IMPORT_ROWS})
    return rows


def _emails(rows) -> list[tuple[int, str | None]]:
    """(row number, e-mail or None) per row with content; a header row without an address is left out."""
    found = []
    for number, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue
        match = next((EMAIL.search(cell) for cell in row if EMAIL.search(cell)), None)
        if match is None and number == 1:
            continue
        found.append((number, match.group(0).lower() if match else None))
    return found


@transaction.atomic
def import_list(session, upload, *, recorded_by) -> ImportReport:
    emails = _emails(_rows(upload))
    if not any(email for _number, email in emails):
        raise AttendeeListError(_("Er staan geen e-mailadressen in dit bestand."))
    wanted = {email for _number, email in emails if email}
    users = {
        user.email_lower: user
        for user in members().annotate(email_lower=Lower("email")).filter(email_lower__in=wanted).distinct()
    }
    before = set(
        Attendance.objects.filter(session=session, user__in=list(users.values())).values_list("user_id", flat=True)
    )
    report = ImportReport()
    seen = set()
    for number, email in emails:
        if email is None:
            report.skipped.append(number)
        elif email in seen:
            continue
        elif email not in users:
            report.unmatched.append((number, email))
        else:
            user = users[email]
            (report.already if user.pk in before else report.matched).append(user)
        seen.add(email)
    record(session, report.matched, source=Attendance.Source.IMPORT, recorded_by=recorded_by)
    return report
