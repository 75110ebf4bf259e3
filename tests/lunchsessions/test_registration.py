import datetime
import random
import threading
import time

import pytest
from django.core import mail
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from icalendar import Calendar

from community.demo.factories import MemberFactory, UserFactory
from lunchsessions import registration as service
from lunchsessions.factories import RegistrationFactory
from lunchsessions.models import Registration

pytestmark = pytest.mark.django_db

Status = Registration.Status


def _register(session, user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return service.register(session, user)


def test_members_register_up_to_capacity_then_waitlist(upcoming_session, django_capture_on_commit_callbacks):
    users = [MemberFactory() for _ in range(4)]
    statuses = [_register(upcoming_session, user, django_capture_on_commit_callbacks)[0].status for user in users]
    assert statuses == [Status.REGISTERED, Status.REGISTERED, Status.WAITLISTED, Status.WAITLISTED]
    assert upcoming_session.places_left() == 0


def test_registering_twice_changes_nothing(upcoming_session):
    user = MemberFactory()
    first, changed = service.register(upcoming_session, user)
    second, changed_again = service.register(upcoming_session, user)
    assert changed and not changed_again
    assert first.pk == second.pk
    assert Registration.objects.filter(user=user).count() == 1


def test_database_refuses_duplicate_registrations(upcoming_session):
    registration = RegistrationFactory(session=upcoming_session)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(session=upcoming_session, user=registration.user, status=Status.WAITLISTED)


def test_unregister_moves_first_on_waiting_list_up(upcoming_session, django_capture_on_commit_callbacks):
    first, second, third, fourth = (MemberFactory() for _ in range(4))
    for user in (first, second, third, fourth):
        service.register(upcoming_session, user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = service.unregister(upcoming_session, first)
    assert cancelled.status == Status.CANCELLED
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {
        first.pk: Status.CANCELLED,
        second.pk: Status.REGISTERED,
        third.pk: Status.REGISTERED,
        fourth.pk: Status.WAITLISTED,
    }
    assert {m.to[0] for m in mail.outbox} == {first.email, third.email}
    promoted_mail = next(m for m in mail.outbox if m.to == [third.email])
    assert "plaats vrij" in promoted_mail.subject


def test_unregister_from_waiting_list_promotes_nobody(upcoming_session):
    users = [MemberFactory() for _ in range(3)]
    for user in users:
        service.register(upcoming_session, user)
    service.unregister(upcoming_session, users[2])
    assert Registration.objects.filter(status=Status.REGISTERED).count() == 2


def test_cancelled_member_can_register_again_at_end_of_queue(upcoming_session):
    users = [MemberFactory() for _ in range(3)]
    for user in users:
        service.register(upcoming_session, user)
    service.unregister(upcoming_session, users[0])  # users[2] moves up
    registration, changed = service.register(upcoming_session, users[0])
    assert changed and registration.status == Status.WAITLISTED


def test_raising_capacity_on_publish_fills_places(upcoming_session):
    users = [MemberFactory() for _ in range(3)]
    for user in users:
        service.register(upcoming_session, user)
    upcoming_session.capacity = 3
    upcoming_session.save_revision().publish()
    assert Registration.objects.filter(status=Status.REGISTERED).count() == 3


def test_past_and_running_sessions_are_closed(make_session):
    running = make_session(start=timezone.now() - datetime.timedelta(minutes=5))
    past = make_session(days=-3)
    user = MemberFactory()
    for session in (running, past):
        with pytest.raises(service.RegistrationClosed):
            service.register(session, user)
    RegistrationFactory(session=running, user=user)
    with pytest.raises(service.RegistrationClosed):
        service.unregister(running, user)


def test_non_members_cannot_register(upcoming_session):
    with pytest.raises(service.NotAllowed):
        service.register(upcoming_session, UserFactory())


def test_members_only_session_needs_access(make_session):
    session = make_session(members_only=True)
    registration, _ = service.register(session, MemberFactory())
    assert registration.status == Status.REGISTERED


def test_confirmation_mail_carries_valid_ics(upcoming_session, django_capture_on_commit_callbacks):
    user = MemberFactory()
    _register(upcoming_session, user, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "aangemeld" in message.subject
    assert "http://testserver" + upcoming_session.url in message.body  # WAGTAILADMIN_BASE_URL: no request here
    filename, content, mimetype = message.attachments[0]
    assert filename == "lunchsessie.ics" and mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == f"lunchsession-{upcoming_session.pk}@kennisplein-scheiding.nl"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART") == upcoming_session.start.replace(microsecond=0)
    assert str(event["URL"]) == "http://testserver" + upcoming_session.url


def test_waitlisted_member_gets_waiting_list_mail_without_invite(upcoming_session, django_capture_on_commit_callbacks):
    for _ in range(2):
        service.register(upcoming_session, MemberFactory())
    mail.outbox.clear()
    _register(upcoming_session, MemberFactory(), django_capture_on_commit_callbacks)
    assert "wachtlijst" in mail.outbox[0].subject
    assert mail.outbox[0].attachments == []


def test_cancellation_mail_cancels_the_calendar_event(upcoming_session, django_capture_on_commit_callbacks):
    user = MemberFactory()
    service.register(upcoming_session, user)
    with django_capture_on_commit_callbacks(execute=True):
        service.unregister(upcoming_session, user)
    calendar = Calendar.from_ical(mail.outbox[-1].attachments[0][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


# --- through the views ---


def test_one_click_register_and_unregister(client_for, role_users, upcoming_session):
    client = client_for("lid")
    response = client.post(f"/lunchsessies/aanmelden/{upcoming_session.pk}/")
    assert response.status_code == 302 and response["Location"] == upcoming_session.url
    assert Registration.objects.get(user=role_users["lid"]).status == Status.REGISTERED
    page = client.get(upcoming_session.url).content.decode()
    assert "U bent aangemeld" in page
    client.post(f"/lunchsessies/afmelden/{upcoming_session.pk}/")
    assert Registration.objects.get(user=role_users["lid"]).status == Status.CANCELLED


def test_register_view_refuses_non_members_with_message(client_for, upcoming_session):
    response = client_for("account").post(f"/lunchsessies/aanmelden/{upcoming_session.pk}/", follow=True)
    assert "Alleen leden" in response.content.decode()
    assert not Registration.objects.exists()


def test_register_view_hides_sessions_user_may_not_see(client_for, make_session):
    session = make_session(members_only=True)
    assert client_for("account").post(f"/lunchsessies/aanmelden/{session.pk}/").status_code == 404


def test_anonymous_is_sent_to_log_in(client, upcoming_session):
    response = client.post(f"/lunchsessies/aanmelden/{upcoming_session.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_register_is_rate_limited(client_for, upcoming_session):
    client = client_for("lid")
    statuses = [client.post(f"/lunchsessies/aanmelden/{upcoming_session.pk}/").status_code for _ in range(21)]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {302}


# --- concurrency: real threads, real transactions ---


def _as_a_request(action, session, user):
    """One member's click. The test database is SQLite in memory with a shared cache, which answers
    "database table is locked" at once where a database file or PostgreSQL waits for the lock
    (registration.py relies on that wait); the refused attempt changed nothing, so it is sent again."""
    for _attempt in range(500):
        try:
            return action(session, user)
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(random.uniform(0.001, 0.01))  # noqa: S311 - jitter, not security
    raise AssertionError("the lock was never granted")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_registrations_never_overbook(make_session):
    session = make_session(capacity=3)
    users = [MemberFactory() for _ in range(8)]
    barrier = threading.Barrier(len(users))
    errors = []

    def worker(user):
        try:
            barrier.wait()
            _as_a_request(service.register, session, user)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Registration.objects.filter(session=session, status=Status.REGISTERED).count() == 3
    assert Registration.objects.filter(session=session, status=Status.WAITLISTED).count() == 5


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_unregister_and_register_keep_capacity(make_session):
    session = make_session(capacity=2)
    holders = [MemberFactory() for _ in range(2)]
    for user in holders:
        service.register(session, user)
    newcomers = [MemberFactory() for _ in range(6)]
    barrier = threading.Barrier(len(newcomers) + 1)
    errors = []

    def run(action, user):
        try:
            barrier.wait()
            _as_a_request(action, session, user)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(service.register, user)) for user in newcomers]
    threads.append(threading.Thread(target=run, args=(service.unregister, holders[0])))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Registration.objects.filter(session=session, status=Status.REGISTERED).count() == 2
    assert Registration.objects.filter(session=session, status=Status.WAITLISTED).count() == 5
