"""Wagtail admin for membership applications: a beheerder approves or rejects them."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet

from .membership import decide
from .models import MembershipApplication


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
        if cleaned.get("status") == MembershipApplication.Status.REJECTED and not cleaned.get("decision_reason", "").strip():
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
        Column("applicant", label=_("Aanvrager")),
        "profession",
        "organisation",
        "status",
        DateColumn("submitted_at", label=_("Ingediend")),
    ]
    create_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return MembershipDecisionAdminForm


membership_application_viewset = MembershipApplicationViewSet()
