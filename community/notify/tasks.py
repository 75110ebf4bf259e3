"""The weekly digest as a background task (``manage.py send_weekly_digest --enqueue``)."""

from django_tasks import task

from community.notify.digest import send_weekly_digests


@task()
def send_weekly_digest() -> int:
    return send_weekly_digests()
