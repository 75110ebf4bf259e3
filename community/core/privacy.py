"""Privacy of responses: who may get a view's answer, and that no shared cache keeps a personal one.

``PageCacheMiddleware`` (community.core.page_cache) marks every response for a signed-in user, and every
response that sets no Cache-Control of its own, ``private, no-store``. So a view only says who may see it:

* ``@members_only`` — anonymous visitors log in first; signed-in non-members get a 403
  (``forbidden_template``, by default the plain 403 page);
* ``@moderators_only`` — moderators with a second factor, the same rule and set-up redirect as /cms/;
* ``private(response)`` — for the one answer that sets its own Cache-Control and may still be
  personal (a page or file whose audience is not public, served to whoever may see it).

Nothing else in the code decides ``private`` or ``no-store``.
"""

import functools

from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from community.core import access
from community.core.middleware import require_mfa_setup


def private(response):
    """Never stored by a shared or a browser cache, whatever the view said before."""
    response["Cache-Control"] = "private, no-store"
    return response


def members_only(view=None, *, forbidden_template: str = "403.html"):
    if view is None:
        return functools.partial(members_only, forbidden_template=forbidden_template)

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.is_member(request.user):
            return render(request, forbidden_template, status=403)
        return view(request, *args, **kwargs)

    return wrapped


def moderators_only(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.is_moderator(request.user):
            return render(request, "403.html", status=403)
        if not is_mfa_enabled(request.user):
            return require_mfa_setup(request)
        return view(request, *args, **kwargs)

    return wrapped
