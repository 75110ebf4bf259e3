"""A member's participation record: export and erasure (see community.core.personal_data). Certificates
already issued stay verifiable, without the name."""

from django.utils import timezone

from .models import Attendance, Certificate, DevelopmentProfile, ManualActivity, TrainingCompletion


def export(user) -> dict:
    profile = DevelopmentProfile.objects.filter(user=user).first()
    return {
        "registratieperiode": {
            "begin": profile.period_start.isoformat(),
            "norm": profile.get_norm_display(),
        }
        if profile
        else None,
        "aanwezigheid": [
            {
                "sessie": a.session.title,
                "datum": timezone.localtime(a.session.start).date().isoformat(),
                "vastgelegd_via": a.get_source_display(),
                "bewijs_verificatiecode": a.certificate.display_code if hasattr(a, "certificate") else None,
            }
            for a in Attendance.objects.filter(user=user).select_related("session", "certificate").order_by("pk")
        ],
        "afgeronde_modules": [
            {
                "module": c.module.title,
                "afgerond_op": timezone.localtime(c.completed_at).isoformat(),
                "reflectie": c.reflection,
            }
            for c in TrainingCompletion.objects.filter(user=user).select_related("module").order_by("pk")
        ],
        "zelf_ingevoerd": [
            {
                "datum": m.date.isoformat(),
                "titel": m.title,
                "categorie": m.get_category_display(),
                "uren": str(m.hours),
                "accreditatienummer": m.accreditation_number,
                "aanbieder": m.provider,
            }
            for m in ManualActivity.objects.filter(user=user).order_by("date", "pk")
        ],
    }


def erase(user) -> None:
    Certificate.objects.filter(attendance__user=user).update(holder_name="", attendance=None)
    Attendance.objects.filter(user=user).delete()
    TrainingCompletion.objects.filter(user=user).delete()
    ManualActivity.objects.filter(user=user).delete()
    DevelopmentProfile.objects.filter(user=user).delete()
