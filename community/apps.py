from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        # What this app adds to other apps' extension points is in community/wagtail_hooks.py.
        from community.core import access, audit, content_version, page_cache, permissions, public_content

        audit.connect()
        public_content.connect()
        content_version.connect()
        access.connect()
        page_cache.connect()
        permissions.connect()
        _drop_wagtails_view_restriction_check()


def _drop_wagtails_view_restriction_check():
    """community.wagtail_hooks.serve_restricted_pages_as_teaser decides who sees a page; Wagtail's
    own check would read the same restrictions again on every page view (two more queries)."""
    from wagtail import hooks
    from wagtail import wagtail_hooks as wagtail_core_hooks

    serve_hooks = hooks._hooks.get("on_serve_page", [])
    serve_hooks[:] = [(fn, order) for fn, order in serve_hooks if fn is not wagtail_core_hooks.check_view_restrictions]
