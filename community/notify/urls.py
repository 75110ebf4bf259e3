"""The notification centre and following (members only)."""

from django.urls import path

from community.notify import views

urlpatterns = [
    path("meldingen/", views.notification_centre, name="notifications"),
    path("meldingen/alles-gelezen/", views.mark_all_read, name="notifications_read"),
    path("meldingen/volgen/", views.change_follow, name="follow"),
    path("meldingen/<int:pk>/", views.open_notification, name="notification_open"),
]
