from django.urls import path

from . import views

urlpatterns = [
    path("mijn-ontwikkeling/", views.overview, name="development_overview"),
    path("mijn-ontwikkeling/periode/", views.period_settings, name="development_period"),
    path("mijn-ontwikkeling/activiteit/nieuw/", views.activity_form, name="development_activity_add"),
    path("mijn-ontwikkeling/activiteit/<int:pk>/", views.activity_form, name="development_activity_edit"),
    path(
        "mijn-ontwikkeling/activiteit/<int:pk>/verwijderen/", views.activity_delete, name="development_activity_delete"
    ),
    path("mijn-ontwikkeling/export.csv", views.export_csv, name="development_export_csv"),
    path("mijn-ontwikkeling/overzicht.pdf", views.overview_pdf, name="development_overview_pdf"),
    path("mijn-ontwikkeling/bewijs/<int:attendance_id>.pdf", views.certificate_pdf, name="development_certificate"),
    path("mijn-ontwikkeling/aanwezig/<int:session_id>/", views.enter_code, name="development_enter_code"),
    path(
        "mijn-ontwikkeling/module/<int:module_id>/afgerond/", views.complete_module, name="development_complete_module"
    ),
    # Public: is a certificate of participation real?
    path("verifieer/", views.verify, name="verify_form"),
    path("verifieer/<str:code>/", views.verify, name="verify"),
]
