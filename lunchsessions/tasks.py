from django_tasks import task

from .reminders import send_session_reminders


@task()
def send_session_reminders_task() -> int:
    """The daily reminder run, for a django-tasks worker (same code as the management command)."""
    return send_session_reminders()
