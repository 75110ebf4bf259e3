import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "community.settings.production")

application = get_wsgi_application()


def _warm_up_anonymity_check():
    # Before the first request, not inside it: loading Deduce takes ~16 s. runserver imports this
    # module before it serves; gunicorn (preload_app) imports it in the master, so every forked
    # worker starts with Deduce loaded.
    from casuses.anonymity import warm_up

    seconds = warm_up()
    logging.getLogger("casuses").info("Anonymity check loaded in %.1f s", seconds)


_warm_up_anonymity_check()
