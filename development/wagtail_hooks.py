from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from community.core.hooks import PAGE_PANELS, PERSONAL_DATA, PagePanel, PersonalDataSource
from lunchsessions.admin_actions import SessionAction, session_action

from . import admin_views, panels
from . import personal_data as development_data


@hooks.register("register_admin_urls")
def register_attendance_urls():
    return [path("lunchsessies/<int:page_id>/aanwezigheid/", admin_views.attendance, name="development_attendance")]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("development.attendance", _("Aanwezigheid vastgelegd"), _("Aanwezigheid vastgelegd"))
    actions.register_action(
        "development.attendance_import", _("Deelnemerslijst geïmporteerd"), _("Deelnemerslijst geïmporteerd")
    )


@session_action
class AttendanceAction(SessionAction):
    label = _("Aanwezigheid")
    icon_name = "tick"
    priority = 46
    url_name = "development_attendance"


# What the participation record adds to the site's extension points (community/core/hooks.py).


@hooks.register(PERSONAL_DATA)
def development_personal_data():
    return PersonalDataSource("ontwikkeling", export=development_data.export, erase=development_data.erase)


@hooks.register(PAGE_PANELS)
def session_attendance_panel():
    return PagePanel("lunchsessions.LunchSessionPage", "development/panels/session.html", panels.session_panel)


@hooks.register(PAGE_PANELS)
def module_completion_panel():
    return PagePanel("methodology.TrainingModulePage", "development/panels/module.html", panels.module_panel)
