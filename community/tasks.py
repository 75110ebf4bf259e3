"""Background tasks of the core (django-tasks): run by the worker in production, in-process by default."""

from django_tasks import task

from .digest import send_weekly_digests


@task()
def send_weekly_digest() -> int:
    return send_weekly_digests()
