from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import admin_views
from .models import LunchSessionIndexPage, LunchSessionPage


@hooks.register("on_serve_page", order=-30)
def serve_routes_directly(serve):
    """The routes of /lunchsessies/ (feeds, calendar link, aanmelden) are views with their own checks,
    as they were when Django served them: they skip the page's teaser and page-cache handling
    (``community.wagtail_hooks``), which concern the page itself (its index route)."""

    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, LunchSessionIndexPage) and serve_args and serve_args[0].__name__ != "index_route":
            return page.serve(request, *serve_args, **serve_kwargs)
        return serve(page, request, serve_args, serve_kwargs)

    return inner


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path("lunchsessies/<int:page_id>/aanmeldingen/", admin_views.registrations, name="lunchsessions_registrations"),
        path(
            "lunchsessies/<int:page_id>/aanmeldingen.csv", admin_views.registrations_csv, name="lunchsessions_registrations_csv"
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("lunchsessions.export_registrations", _("Aanmeldingen geëxporteerd"), _("Aanmeldingen geëxporteerd"))


class RegistrationsMenuItem(PageMenuItem):
    label = _("Aanmeldingen")
    icon_name = "group"
    priority = 45

    def is_shown(self, user):
        return isinstance(self.page.specific_deferred, LunchSessionPage) and self.page.permissions_for_user(user).can_edit()

    @property
    def url(self):
        return reverse("lunchsessions_registrations", args=[self.page.pk])


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name, next_url=None):
    if page.specific_class is LunchSessionPage:
        yield RegistrationsMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(page, user, next_url=None):
    if page.specific_class is LunchSessionPage:
        yield RegistrationsMenuItem(page=page)
