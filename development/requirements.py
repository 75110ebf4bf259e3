"""The SKJ re-registration norms a member can measure their record against: points (1 point = 1 hour)
per category over a five-year period. From the SKJ's published herregistratie-eisen (skjeugd.nl); a
member whose situation differs (an extra requirement shown in Mijn SKJ) picks "eigen norm" and enters
their own numbers. Change a norm here when the SKJ changes it; nothing stored depends on the numbers."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from community.core.skj import SkjCategory

PERIOD_YEARS = 5
CUSTOM = "eigen"


@dataclass(frozen=True)
class Norm:
    key: str
    label: str
    hours: dict  # SkjCategory -> Decimal

    def required(self, category) -> Decimal:
        return self.hours.get(category, Decimal(0))


def _norm(key, label, training, reflection, free) -> Norm:
    hours = {SkjCategory.TRAINING: training, SkjCategory.REFLECTION: reflection, SkjCategory.FREE: free}
    return Norm(key, label, {category: Decimal(value) for category, value in hours.items()})


NORMS = {
    norm.key: norm
    for norm in (
        # Deskundigheidsbevordering 60 (of which formal learning at least 40); reflection and free
        # space as the SKJ's handreiking for hbo jeugd- en gezinsprofessionals.
        _norm("jgp", _("Jeugd- en gezinsprofessional (hbo)"), 60, 40, 20),
        _norm("jzw", _("Jeugdzorgwerker"), 60, 50, 50),
        _norm("pedagoog", _("(Ortho)pedagoog, master"), 40, 40, 40),
    )
}
DEFAULT_NORM = "jgp"


def choices() -> list[tuple[str, str]]:
    return [(norm.key, norm.label) for norm in NORMS.values()] + [(CUSTOM, _("Eigen norm (zelf invullen)"))]
