"""Routes of the network: organisations, regions, ouderbijeenkomsten, members and personal settings."""

from django.urls import path

from community.accounts import views as account_views
from community.members import views as members
from community.network import organisations

urlpatterns = [
    path("organisaties/", organisations.organisation_list, name="organisation_list"),
    path("organisaties/regio/", organisations.region_list, name="region_list"),
    path("organisaties/regio/<slug:slug>/", organisations.region_detail, name="region_detail"),
    path("organisaties/ouderbijeenkomsten/", organisations.parent_meeting_list, name="parent_meeting_list"),
    path(
        "organisaties/ouderbijeenkomsten/agenda.ics",
        organisations.parent_meeting_calendar,
        name="parent_meeting_calendar",
    ),
    path(
        "organisaties/ouderbijeenkomsten/organiseren/",
        organisations.parent_meeting_organise,
        name="parent_meeting_organise",
    ),
    path(
        "organisaties/ouderbijeenkomsten/<int:pk>/", organisations.parent_meeting_detail, name="parent_meeting_detail"
    ),
    path("organisaties/<slug:slug>/", organisations.organisation_detail, name="organisation_detail"),
    path("leden/", members.member_directory, name="member_directory"),
    path("leden/noemen/", members.mention_lookup, name="mention_lookup"),
    path("leden/<int:user_id>/", members.member_profile, name="member_profile"),
    path("leden/instellingen/profiel/", members.edit_profile, name="profile_edit"),
    path("leden/instellingen/meldingen/", account_views.notification_settings, name="notification_settings"),
    path("leden/instellingen/gegevens/", account_views.my_data, name="my_data"),
    path("leden/instellingen/gegevens/download/", account_views.download_data, name="download_data"),
    path("leden/instellingen/account-verwijderen/", account_views.delete_account, name="delete_account"),
    path("meldingen/afmelden/<str:token>/", account_views.unsubscribe_view, name="unsubscribe"),
]
