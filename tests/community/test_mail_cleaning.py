"""Issue 13.5: no control character reaches a mail, whoever sends it; a title with U+001B or a line break
never breaks a header nor answers 500. The cleaning is in the mail backend (community.core.mail), not in callers."""

import base64
from email import message_from_bytes
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.test import override_settings

from community.core.mail import QueuedEmailBackend, serialise

ESC = "\x1b"
DIRTY_TITLE = f"Ruzie{ESC}[31m bij de overdracht\nBcc: iedereen@example.org"


def assert_clean_header(value: str):
    assert ESC not in value and "\n" not in value and "\r" not in value and "\x00" not in value


def test_subject_body_html_and_headers_of_any_mail_are_cleaned(mailoutbox):
    message = EmailMultiAlternatives(
        subject=DIRTY_TITLE,
        body=f"Regel een{ESC}[0m\nregel twee\x07",
        to=[f"Jan{ESC} de Vries\n <jan@example.org>"],
        reply_to=["Piet\r\n <piet@example.org>"],
        headers={"X-Titel": DIRTY_TITLE},
    )
    message.attach_alternative(f"<p>{ESC}[31mrood</p>", "text/html")
    message.send()
    send_mail(DIRTY_TITLE, f"tekst{ESC}", None, ["lid@example.org"])

    first, second = mailoutbox
    assert_clean_header(first.subject) and assert_clean_header(first.extra_headers["X-Titel"])
    assert first.subject == "Ruzie[31m bij de overdracht Bcc: iedereen@example.org"
    assert first.body == "Regel een[0m\nregel twee"  # line breaks stay in bodies
    assert first.alternatives[0].content == "<p>[31mrood</p>"
    assert first.to == ["Jan de Vries  <jan@example.org>"] and "\n" not in first.reply_to[0]
    assert first.message()["Bcc"] is None
    assert_clean_header(second.subject) and ESC not in second.body


@override_settings(KENNISPLEIN_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_production_queue_cleans_before_it_serialises(monkeypatch):
    queued = []
    monkeypatch.setattr("community.tasks.send_email", SimpleNamespace(enqueue=queued.append))
    message = mail.EmailMessage(subject=DIRTY_TITLE, body=f"tekst{ESC}", to=["lid@example.org"])
    assert QueuedEmailBackend().send_messages([message]) == 1
    parsed = message_from_bytes(base64.b64decode(queued[0]["mime"]))
    assert "\x1b" not in parsed["Subject"] and parsed["Bcc"] is None
    assert serialise(message)["recipients"] == ["lid@example.org"]


@pytest.mark.django_db
def test_lunch_session_title_with_escape_and_newline_registers_and_mails(
    home_page, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    from lunchsessions.factories import LunchSessionIndexPageFactory, LunchSessionPageFactory

    index = LunchSessionIndexPageFactory(parent=home_page)
    start = timezone.now() + datetime.timedelta(days=7)
    session = LunchSessionPageFactory(parent=index, title=DIRTY_TITLE, slug="vies", start=start)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("lid").post(f"/lunchsessies/aanmelden/{session.pk}/")
    assert response.status_code == 302
    (confirmation,) = mailoutbox
    assert_clean_header(confirmation.subject) and ESC not in confirmation.body
    assert "bij de overdracht" in confirmation.subject


@pytest.mark.django_db
def test_moderator_reason_and_casus_title_reach_the_author_without_control_characters(
    home_page, client_for, role_users, mailoutbox, django_capture_on_commit_callbacks
):
    from casuses.models import CasusPage, Reaction, ensure_index
    from community.demo.factories import MemberFactory

    writer = MemberFactory(username="schrijver", email="schrijver@example.org")
    casus = CasusPage(
        title=DIRTY_TITLE,
        slug="vies",
        situation="De overdracht loopt uit op ruzie.",
        question="Hoe?",
        author=role_users["lid"],
        owner=role_users["lid"],
    )
    ensure_index(home_page).add_child(instance=casus)
    reaction = Reaction.objects.create(casus=casus, author=writer, body="Een scherpe reactie")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("moderator").post(
            f"/casussen/reacties/{reaction.pk}/verbergen/", {"reason": f"Kwetsend{ESC}[1m, zie\x08 regels"}
        )
    assert response.status_code == 302
    (told,) = [m for m in mailoutbox if m.to == ["schrijver@example.org"]]
    assert ESC not in told.body and "\x08" not in told.body and "Kwetsend[1m, zie regels" in told.body


@override_settings(KENNISPLEIN_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_a_long_subject_folded_in_the_queue_is_sent_on_one_line(monkeypatch, mailoutbox):
    """Found by make bench: waiting-list mails of a long session title failed in the worker."""
    from community.tasks import send_email

    queued = []
    monkeypatch.setattr("community.tasks.send_email", SimpleNamespace(enqueue=queued.append))
    subject = "[Kennisplein Scheiding] U staat op de wachtlijst: Intervisielunch: vastgelopen overdrachten na de zomer"
    QueuedEmailBackend().send_messages([mail.EmailMessage(subject=subject, body="tekst", to=["lid@example.org"])])
    assert b"\r\n " in base64.b64decode(queued[0]["mime"])  # folded in the MIME text
    send_email.func(queued[0])
    (sent,) = mailoutbox
    assert sent.subject == subject
