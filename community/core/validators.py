"""Validators shared by the front-end forms."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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
