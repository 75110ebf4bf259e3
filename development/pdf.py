"""The PDFs of the participation record (reportlab): a "Bewijs van deelname" per attended session and an
overview of a registration period. Helvetica covers Dutch text (WinAnsi); nothing is fetched."""

import io

from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

SITE = "Kennisplein Scheiding"
ACCENT = colors.HexColor("#1f5f8b")


def _styles():
    sheet = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=sheet["Title"], textColor=ACCENT, fontSize=22, leading=28, alignment=0),
        "lead": ParagraphStyle("lead", parent=sheet["Normal"], fontSize=12, leading=16),
        "body": ParagraphStyle("body", parent=sheet["Normal"], fontSize=10.5, leading=14),
        "small": ParagraphStyle("small", parent=sheet["Normal"], fontSize=9, leading=12, textColor=colors.grey),
        "cell": ParagraphStyle("cell", parent=sheet["Normal"], fontSize=9, leading=11),
        "h2": ParagraphStyle("h2", parent=sheet["Heading2"], textColor=ACCENT),
    }


def _escape(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _hours(value) -> str:
    return formats.number_format(value, decimal_pos=1) if value is not None else "—"


def _document(buffer, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=SITE,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
    )


def certificate_pdf(certificate, verify_url: str) -> bytes:
    styles = _styles()
    buffer = io.BytesIO()
    document = _document(buffer, _("Bewijs van deelname"))
    name = certificate.holder_name or _("(naam verwijderd)")
    facts = [
        (_("Naam"), name),
        (_("Activiteit"), _("Lunchsessie: %(title)s") % {"title": certificate.title}),
        (_("Datum"), formats.date_format(certificate.held_on, "j F Y")),
        (_("Duur"), _("%(hours)s uur") % {"hours": _hours(certificate.hours)}),
        (_("Accreditatienummer"), certificate.accreditation_number or _("niet geaccrediteerd")),
    ]
    if certificate.points:
        facts.append((_("SKJ-punten"), _hours(certificate.points)))
    facts.append((_("Verificatiecode"), certificate.display_code))
    table = Table(
        [
            [Paragraph(f"<b>{_escape(label)}</b>", styles["body"]), Paragraph(_escape(value), styles["body"])]
            for label, value in facts
        ],
        colWidths=[50 * mm, 120 * mm],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    story = [
        Paragraph(_escape(SITE), styles["small"]),
        Spacer(1, 10 * mm),
        Paragraph(_escape(_("Bewijs van deelname")), styles["title"]),
        Paragraph(
            _escape(
                _("Hierbij verklaart %(site)s dat de onderstaande persoon heeft deelgenomen aan:") % {"site": SITE}
            ),
            styles["lead"],
        ),
        Spacer(1, 8 * mm),
        table,
        Spacer(1, 10 * mm),
        HRFlowable(width="100%", color=ACCENT),
        Spacer(1, 4 * mm),
        Paragraph(
            _escape(_("Controleer de echtheid van dit bewijs op %(url)s") % {"url": verify_url}),
            styles["body"],
        ),
        Paragraph(
            _escape(
                _("Aanwezigheid is vastgelegd door de organisatie van de sessie; een aanmelding alleen telt niet.")
            ),
            styles["small"],
        ),
    ]
    document.build(story)
    return buffer.getvalue()


def overview_pdf(*, name: str, span, norm, totals, activities) -> bytes:
    styles = _styles()
    buffer = io.BytesIO()
    document = _document(buffer, _("Overzicht professionele ontwikkeling"))
    period_text = _("Registratieperiode %(start)s tot en met %(end)s") % {
        "start": formats.date_format(span.start, "j F Y"),
        "end": formats.date_format(span.end, "j F Y"),
    }
    summary = [[_("Categorie"), _("Uren"), _("Norm"), _("Nog nodig")]]
    summary += [[t.label, _hours(t.hours), _hours(t.required), _hours(t.missing)] for t in totals]
    rows = [[_("Datum"), _("Titel"), _("Categorie"), _("Uren"), _("Accreditatienr.")]]
    for activity in activities:
        title = _escape(activity.title) + f"<br/><font color='grey'>{_escape(activity.kind)}</font>"
        if activity.self_reported:
            title += f" <font color='grey'>({_escape(_('zelf gemeld'))})</font>"
        rows.append(
            [
                formats.date_format(activity.date, "d-m-Y"),
                Paragraph(title, styles["cell"]),
                activity.category_label,
                _hours(activity.hours),
                Paragraph(_escape(activity.accreditation_number or "—"), styles["cell"]),
            ]
        )
    grid = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    summary_table = Table(summary, colWidths=[45 * mm, 30 * mm, 60 * mm, 35 * mm])
    summary_table.setStyle(grid)
    activity_table = Table(rows, colWidths=[22 * mm, 78 * mm, 25 * mm, 15 * mm, 30 * mm], repeatRows=1)
    activity_table.setStyle(grid)
    story = [
        Paragraph(_escape(SITE), styles["small"]),
        Paragraph(_escape(_("Overzicht professionele ontwikkeling")), styles["title"]),
        Paragraph(_escape(name), styles["lead"]),
        Paragraph(_escape(period_text), styles["body"]),
        Paragraph(_escape(_("Norm: %(norm)s") % {"norm": norm.label}), styles["body"]),
        Spacer(1, 6 * mm),
        summary_table,
        Spacer(1, 6 * mm),
        Paragraph(_escape(_("Activiteiten")), styles["h2"]),
        activity_table if activities else Paragraph(_escape(_("Geen activiteiten in deze periode.")), styles["body"]),
        Spacer(1, 6 * mm),
        Paragraph(
            _escape(
                _(
                    "Lunchsessies, modules en intervisie zijn vastgelegd door %(site)s; activiteiten met "
                    "“zelf gemeld” heeft het lid zelf ingevoerd. Een bewijs van deelname per sessie is "
                    "te controleren met de verificatiecode erop."
                )
                % {"site": SITE}
            ),
            styles["small"],
        ),
    ]
    document.build(story)
    return buffer.getvalue()
