"""The digests as background tasks (``manage.py send_weekly_digest --enqueue``, ``send_daily_digest``)."""

from django_tasks import task

from community.notify.digest import send_daily_digests, send_weekly_digests


@task()
def send_weekly_digest() -> int:
    return send_weekly_digests()


@task()
def send_daily_digest() -> int:
    return send_daily_digests()
