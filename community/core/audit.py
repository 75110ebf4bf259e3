"""The audit log of security events, readable by beheerders in the admin (/cms/auditlog/).

Other apps record their own events::

    from community.core import audit
    audit.record("casus.hidden", actor=request.user, target=f"casus:{casus.pk}", details={"reason": "..."})

Recorded here automatically: log-in success and failure, log-out, MFA changes, group and permission
changes of users, staff/superuser/active flag changes, membership decisions (community.accounts.membership),
personal data exports and erasures (community.core.personal_data) and moderation actions that pass
through Wagtail's action log (workflow, publish, unpublish, delete, and every non-``wagtail.`` action).
Details hold identifiers and decisions, never content (no casus text, no passwords).
"""

import contextvars
import logging

from allauth.mfa import signals as mfa_signals
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import ModelLogEntry, PageLogEntry

from community.core.client_address import client_ip
from community.models import AuditEvent

logger = logging.getLogger("kennisplein.audit")
_current_request = contextvars.ContextVar("kennisplein_audit_request", default=None)

LOGIN_SUCCEEDED = "login.succeeded"
LOGIN_FAILED = "login.failed"
LOGOUT = "logout"
MFA_ADDED = "mfa.added"
MFA_REMOVED = "mfa.removed"
MFA_RESET = "mfa.reset"
GROUPS_CHANGED = "permissions.groups_changed"
PERMISSIONS_CHANGED = "permissions.user_permissions_changed"
FLAGS_CHANGED = "permissions.flags_changed"
MEMBERSHIP_DECIDED = "membership.decided"
DATA_EXPORTED = "personal_data.exported"
ACCOUNT_DELETED = "personal_data.erased"
MODERATION = "moderation"


class AuditContextMiddleware:
    """Remembers the current request so signal handlers know who did something, and from where."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def _client_ip(request) -> str | None:
    if request is None:
        return None
    return client_ip(request)


def _label(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return (getattr(user, "email", "") or getattr(user, "username", ""))[:254]


def record(event: str, actor=None, target: str = "", details: dict | None = None, request=None):
    """Store one audit event. Never raises: a failing audit write is logged, the action goes on."""
    request = request or _current_request.get()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    try:
        return AuditEvent.objects.create(
            event=event[:60],
            actor=actor if actor is not None and actor.pk else None,
            actor_label=_label(actor),
            target=str(target)[:254],
            ip_address=_client_ip(request),
            details=details or {},
        )
    except Exception as error:  # the audit log must never break the action it records
        logger.error("Could not record audit event %s (%s).", event, type(error).__name__)
        return None


def user_target(user) -> str:
    return f"user:{user.pk} {_label(user)}".strip()


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(LOGIN_SUCCEEDED, actor=user, target=user_target(user), request=request)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(LOGOUT, actor=user, target=user_target(user), request=request)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    attempted = credentials.get("email") or credentials.get("username") or ""
    record(LOGIN_FAILED, target=str(attempted)[:254], request=request)


def _connect_mfa_signals():
    def handler(event):
        def receive(sender, request=None, user=None, authenticator=None, **kwargs):
            record(
                event,
                target=user_target(user) if user is not None else "",
                details={"type": getattr(authenticator, "type", "")},
                request=request,
            )

        return receive

    for signal_name, event in (
        ("authenticator_added", MFA_ADDED),
        ("authenticator_removed", MFA_REMOVED),
        ("authenticator_reset", MFA_RESET),
    ):
        signal = getattr(mfa_signals, signal_name, None)
        if signal is not None:
            receiver_function = handler(event)
            _mfa_receivers.append(receiver_function)  # keep a strong reference
            signal.connect(receiver_function, dispatch_uid=f"kennisplein-audit-{signal_name}")


_mfa_receivers: list = []


def _groups_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    User = get_user_model()
    if isinstance(instance, User):
        users, names = [instance], sorted(model.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    else:  # changed from the group's side
        users, names = list(User.objects.filter(pk__in=pk_set or [])), [instance.name]
    for user in users:
        record(
            GROUPS_CHANGED, target=user_target(user), details={"action": action.removeprefix("post_"), "groups": names}
        )


def _permissions_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    User = get_user_model()
    if not isinstance(instance, User):
        return
    codenames = sorted(model.objects.filter(pk__in=pk_set or []).values_list("codename", flat=True))
    record(
        PERMISSIONS_CHANGED,
        target=user_target(instance),
        details={"action": action.removeprefix("post_"), "permissions": codenames},
    )


FLAGS = ("is_superuser", "is_staff", "is_active")


def _remember_flags(sender, instance, **kwargs):
    if instance.pk:
        instance._audit_flags = dict(sender.objects.filter(pk=instance.pk).values(*FLAGS).first() or {})


def _flags_changed(sender, instance, created, **kwargs):
    before = getattr(instance, "_audit_flags", None)
    if created or not before:
        return
    changes = {flag: getattr(instance, flag) for flag in FLAGS if before.get(flag) != getattr(instance, flag)}
    if changes:
        record(FLAGS_CHANGED, target=user_target(instance), details=changes)


def _log_entry_saved(sender, instance, created, **kwargs):
    if not created:
        return
    action = instance.action or ""
    if not (
        action.startswith(
            ("wagtail.workflow", "wagtail.moderation", "wagtail.publish", "wagtail.unpublish", "wagtail.delete")
        )
        or not action.startswith("wagtail.")
    ):
        return
    record(
        MODERATION,
        actor=instance.user,
        target=f"{instance.content_type.app_label}.{instance.content_type.model}:{instance.object_id}"[:254],
        details={"action": action, "label": str(instance.label)[:200]},
    )


def connect():
    """Called from CommunityConfig.ready()."""
    User = get_user_model()
    m2m_changed.connect(_groups_changed, sender=User.groups.through, dispatch_uid="kennisplein-audit-groups")
    m2m_changed.connect(
        _permissions_changed, sender=User.user_permissions.through, dispatch_uid="kennisplein-audit-permissions"
    )
    pre_save.connect(_remember_flags, sender=User, dispatch_uid="kennisplein-audit-flags-before")
    post_save.connect(_flags_changed, sender=User, dispatch_uid="kennisplein-audit-flags-after")
    _connect_mfa_signals()
    for model in (PageLogEntry, ModelLogEntry):
        post_save.connect(_log_entry_saved, sender=model, dispatch_uid=f"kennisplein-audit-{model.__name__}")
