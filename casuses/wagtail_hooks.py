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


@hooks.register("on_serve_page", order=-20)
def hide_casus_titles_from_non_members(serve):
    """A casus title is member content too: non-members get a teaser without it.

    Runs outside community's restricted-page hook (order -10), which would show the page title.
    """
    from types import SimpleNamespace

    from django.template.response import TemplateResponse
    from django.utils.cache import add_never_cache_headers

    from community import access

    from .models import CasusPage, make_private

    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, CasusPage) and not access.can_view_page(request.user, page):
            stand_in = SimpleNamespace(title=_("Casus"), seo_title="", search_description="")
            response = TemplateResponse(
                request, "components/restricted_page.html", {"page": stand_in, "teaser": page.teaser}, status=403
            )
            add_never_cache_headers(response)
            return make_private(response)
        return serve(page, request, serve_args, serve_kwargs)

    return inner
