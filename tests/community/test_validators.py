"""A required text that shows nothing (spaces, zero-width or other invisible characters) is refused."""

import pytest
from django.core.exceptions import ValidationError

from casuses.forms import CasusForm, ReactionForm
from community.core.validators import visible_text

INVISIBLE = [
    "\u200b\u200b\u200b",
    "\u200c\u200d",
    "\u2060\ufeff",
    " \u200b \u00a0 \u200d ",
    "\u3164\u2800",
    "\u200e\u200f\u00ad",
]


@pytest.mark.parametrize("value", INVISIBLE)
def test_invisible_text_is_refused(value):
    with pytest.raises(ValidationError, match="onzichtbare tekens"):
        visible_text(value)


@pytest.mark.parametrize("value", ["Vader\u200bkomt", "é", "[MOEDER]", "👍", "\u200bJa"])
def test_visible_text_passes(value):
    visible_text(value)


@pytest.mark.parametrize(
    "form,field",
    [(CasusForm, "title"), (CasusForm, "situation"), (CasusForm, "question"), (ReactionForm, "body")],
)
def test_casus_and_reaction_fields_refuse_invisible_text(form, field):
    with pytest.raises(ValidationError, match="onzichtbare tekens"):
        form.base_fields[field].clean("\u200b\u2060\ufeff")
