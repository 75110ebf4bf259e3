"""The lunch sessions' own paths are routes of ``LunchSessionIndexPage`` (``feed/``, ``mijn-agenda/``,
``aanmelden/<id>/`` …), served by Wagtail under wherever the page lives; no pattern here names its path.

Only calendar files need a word here: Wagtail's page URL accepts segments of letters, digits and ``-``
ending in ``/``, so ``…/agenda.ics`` never reaches the page router. This pattern hands any such path to
it unchanged; the page routes it (``agenda.ics``, ``mijn-agenda/<token>.ics``) or answers 404.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", wagtail_views.serve, name="lunchsessions_calendar_file"),
]
