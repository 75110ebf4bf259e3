from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from community.core.hooks import PAGE_PANELS, PERSONAL_DATA, PagePanel, PersonalDataSource
from lunchsessions.models import LunchSessionPage

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


class AttendanceMenuItem(PageMenuItem):
    label = _("Aanwezigheid")
    icon_name = "tick"
    priority = 46

    def is_shown(self, user):
        return (
            isinstance(self.page.specific_deferred, LunchSessionPage)
            and self.page.permissions_for_user(user).can_edit()
        )

    @property
    def url(self):
        return reverse("development_attendance", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def attendance_header_button(page, user, view_name, next_url=None):
    if page.specific_class is LunchSessionPage:
        yield AttendanceMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def attendance_listing_button(page, user, next_url=None):
    if page.specific_class is LunchSessionPage:
        yield AttendanceMenuItem(page=page)


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
