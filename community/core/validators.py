"""Validators shared by the front-end forms."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

URL_MESSAGE = _("Vul een volledig webadres in, bijvoorbeeld https://www.voorbeeld.nl.")
EMAIL_MESSAGE = _("Vul een geldig e-mailadres in, bijvoorbeeld info@voorbeeld.nl.")

# Format and control characters (zero-width space/joiners U+200B..U+200D, word joiner U+2060, BOM
# U+FEFF, soft hyphen, direction marks), separators, and combining marks with nothing to combine with.
INVISIBLE_CATEGORIES = {"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"}
# Letters that render as blank space.
BLANK_LETTERS = {"\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"}


def is_invisible(value: str) -> bool:
    return all(
        char.isspace() or char in BLANK_LETTERS or unicodedata.category(char) in INVISIBLE_CATEGORIES for char in value
    )


def visible_text(value: str) -> None:
    """Refuses a text that shows nothing: only spaces, zero-width or other invisible characters."""
    if value and is_invisible(value):
        raise ValidationError(
            _("Deze tekst bestaat alleen uit spaties of onzichtbare tekens. Vul een tekst in die u kunt lezen."),
            code="invisible",
        )


def dutch_phone_digits(value: str) -> str:
    """The number as ten digits starting with 0 (``+31`` and ``0031`` read as ``0``), or '' if it is none."""
    digits = "".join(char for char in value if char.isdigit())
    if value.strip().startswith("+31"):
        digits = "0" + digits[2:]
    elif digits.startswith("0031"):
        digits = "0" + digits[4:]
    return digits if len(digits) == 10 and digits.startswith("0") and digits[1] != "0" else ""


def dutch_phone(value: str) -> None:
    """A Dutch phone number: ten digits, spaces, dashes and brackets allowed, or +31."""
    if value and (not dutch_phone_digits(value) or set(value) - set("0123456789 +-()")):
        raise ValidationError(
            _("Vul een Nederlands telefoonnummer in van tien cijfers, bijvoorbeeld 030 123 45 67 of +31 30 123 45 67."),
            code="invalid_phone",
        )


def dutch_postcode(value: str) -> None:
    """A Dutch postcode: four digits (not starting with 0) and two letters, e.g. 3511 AB."""
    compact = value.replace(" ", "").upper()
    if value and not (len(compact) == 6 and compact[:4].isdigit() and compact[0] != "0" and compact[4:].isalpha()):
        raise ValidationError(_("Vul een postcode in als 1234 AB."), code="invalid_postcode")
