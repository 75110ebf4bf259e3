"""The SKJ's (Kwaliteitsregister Jeugd) categories of professional development: the vocabulary that
lunch sessions, training and the participation record (``development``) share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SkjCategory(models.TextChoices):
    TRAINING = "scholing", _("Scholing")
    REFLECTION = "reflectie", _("Reflectie")
    FREE = "vrije_ruimte", _("Vrije ruimte")
