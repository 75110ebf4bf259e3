"""Wagtail admin for membership applications: a beheerder approves or rejects them."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from community.accounts.membership import decide
from community.models import AuditEvent, MembershipApplication


class MembershipDecisionAdminForm(WagtailAdminModelForm):
    status = forms.ChoiceField(
        label=_("Besluit"),
        choices=[
            (MembershipApplication.Status.APPROVED, _("Goedkeuren: wordt lid")),
            (MembershipApplication.Status.REJECTED, _("Afwijzen")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = MembershipApplication
        fields = ["status", "decision_reason"]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == MembershipApplication.Status.REJECTED
            and not cleaned.get("decision_reason", "").strip()
        ):
            self.add_error("decision_reason", _("Geef bij een afwijzing een toelichting voor de aanvrager."))
        return cleaned


class DecideApplicationView(EditView):
    def save_instance(self):
        application = self.form.instance
        decide(
            application,
            approve=application.status == MembershipApplication.Status.APPROVED,
            reason=application.decision_reason,
            decided_by=self.request.user,
        )
        return application

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["application"] = self.object
        return context


class MembershipApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    name = "lidmaatschapsaanvragen"
    url_prefix = "lidmaatschapsaanvragen"
    icon = "user"
    menu_label = _("Lidmaatschapsaanvragen")
    add_to_admin_menu = True
    menu_order = 250
    form_fields = ["status", "decision_reason"]
    edit_view_class = DecideApplicationView
    edit_template_name = "community/admin/decide_application.html"
    list_filter = ["status"]
    search_fields = ["profession", "organisation", "user__email", "user__first_name", "user__last_name"]
    list_display = [
        "applicant",
        "profession",
        "organisation",
        "status",
        DateColumn("submitted_at", label=_("Ingediend")),
    ]
    copy_view_enabled = False
    # The decision form shows the whole application; a separate inspect view only repeated it.
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return MembershipDecisionAdminForm


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    """An application is always made by the applicant (at /lidmaatschap/): nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(MembershipApplication, ApplicationPermissionPolicy(MembershipApplication))
membership_application_viewset = MembershipApplicationViewSet()


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Beheerders (superusers, or whoever holds community.view_auditevent) may read; nobody may change."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class AuditEventViewSet(ModelViewSet):
    model = AuditEvent
    name = "auditlog"
    url_prefix = "auditlog"
    icon = "history"
    menu_label = _("Auditlog")
    add_to_admin_menu = True
    menu_order = 900
    create_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_filter = ["event"]
    search_fields = ["event", "actor_label", "target"]
    list_display = [
        DateColumn("created_at", label=_("Tijdstip")),
        "event",
        Column("actor_label", label=_("Door")),
        "target",
        "ip_address",
    ]
    inspect_view_fields = ["created_at", "event", "actor_label", "target", "ip_address", "details"]
    form_fields = ["event"]


register_permission_policy(AuditEvent, ReadOnlyPermissionPolicy(AuditEvent))
audit_event_viewset = AuditEventViewSet()
