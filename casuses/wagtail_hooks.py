from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_casus_log_actions(actions):
    actions.register_action("casuses.submit", _("Casus ingediend"), _("Casus ingediend ter controle"))
    actions.register_action("casuses.approve", _("Casus goedkeuren"), _("Casus goedgekeurd"))
    actions.register_action("casuses.reject", _("Casus afwijzen"), _("Casus afgewezen"))
    actions.register_action("casuses.withdraw", _("Casus intrekken"), _("Casus ingetrokken door de auteur"))
    actions.register_action("casuses.close", _("Casus afsluiten"), _("Casus afgesloten met vervolg"))
    actions.register_action("casuses.archive", _("Casus archiveren"), _("Casus gearchiveerd (bewaartermijn)"))
    actions.register_action("casuses.report", _("Reactie melden"), _("Reactie gemeld"))
    actions.register_action("casuses.report_resolve", _("Melding afhandelen"), _("Melding afgehandeld door moderator"))
    actions.register_action("casuses.reaction_hide", _("Reactie verbergen"), _("Reactie verborgen door moderator"))
