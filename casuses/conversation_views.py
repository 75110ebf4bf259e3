"""Front-end views of the conversation on a casus: edit and withdraw one's reaction, appreciate another's,
the poster's next round, and the moderators' decision on a reaction offered again (``conversation.py``)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.core.privacy import members_only, moderators_only
from community.core.ratelimit import rate_limit

from . import conversation
from .checking import check_fields
from .forms import ReactionForm, ReasonForm, field_rows
from .models.casus import Appreciation, Reaction
from .views import MAX_FORM_BYTES, _visible_casus, _with_replacements, bounded_body


def _own_reaction(request, index, pk):
    """The member's own reaction, not withdrawn, on a casus they may still read; 404 for anyone else's."""
    reaction = get_object_or_404(Reaction, pk=pk, author=request.user, withdrawn_at__isnull=True)
    reaction.casus = _visible_casus(request, index, reaction.casus_id)
    return reaction


def _to_reaction(reaction):
    return redirect(f"{reaction.casus.url}#reactie-{reaction.pk}")


@members_only
@bounded_body(MAX_FORM_BYTES)
@rate_limit("casus_reaction_edit", "60/h")
def edit_reaction(request, index, pk):
    reaction = _own_reaction(request, index, pk)
    if request.method != "POST":
        initial = {"body": reaction.body, "perspective": reaction.perspective}
        form = ReactionForm(initial=initial)
        return _render_edit(request, index, reaction, form, check_fields(ReactionForm, initial))
    replaced = _with_replacements(ReactionForm, request.POST)
    if replaced is not None:
        return _render_edit(request, index, reaction, replaced[0], rows=replaced[1])
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return _render_edit(request, index, reaction, form, form.checked, status=400)
    changed = conversation.edit_reaction(
        reaction, request.user, body=form.cleaned_data["body"], perspective=form.cleaned_data["perspective"]
    )
    if reaction.hidden:
        messages.success(
            request, _("Uw aangepaste reactie is aangeboden aan de moderatoren. U hoort het als hij weer zichtbaar is.")
        )
    elif changed:
        messages.success(request, _("Uw reactie is bijgewerkt."))
    else:
        messages.info(request, _("Er was niets gewijzigd."))
    return _to_reaction(reaction)


def _render_edit(request, index, reaction, form, checked=(), rows=None, status=200):
    context = {
        "index": index,
        "reaction": reaction,
        "casus": reaction.casus,
        "form": form,
        "rows": rows or field_rows(form, list(checked)),
    }
    return render(request, "casuses/reaction_edit.html", context, status=status)


@members_only
def withdraw_reaction(request, index, pk):
    """GET asks to confirm (without JavaScript too), POST withdraws."""
    reaction = _own_reaction(request, index, pk)
    if request.method != "POST":
        return render(request, "casuses/reaction_withdraw.html", {"index": index, "reaction": reaction})
    conversation.withdraw_reaction(reaction, request.user)
    messages.success(request, _("Uw reactie is ingetrokken. De tekst is verwijderd."))
    return _to_reaction(reaction)


@members_only
@rate_limit("casus_appreciate", "300/h")
@require_POST
def appreciate(request, index, pk):
    reaction = get_object_or_404(Reaction, pk=pk, hidden=False, withdrawn_at__isnull=True)
    reaction.casus = _visible_casus(request, index, reaction.casus_id)
    kind = request.POST.get("kind")
    if kind not in Appreciation.Kind.values:
        raise Http404
    if reaction.author_id == request.user.pk:
        return render(request, "403.html", status=403)
    conversation.toggle_appreciation(reaction, request.user, kind)
    return _to_reaction(reaction)


@members_only
@require_POST
def next_round(request, index, pk):
    casus = _visible_casus(request, index, pk)
    if casus.author_id != request.user.pk:
        return render(request, "403.html", status=403)
    if conversation.next_round(casus, request.user):
        messages.success(request, _("De volgende ronde is begonnen."))
    else:
        messages.info(request, _("Er is geen volgende ronde meer; u kunt de casus afsluiten met het vervolg."))
    return redirect(casus.url + "#rondes")


@moderators_only
@require_POST
def review_reaction(request, index, pk):
    reaction = get_object_or_404(
        Reaction.objects.select_related("casus", "author"),
        pk=pk,
        hidden=True,
        withdrawn_at__isnull=True,
        review_requested_at__isnull=False,
    )
    approve = request.POST.get("action") == "approve"
    form = ReasonForm(request.POST)
    if not approve and not form.is_valid():
        messages.error(
            request, _("Geef een reden op als de reactie verborgen blijft; de schrijver krijgt die te zien.")
        )
        return redirect(index.route_url("moderation"))
    conversation.review_reaction(
        reaction, request.user, approve=approve, reason="" if approve else form.cleaned_data["reason"]
    )
    messages.success(
        request,
        _("De reactie is weer zichtbaar.")
        if approve
        else _("De reactie blijft verborgen; de schrijver krijgt de reden."),
    )
    return redirect(index.route_url("moderation"))
