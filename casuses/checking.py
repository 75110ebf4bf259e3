"""Running the anonymity check over a form's text fields, and applying one-click replacements.

The check costs about 17 s per million characters, so it only ever reads a field whose length the
form accepts: an over-long field is refused by its ``max_length`` and never checked.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.notify.mentions import masked

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


def checkable_text(form_class, name, data) -> str:
    """The field's text if the form would accept its length, else "" (the form refuses it unchecked)."""
    text = (data.get(name) or "").strip()
    limit = getattr(form_class.base_fields[name], "max_length", None)
    return "" if limit and len(text) > limit else text


def check_fields(form_class, data) -> list[FieldFindings]:
    result = []
    for name in form_class.CHECKED_FIELDS:
        text = checkable_text(form_class, name, data)
        # A colleague mentioned by the type-ahead's token is a member, not a client: the check reads the
        # text with those tokens blanked (a token that names no such member is checked like any name).
        findings = find_personal_data(masked(text)) if text else []
        if findings:
            label = form_class.base_fields[name].label
            result.append(FieldFindings(name, label, text, findings))
    return result


def all_findings(checked: list[FieldFindings]) -> list[Finding]:
    return [finding for field in checked for finding in field.findings]


def _replace(form_class, data, role: str, needle: str) -> bool:
    changed = False
    for name in form_class.CHECKED_FIELDS:
        before = data.get(name, "")
        after = replace_everywhere(before, needle, role)
        if after != before:
            data[name] = after
            changed = True
    return changed


def apply_replacement(form_class, data, spec: str) -> bool:
    """``spec`` is "<role>|<found text>": replace that text by the role in every checked field."""
    role, _sep, needle = spec.partition("|")
    if not (role.startswith("[") and role.endswith("]") and len(role) <= 40 and needle):
        return False
    return _replace(form_class, data, role, needle)


def apply_all_replacements(form_class, data) -> bool:
    """Replace every finding by its suggested role ("alles vervangen"); longest text first, so a full
    name goes before a first name inside it."""
    findings = all_findings(check_fields(form_class, data))
    changed = False
    for finding in sorted(findings, key=lambda f: len(f.text), reverse=True):
        changed = _replace(form_class, data, finding.role, finding.text) or changed
    return changed


class AnonymityCheckedForm(forms.Form):
    """A form whose ``CHECKED_FIELDS`` must identify nobody: blocking findings refuse it, warnings
    need ``confirm_warnings``. The findings are kept on ``self.checked`` for the template."""

    CHECKED_FIELDS: tuple = ()

    def clean(self):
        cleaned = super().clean()
        # Only fields that passed their own validation (length first) are ever checked.
        valid = {name: _as_text(cleaned[name]) for name in self.CHECKED_FIELDS if name in cleaned}
        self.checked = check_fields(type(self), valid)
        findings = all_findings(self.checked)
        blocking = sum(1 for f in findings if f.is_blocking)
        if blocking:
            self.add_error(
                None,
                ngettext(
                    "De tekst bevat nog %(count)d persoonsgegeven dat een cliënt herkenbaar maakt (gemarkeerd bij het veld). "
                    "Vervang het door een rol, zoals [MOEDER] of [KIND 1], en probeer het opnieuw.",
                    "De tekst bevat nog %(count)d persoonsgegevens die een cliënt herkenbaar maken (gemarkeerd bij het veld). "
                    "Vervang ze door een rol, zoals [MOEDER] of [KIND 1], en probeer het opnieuw.",
                    blocking,
                )
                % {"count": blocking},
            )
        if any(not f.is_blocking for f in findings) and not cleaned.get("confirm_warnings"):
            self.add_error(
                "confirm_warnings",
                _(
                    "Bekijk de waarschuwingen (gemarkeerd bij het veld) en bevestig dat ze niemand herkenbaar maken, "
                    "of pas de tekst aan."
                ),
            )
        return cleaned


def _as_text(value) -> str:
    return ", ".join(value) if isinstance(value, list | tuple) else str(value or "")
