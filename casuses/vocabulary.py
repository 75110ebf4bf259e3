"""The words the casus modules share, below all of them: age bands, statuses, perspectives, who moderates.

``models.py`` stores them, ``forms.py`` offers them and ``listing.py`` filters on them; none of those
needs the others for it, so none imports the models module just for a list of choices.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

AGE_BANDS = [
    ("0-4", _("0 tot 4 jaar")),
    ("4-8", _("4 tot 8 jaar")),
    ("8-12", _("8 tot 12 jaar")),
    ("12-16", _("12 tot 16 jaar")),
    ("16-18", _("16 tot 18 jaar")),
]

PER_PAGE = 20


class CasusStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Afgesloten")


class Perspective(models.TextChoices):
    NONE = "", _("geen specifiek perspectief")
    YOUTH_CARE = "jeugdhulp", _("jeugdhulp")
    LEGAL = "juridisch", _("juridisch")
    BEHAVIOURAL = "gedragswetenschappelijk", _("gedragswetenschappelijk")
    FINANCIAL = "financieel", _("financieel")
    MEDIATION = "mediation", _("mediation")
