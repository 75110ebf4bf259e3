"""Running the anonymity check over a form's text fields, and applying one-click replacements."""

from dataclasses import dataclass

from django.utils.translation import gettext as _, ngettext

from .anonymity import Finding, find_personal_data, highlight, replace_everywhere


@dataclass
class FieldFindings:
    name: str
    label: str
    text: str
    findings: list

    @property
    def segments(self):
        return highlight(self.text, self.findings)


def check_fields(form_class, data) -> list[FieldFindings]:
    result = []
    for name in form_class.CHECKED_FIELDS:
        text = (data.get(name) or "").strip()
        findings = find_personal_data(text)
        if findings:
            label = form_class.base_fields[name].label
            result.append(FieldFindings(name, label, text, findings))
    return result


def all_findings(checked: list[FieldFindings]) -> list[Finding]:
    return [finding for field in checked for finding in field.findings]


def apply_replacement(form_class, data, spec: str) -> bool:
    """``spec`` is "<role>|<found text>": replace that text by the role in every checked field."""
    role, _sep, needle = spec.partition("|")
    if not (role.startswith("[") and role.endswith("]") and len(role) <= 40 and needle):
        return False
    changed = False
    for name in form_class.CHECKED_FIELDS:
        before = data.get(name, "")
        after = replace_everywhere(before, needle, role)
        if after != before:
            data[name] = after
            changed = True
    return changed


def add_anonymity_errors(form, checked: list[FieldFindings]) -> bool:
    """Refuse blocking findings; require confirmation of warnings. Returns True when acceptable."""
    findings = all_findings(checked)
    blocking = [f for f in findings if f.severity == "block"]
    warnings = [f for f in findings if f.severity == "warn"]
    ok = True
    if blocking:
        form.add_error(
            None,
            ngettext(
                "De tekst bevat nog %(count)d persoonsgegeven dat een cliënt herkenbaar maakt (gemarkeerd hieronder). "
                "Vervang het door een rol, zoals [MOEDER] of [KIND 1], en probeer het opnieuw.",
                "De tekst bevat nog %(count)d persoonsgegevens die een cliënt herkenbaar maken (gemarkeerd hieronder). "
                "Vervang ze door een rol, zoals [MOEDER] of [KIND 1], en probeer het opnieuw.",
                len(blocking),
            ) % {"count": len(blocking)},
        )
        ok = False
    confirmed = getattr(form, "cleaned_data", {}).get("confirm_warnings")
    if warnings and not confirmed:
        form.add_error(
            "confirm_warnings",
            _("Bekijk de waarschuwingen (gemarkeerd hieronder) en bevestig dat ze niemand herkenbaar maken, of pas de tekst aan."),
        )
        ok = False
    return ok
