"""The follow-up reminder as a background task (``manage.py send_follow_up_reminders --enqueue``)."""

from django_tasks import task

from .conversation import send_follow_up_reminders


@task()
def send_follow_up_reminders_task() -> int:
    return send_follow_up_reminders()
