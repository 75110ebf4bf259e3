"""Front-end views of casussen: posting (with the anonymity check), reactions, moderation."""

import functools
import uuid

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.models import WorkflowState

from community.core import ratelimit
from community.core.privacy import members_only, moderators_only
from community.core.ratelimit import rate_limit

from . import conversation, moderation
from .checking import all_findings, apply_all_replacements, apply_replacement, check_fields
from .forms import CasusForm, CloseForm, ReactionForm, ReasonForm, field_rows
from .models.casus import CasusDraft, CasusPage, Reaction, ReactionReport

FORM_FIELDS = ("title", "situation", "question", "age_band", "phase", "tags", "show_on_profile", "conversation_format")


def _visible_casus(request, index, pk) -> CasusPage:
    page = index.casuses_for(request.user).filter(pk=pk).first()
    if page is None:
        raise Http404
    return page


# --- Posting and editing --------------------------------------------------------------------------


def _data_of_page(page: CasusPage) -> dict:
    return {
        "title": page.title,
        "situation": page.situation,
        "question": page.question,
        "age_band": page.age_band,
        "phase": page.phase.slug if page.phase_id else "",
        "tags": ", ".join(tag.name for tag in page.tags.all()),
        "show_on_profile": page.show_on_profile,
        "conversation_format": page.conversation_format,
    }


def bounded_body(max_bytes: int):
    """Refuse a request whose body is larger than any honest form could be, before reading it."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > max_bytes:
                message = _("Uw tekst is te lang om te versturen. Maak hem korter en probeer het opnieuw.")
                return render(request, "413.html", {"message": message}, status=413)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Every casus form is a few thousand characters at most (CasusForm: about 8,300). URL-encoded, a
# character takes up to 9 bytes, so 128 KB holds every honest post and refuses abuse unread.
MAX_FORM_BYTES = 128 * 1024


def _draft_for(user, token, casus) -> CasusDraft:
    """The member's own draft for this token; a token of someone else's draft starts a new one."""
    draft = CasusDraft.objects.filter(token=token).first()
    if draft is None:
        return CasusDraft(token=token, author=user, casus=casus)
    if draft.author_id != user.pk or draft.casus_id != (casus.pk if casus else None):
        return CasusDraft(token=uuid.uuid4(), author=user, casus=casus)
    return draft


def _save_draft(draft: CasusDraft, data) -> None:
    draft.data = {name: data.get(name, "") for name in FORM_FIELDS}
    draft.save()
    CasusDraft.objects.filter(author=draft.author, casus=draft.casus).exclude(pk=draft.pk).delete()


def _posted_token(request):
    try:
        return uuid.UUID(request.POST.get("token", ""))
    except ValueError:
        return uuid.uuid4()


@method_decorator([members_only, bounded_body(MAX_FORM_BYTES), rate_limit("casus_form", "200/h")], name="dispatch")
class CasusFormView(View):
    """Posting or editing a casus (``nieuw/``, ``<id>/bewerken/``). What was typed is always kept as the
    member's draft; the anonymity check runs in ``CasusForm.clean()`` when the member submits."""

    index = None  # the CasusIndexPage whose route this is (as_view(index=…))
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, pk=None, **kwargs):
        self.casus = None
        if pk is not None:
            self.casus = get_object_or_404(CasusPage, pk=pk, author=request.user, archived_at__isnull=True)
            if not self.casus.is_open:
                messages.info(request, _("Deze casus is afgesloten; u kunt hem niet meer bewerken."))
                return redirect(self.index.route_url("mine"))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        draft = CasusDraft.objects.filter(author=request.user, casus=self.casus).first()
        if draft is not None:
            data = draft.data
        elif self.casus is not None:
            data = _data_of_page(self.casus.get_latest_revision_as_object())
        else:
            data = {}
        token = draft.token if draft else uuid.uuid4()
        checked = check_fields(CasusForm, data) if data else []
        return self.render(CasusForm(initial=data), checked, token, draft_saved=draft is not None)

    def post(self, request):
        token = _posted_token(request)
        if CasusPage.objects.filter(submission_token=token, author=request.user).exists() and not (
            CasusDraft.objects.filter(token=token, author=request.user).exists()
        ):
            messages.info(request, _("Deze casus is al ingediend; u hoeft niets opnieuw te versturen."))
            return redirect(self.index.route_url("mine"))
        data, action = self._replaced(request.POST.copy())
        # Save what was typed (after any replacement), always: nothing is lost, whatever happens next.
        draft = _draft_for(request.user, token, self.casus)
        _save_draft(draft, data)
        if action == "submit":
            return self.submit(request, data, draft)
        if action == "draft":
            messages.success(request, _("Uw concept is opgeslagen. U kunt later verder waar u gebleven was."))
        # Checking, replacing or saving shows the saved draft with its findings (not "this field is
        # required"), by redirect: reloading the page then never posts the old text again.
        return redirect(request.path)

    @staticmethod
    def _replaced(data):
        """The posted data after "Vervang door" / "alles vervangen", and what to do next."""
        if data.get("replace_all"):
            apply_all_replacements(CasusForm, data)
            return data, "check"
        if data.get("replace"):
            apply_replacement(CasusForm, data, data["replace"])
            return data, "check"
        return data, data.get("action", "check")

    def submit(self, request, data, draft):
        form = CasusForm(data)
        if not form.is_valid():
            response = self.render(form, form.checked, draft.token, draft_saved=True)
            response.status_code = 400
            return response
        if not ratelimit.hit("casus_post", ratelimit.client_key(request), "10/h"):
            return ratelimit.too_many_requests(request)
        moderation.submit_casus(
            self.index, request.user, data=dict(form.cleaned_data), token=draft.token, casus=self.casus
        )
        draft.delete()
        messages.success(
            request,
            _(
                "Dank u wel. Uw casus is ingediend; een moderator controleert hem op herkenbare gegevens en "
                "daarna verschijnt hij voor leden. U krijgt bericht per e-mail."
            ),
        )
        return redirect(self.index.route_url("mine"))

    def render(self, form, checked, token, draft_saved=False):
        return _render_form(self.request, self.index, form, checked, token, self.casus, draft_saved)


def _render_form(request, index, form, checked, token, casus, draft_saved=False):
    return render(
        request,
        "casuses/casus_form.html",
        {
            "index": index,
            "form": form,
            "fields": field_rows(form, checked),
            "token": token,
            "casus": casus,
            "draft_saved": draft_saved,
        },
    )


@members_only
@bounded_body(MAX_FORM_BYTES)
@rate_limit("casus_check_minute", "40/m")
@rate_limit("casus_check", "600/h")
@require_POST
def check_text(request, index):
    """The findings beside each field (used by static/js/casus-anonymity.js as the member types).

    For the casus form it also saves the member's own draft, so the server never keeps text the
    member has since replaced or removed."""
    form_class = {"reaction": ReactionForm, "close": CloseForm}.get(request.POST.get("form"), CasusForm)
    token = _posted_token(request)
    submitted = CasusPage.objects.filter(submission_token=token).exists()
    if form_class is CasusForm and request.POST.get("token") and not submitted:
        casus = None
        if request.POST.get("casus"):
            casus = get_object_or_404(
                CasusPage, pk=request.POST["casus"], author=request.user, archived_at__isnull=True
            )
        _save_draft(_draft_for(request.user, token, casus), request.POST)
    checked = check_fields(form_class, request.POST)
    by_name = {field.name: field for field in checked}
    context = {
        "blocks": [(name, by_name.get(name)) for name in form_class.CHECKED_FIELDS],
        "checked": checked,
        "total": len(all_findings(checked)),
    }
    html = render_to_string("casuses/_findings.html", context, request=request)
    return HttpResponse(html)


@members_only
def my_casuses(request, index):
    pages = list(
        CasusPage.objects.filter(author=request.user)
        .select_related("latest_revision")
        .order_by("-latest_revision_created_at", "-pk")
    )
    states = {
        state.object_id: state
        for state in WorkflowState.objects.filter(
            base_content_type__model="page", object_id__in=[str(p.pk) for p in pages]
        )
        .select_related("current_task_state")
        .order_by("created_at")
    }
    rows = []
    for page in pages:
        state = states.get(str(page.pk))
        if page.archived_at:
            status = _("Gearchiveerd")
        elif state and state.status == WorkflowState.STATUS_IN_PROGRESS:
            status = _("Wacht op controle door een moderator")
        elif state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            status = _("Niet goedgekeurd: pas de casus aan")
        elif page.live:
            status = _("Gepubliceerd")
        else:
            status = _("Ingetrokken")
        reason = ""
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES and state.current_task_state:
            reason = state.current_task_state.comment
        rows.append({"page": page, "status": status, "reason": reason})
    drafts = CasusDraft.objects.filter(author=request.user, casus__isnull=True)
    return render(request, "casuses/my_casuses.html", {"index": index, "rows": rows, "drafts": drafts})


@members_only
@require_POST
def withdraw(request, index, pk):
    page = get_object_or_404(CasusPage, pk=pk, author=request.user)
    moderation.withdraw(page, request.user)
    messages.success(request, _("Uw casus is ingetrokken. Leden zien hem niet meer."))
    return redirect(index.route_url("mine"))


# --- Reading and reacting -------------------------------------------------------------------------


@members_only
@bounded_body(MAX_FORM_BYTES)
@rate_limit("casus_reaction", "30/h")
@require_POST
def react(request, index, pk):
    page = _visible_casus(request, index, pk)
    if not page.may_react(request.user):
        messages.info(request, _closed_for_reactions(page))
        return redirect(page.url)
    form_options = {"casus": page, "is_author": page.author_id == request.user.pk}
    replaced = _with_replacements(ReactionForm, request.POST, form_options)
    if replaced is not None:
        return page.render_with(request, {"reaction_form": replaced[0], "reaction_rows": replaced[1]})
    form = ReactionForm(request.POST, **form_options)
    if form.is_valid():
        with transaction.atomic():
            reaction = Reaction.objects.create(
                casus=page,
                author=request.user,
                body=form.cleaned_data["body"],
                perspective=form.cleaned_data["perspective"],
                round=page.round_of_new_reaction(),
            )
            CasusPage.objects.filter(pk=page.pk).update(
                reaction_count=moderation.shown_reaction_count(page.pk), last_activity_at=timezone.now()
            )
        messages.success(request, _("Dank u wel voor uw reactie."))
        return redirect(page.url + f"#reactie-{reaction.pk}")
    extra = {"reaction_form": form, "reaction_rows": field_rows(form, form.checked)}
    return page.render_with(request, extra, status=400)


def _closed_for_reactions(page) -> str:
    if page.is_open:
        return _("In de reflectieronde schrijft alleen de inbrenger; u kunt de vragen en adviezen nog lezen.")
    return _("Deze casus is afgesloten; er kunnen geen reacties meer bij.")


def _with_replacements(form_class, posted, form_options=None):
    """Without JS, "Vervang door" and "alles vervangen" post the form: show it again with the text
    replaced and its findings (form, rows); None when the post was no replacement."""
    data = posted.copy()
    if data.get("replace_all"):
        apply_all_replacements(form_class, data)
    elif data.get("replace"):
        apply_replacement(form_class, data, data["replace"])
    else:
        return None
    form = form_class(initial={name: data.get(name, "") for name in form_class.base_fields}, **(form_options or {}))
    form.initial["confirm_warnings"] = data.get("confirm_warnings") == "on"
    return form, field_rows(form, check_fields(form_class, data))


@members_only
@require_POST
def mark_helpful(request, index, pk):
    reaction = get_object_or_404(
        Reaction.objects.select_related("casus"), pk=pk, hidden=False, withdrawn_at__isnull=True
    )
    page = _visible_casus(request, index, reaction.casus_id)
    if page.author_id != request.user.pk or reaction.author_id == request.user.pk:
        return render(request, "403.html", status=403)
    with transaction.atomic():
        # The one that helped most: marking another takes the mark from the previous one.
        page.reactions.filter(helpful=True).exclude(pk=reaction.pk).update(helpful=False)
        reaction.helpful = not reaction.helpful
        reaction.save(update_fields=["helpful"])
    return redirect(page.url + f"#reactie-{reaction.pk}")


@members_only
@bounded_body(MAX_FORM_BYTES)
@rate_limit("casus_close", "20/h")
@require_POST
def close(request, index, pk):
    page = _visible_casus(request, index, pk)
    if page.author_id != request.user.pk:
        return render(request, "403.html", status=403)
    replaced = _with_replacements(CloseForm, request.POST)
    if replaced is not None:
        return page.render_with(request, {"close_form": replaced[0], "close_rows": replaced[1]})
    form = CloseForm(request.POST)
    if form.is_valid():
        was_open = page.is_open
        conversation.close_casus(page, request.user, form.cleaned_data["follow_up"], form.cleaned_data["remind_weeks"])
        messages.success(
            request,
            _("Uw casus is afgesloten. Dank u wel voor het delen van het vervolg.")
            if was_open
            else _("Het vervolg is bijgewerkt. Dank u wel."),
        )
        return redirect(page.url)
    return page.render_with(request, {"close_form": form, "close_rows": field_rows(form, form.checked)}, status=400)


@members_only
@bounded_body(MAX_FORM_BYTES)
@rate_limit("casus_report", "20/h")
@require_POST
def report(request, index, pk):
    reaction = get_object_or_404(Reaction, pk=pk, hidden=False)
    page = _visible_casus(request, index, reaction.casus_id)
    form = ReasonForm(request.POST)
    if form.is_valid():
        moderation.report_reaction(reaction, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Dank u wel. Een moderator bekijkt de reactie."))
    else:
        messages.error(request, _("Geef een reden op voor uw melding."))
    return redirect(page.url + f"#reactie-{reaction.pk}")


# --- Moderation -----------------------------------------------------------------------------------


@moderators_only
def moderation_queue(request, index):
    items = []
    for task_state in moderation.pending_task_states():
        page = task_state.revision.as_object() if task_state.revision else None
        if page is None:
            continue
        data = {"title": page.title, "situation": page.situation, "question": page.question}
        items.append({"task_state": task_state, "page": page, "checked": check_fields(CasusForm, data)})
    reports = ReactionReport.objects.filter(resolved=False, reaction__hidden=False).select_related(
        "reaction", "reaction__casus", "reporter"
    )
    offered_again = Reaction.objects.filter(
        hidden=True, withdrawn_at__isnull=True, review_requested_at__isnull=False
    ).select_related("casus", "author")
    context = {
        "index": index,
        "items": items,
        "reports": reports,
        "offered_again": offered_again,
        "reject_form": ReasonForm(),
    }
    return render(request, "casuses/moderation.html", context)


@moderators_only
@require_POST
def moderation_decide(request, index, task_state_pk):
    task_state = get_object_or_404(moderation.pending_task_states(), pk=task_state_pk)
    approve = request.POST.get("action") == "approve"
    form = ReasonForm(request.POST)
    if not approve and not form.is_valid():
        messages.error(request, _("Geef een reden op bij het afwijzen; de auteur krijgt die te zien."))
        return redirect(index.route_url("moderation"))
    moderation.decide(task_state, request.user, approve=approve, reason="" if approve else form.cleaned_data["reason"])
    messages.success(
        request,
        _("De casus is goedgekeurd en gepubliceerd.")
        if approve
        else _("De casus is afgewezen; de auteur krijgt de reden per e-mail."),
    )
    return redirect(index.route_url("moderation"))


def _back_to_queue_or_casus(request, index, reaction):
    if request.POST.get("next") == "moderation":
        return redirect(index.route_url("moderation"))
    return redirect(reaction.casus.url + f"#reactie-{reaction.pk}")


@moderators_only
@require_POST
def hide_reaction(request, index, pk):
    reaction = get_object_or_404(Reaction.objects.select_related("casus", "author"), pk=pk)
    form = ReasonForm(request.POST)
    if reaction.hidden:
        messages.info(request, _("Deze reactie was al verborgen."))
    elif form.is_valid():
        moderation.hide_reaction(reaction, request.user, form.cleaned_data["reason"])
        messages.success(request, _("De reactie is verborgen. De schrijver krijgt de reden per e-mail."))
    else:
        messages.error(request, _("Geef een reden op om de reactie te verbergen; de schrijver krijgt die te zien."))
    return _back_to_queue_or_casus(request, index, reaction)


@moderators_only
@require_POST
def resolve_report(request, index, pk):
    report = get_object_or_404(ReactionReport.objects.select_related("reaction"), pk=pk, resolved=False)
    moderation.resolve_report(report, request.user)
    messages.success(request, _("De melding is afgehandeld; de reactie blijft zichtbaar."))
    return redirect(index.route_url("moderation"))
