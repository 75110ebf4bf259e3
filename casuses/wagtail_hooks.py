import functools

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from community.core.hooks import (
    DIGEST_SOURCES,
    HOME_SECTIONS,
    MEMBER_CONTRIBUTIONS,
    NOTIFICATION_TARGETS,
    PAGE_HOLES,
    PERSONAL_DATA,
    PHASE_LINKS,
    SEARCH_ADAPTERS,
    DigestSource,
    Hole,
    PersonalDataSource,
    Section,
)

from . import notifications, privacy
from .holes import appreciations
from .integrations import casuses_for_phase, member_contributions, new_casuses_since
from .models import CasusIndexPage
from .search import CasusAdapter


@hooks.register("on_serve_page", order=-30)
def serve_routes_directly(serve):
    """The routes of /casussen/ (nieuw/, mijn/, moderatie/ …) are views with their own checks
    (members_only, moderators_only with MFA), as they were when Django served them: they skip the
    index's teaser for visitors who may not see it (``community.wagtail_hooks``), which concerns the
    list itself, so a visitor who is not signed in is still sent to log in."""

    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, CasusIndexPage) and serve_args and serve_args[0].__name__ != "index_route":
            return page.serve(request, *serve_args, **serve_kwargs)
        return serve(page, request, serve_args, serve_kwargs)

    return inner


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
    actions.register_action("casuses.reaction_edit", _("Reactie bewerken"), _("Reactie bewerkt door de auteur"))
    actions.register_action(
        "casuses.reaction_withdraw", _("Reactie intrekken"), _("Reactie ingetrokken door de auteur")
    )
    actions.register_action(
        "casuses.reaction_review", _("Aangepaste reactie beoordelen"), _("Aangepaste reactie beoordeeld door moderator")
    )
    actions.register_action("casuses.next_round", _("Volgende ronde"), _("Volgende ronde gestart door de inbrenger"))
    actions.register_action("casuses.follow_up", _("Vervolg aanvullen"), _("Vervolg aangevuld door de inbrenger"))


# What casussen add to the site's extension points (community/core/hooks.py).


@hooks.register(SEARCH_ADAPTERS)
@functools.cache  # one adapter for the process: search code compares them
def casus_search():
    return CasusAdapter()


@hooks.register(PERSONAL_DATA)
def casus_personal_data():
    return PersonalDataSource("casussen", export=privacy.export_casuses, erase=privacy.erase_casuses)


@hooks.register(PHASE_LINKS)
def casus_phase_links():
    return Section(key="casuses", title=_("Casussen"), items=casuses_for_phase, order=30)


@hooks.register(DIGEST_SOURCES)
def new_casuses_digest():
    return DigestSource("new_casuses", new_casuses_since)


@hooks.register(MEMBER_CONTRIBUTIONS)
def casus_contributions():
    return Section(key="casussen", title=_("Casussen en reacties"), items=member_contributions, order=20)


@hooks.register(HOME_SECTIONS)
def casus_home_section():
    return Section(
        key="casussen", title=_("Recente casussen"), items=privacy.home_items, order=30, more_url="/casussen/"
    )


@hooks.register(NOTIFICATION_TARGETS)
def casus_notification_target():
    return notifications.casus_target()


@hooks.register(NOTIFICATION_TARGETS)
def tag_notification_target():
    return notifications.tag_target()


@hooks.register(PAGE_HOLES)
def appreciation_hole():
    return Hole("appreciation", appreciations)
