from django.urls import path

from . import views

app_name = "casuses"

# These routes come before Wagtail's page routes (community/urls.py), so /casussen/nieuw/ is this form.
urlpatterns = [
    path("casussen/nieuw/", views.casus_form, name="new"),
    path("casussen/mijn/", views.my_casuses, name="mine"),
    path("casussen/controle/", views.check_text, name="check"),
    path("casussen/moderatie/", views.moderation_queue, name="moderation"),
    path("casussen/moderatie/<int:task_state_pk>/", views.moderation_decide, name="decide"),
    path("casussen/<int:pk>/bewerken/", views.casus_form, name="edit"),
    path("casussen/<int:pk>/intrekken/", views.withdraw, name="withdraw"),
    path("casussen/<int:pk>/reageren/", views.react, name="react"),
    path("casussen/<int:pk>/afsluiten/", views.close, name="close"),
    path("casussen/reacties/<int:pk>/nuttig/", views.mark_helpful, name="helpful"),
    path("casussen/reacties/<int:pk>/melden/", views.report, name="report"),
    path("casussen/reacties/<int:pk>/verbergen/", views.hide_reaction, name="hide"),
    path("casussen/meldingen/<int:pk>/afhandelen/", views.resolve_report, name="resolve_report"),
]
