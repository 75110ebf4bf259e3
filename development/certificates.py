"""Issuing and checking certificates of participation ("Bewijs van deelname")."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import CERTIFICATE_CODE_LENGTH, CODE_ALPHABET, Certificate, normalise_code, random_code


def issue(attendance) -> Certificate:
    """The attendance's certificate, made on first download with what the session says then."""
    existing = Certificate.objects.filter(attendance=attendance).first()
    if existing is not None:
        return existing
    session = attendance.session
    accredited = session.skj_accredited
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    code=random_code(CERTIFICATE_CODE_LENGTH),
                    attendance=attendance,
                    holder_name=attendance.user.get_full_name() or attendance.user.email,
                    title=session.title,
                    held_on=timezone.localtime(session.start).date(),
                    hours=session.duration_hours,
                    accreditation_number=session.accreditation_number if accredited else "",
                    points=session.skj_points if accredited else None,
                )
        except IntegrityError:
            existing = Certificate.objects.filter(attendance=attendance).first()
            if existing is not None:
                return existing
    raise RuntimeError("no free certificate code")  # 31**12 codes: does not happen


def find(typed: str) -> Certificate | None:
    """The certificate with this code, or None; one indexed query for any input (well-formed or not)."""
    code = normalise_code(typed)[: CERTIFICATE_CODE_LENGTH + 1]
    if len(code) != CERTIFICATE_CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        code = "-"  # never stored: the same query, the same answer as an unknown code
    return Certificate.objects.filter(code=code).first()
