"""The production settings, for loading demo content into the local production stack (`make serve-prod`).

Only with KENNISPLEIN_LOCAL_HTTP, which production.py refuses for anything but loopback host names,
so demo accounts can never be loaded into a real deployment through this module.
"""

from django.core.exceptions import ImproperlyConfigured

from .production import *  # noqa: F401,F403
from .production import LOCAL_HTTP

if not LOCAL_HTTP:
    raise ImproperlyConfigured("community.settings.local_stack is only for the local stack (KENNISPLEIN_LOCAL_HTTP=1).")
PRODUCTION = False
