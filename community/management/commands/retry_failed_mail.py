from django.core.management.base import BaseCommand
from django_tasks.backends.database.models import DBTaskResult
from django_tasks.base import TaskResultStatus

from community.tasks import send_email


class Command(BaseCommand):
    help = "Queue e-mails whose delivery failed (e.g. while the mail server refused) once more."

    def handle(self, *args, **options):
        failed = DBTaskResult.objects.filter(task_path=send_email.module_path, status=TaskResultStatus.FAILED)
        count = 0
        for result in failed:
            for payload in result.args_kwargs["args"]:
                send_email.enqueue(payload)
                count += 1
            result.delete()
        self.stdout.write(f"{count} e-mail(s) queued again.")
