"""The editors' synonyms in the admin (Wagtail snippets): "Synoniemen voor zoeken"."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
