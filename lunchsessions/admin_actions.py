"""Buttons under a lunch session's "Acties" in the admin (page header and page listing), for editors who may
edit the session. Apps add one with ``@session_action`` on a ``SessionAction`` subclass in their
``wagtail_hooks.py``."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from .models import LunchSessionPage


class SessionAction(PageMenuItem):
    url_name: str  # an admin URL that takes the session's page id

    def is_shown(self, user):
        return (
            isinstance(self.page.specific_deferred, LunchSessionPage)
            and self.page.permissions_for_user(user).can_edit()
        )

    @property
    def url(self):
        return reverse(self.url_name, args=[self.page.pk])


def session_action(action_class: type[SessionAction]) -> type[SessionAction]:
    """Show this action in the header and the listing of every lunch session page."""

    def header_button(page, user, view_name, next_url=None):
        if page.specific_class is LunchSessionPage:
            yield action_class(page=page)

    def listing_button(page, user, next_url=None):
        if page.specific_class is LunchSessionPage:
            yield action_class(page=page)

    hooks.register("register_page_header_buttons", header_button)
    hooks.register("register_page_listing_more_buttons", listing_button)
    return action_class
