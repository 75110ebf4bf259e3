from django.urls import path

from . import views
from .feeds import RecapFeed

# Paths under /lunchsessies/ that are no session slugs (LunchSessionPage.clean refuses these slugs).
RESERVED_SLUGS = {"agenda.ics", "feed", "mijn-agenda", "aanmelden", "afmelden"}

urlpatterns = [
    path("lunchsessies/agenda.ics", views.agenda_ics, name="lunchsessions_agenda"),
    path("lunchsessies/feed/", RecapFeed(), name="lunchsessions_feed"),
    path("lunchsessies/mijn-agenda/", views.my_calendar, name="lunchsessions_my_calendar"),
    path("lunchsessies/mijn-agenda/<str:token>.ics", views.personal_feed, name="lunchsessions_personal_feed"),
    path("lunchsessies/aanmelden/<int:page_id>/", views.register_view, name="lunchsessions_register"),
    path("lunchsessies/afmelden/<int:page_id>/", views.unregister_view, name="lunchsessions_unregister"),
]
