"""What the search app adds to the admin and to the site's extension points (community/core/hooks.py):
the editors' synonyms ("Synoniemen voor zoeken", a snippet) and the search health check."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.core.hooks import HEALTH_CHECKS, HealthCheck

from .health import check_search
from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synoniemen voor zoeken")
    menu_name = "search-synonyms"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["terms", "updated_at"]
    search_fields = ["terms"]


register_snippet(SynonymGroupViewSet)


@hooks.register(HEALTH_CHECKS)
def search_health():
    return HealthCheck("search", check_search, critical=False)  # search falls back, the site stays up
