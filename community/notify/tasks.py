"""Background work of notifications: the fan-out of an event, and the digests
(``manage.py send_weekly_digest --enqueue``, ``send_daily_digest``)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django_tasks import task

from community.notify import events
from community.notify.digest import send_daily_digests, send_weekly_digests


def announce(
    kind: str, target_kind: str, target_id: int, *, detail_id=0, actor=None, follows=(), recipients=(), exclude=()
) -> None:
    """``events.publish`` in the task worker once the transaction commits: a phase or tag with hundreds of
    followers does not hold the request that caused the event (and a rolled-back change announces nothing)."""
    arguments = {
        "kind": str(kind),
        "target_kind": target_kind,
        "target_id": target_id,
        "detail_id": detail_id,
        "actor_id": getattr(actor, "pk", None),
        "follows": [[follow_kind, follow_id] for follow_kind, follow_id in follows],
        "recipients": sorted(recipients),
        "exclude": sorted(exclude),
    }
    transaction.on_commit(lambda: deliver.enqueue(**arguments))


@task()
def deliver(kind, target_kind, target_id, detail_id, actor_id, follows, recipients, exclude) -> int:
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    created = events.publish(
        kind,
        target_kind,
        target_id,
        detail_id=detail_id,
        actor=actor,
        follows=[tuple(follow) for follow in follows],
        recipients=recipients,
        exclude=exclude,
    )
    return len(created)


@task()
def send_weekly_digest() -> int:
    return send_weekly_digests()


@task()
def send_daily_digest() -> int:
    return send_daily_digests()
