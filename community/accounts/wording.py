"""allauth's own English strings, in the site's words ("Log in", as in the header, not allauth's "Sign In").

Listed here so that `make messages` finds them and the English catalogue keeps their translations.
"""

from django.utils.translation import gettext_noop

ALLAUTH_WORDING = (gettext_noop("Sign In"), gettext_noop("Sign Out"), gettext_noop("Sign Up"))
