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


class ConversationFormat(models.TextChoices):
    FREE = "free", _("Vrij gesprek")
    ROUNDS = "rounds", _("Intervisie in rondes: eerst verhelderende vragen, dan adviezen, dan uw reflectie")


class Round(models.IntegerChoices):
    QUESTIONS = 1, _("Ronde 1: verhelderende vragen")
    ADVICE = 2, _("Ronde 2: adviezen")
    REFLECTION = 3, _("Ronde 3: reflectie van de inbrenger")


ROUND_EXPLANATIONS = {
    Round.QUESTIONS: _(
        "Collega's stellen alleen vragen die de situatie verhelderen; nog geen adviezen. De inbrenger beantwoordt ze."
    ),
    Round.ADVICE: _("Collega's geven hun advies of delen hun ervaring. De inbrenger luistert en leest mee."),
    Round.REFLECTION: _("De inbrenger reflecteert: wat neemt hij of zij mee uit de vragen en adviezen?"),
}


class AppreciationKind(models.TextChoices):
    RECOGNISABLE = "recognisable", _("herkenbaar")
    USABLE = "usable", _("bruikbaar")


REMINDER_WEEKS = (2, 4, 6, 8, 12)
