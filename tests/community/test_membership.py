import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from community.core import access
from community.demo.factories import MembershipApplicationFactory, UserFactory
from community.models import MemberProfile, MembershipApplication

pytestmark = pytest.mark.django_db

APPLICATION = {
    "profession": "Jeugdhulpverlener",
    "organisation": "Lindenhout",
    "motivation": "Ik begeleid ouders bij omgangsbemiddeling en wil graag kennis delen.",
}


def test_new_account_is_not_a_member_and_is_invited_to_apply(client):
    user = UserFactory()
    client.force_login(user)
    assert not access.is_member(user)
    response = client.get("/")
    assert "Lidmaatschap aanvragen" in response.content.decode()


def test_applying_stores_the_application_as_pending(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("membership_apply"), APPLICATION, follow=True)
    assert "Uw aanvraag is ontvangen" in response.content.decode()
    application = MembershipApplication.objects.get(user=user)
    assert application.status == MembershipApplication.Status.PENDING
    assert application.profession == "Jeugdhulpverlener"


def test_a_refused_application_keeps_what_was_typed_and_explains_in_dutch(client):
    client.force_login(UserFactory())
    response = client.post(reverse("membership_apply"), {**APPLICATION, "motivation": "kort"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Schrijf ten minste 20 tekens" in body
    assert 'value="Lindenhout"' in body and "kort" in body
    assert not MembershipApplication.objects.exists()


def test_anonymous_visitors_must_log_in_to_apply(client):
    response = client.get(reverse("membership_apply"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.fixture
def decide_as(client_for, django_capture_on_commit_callbacks):
    def _decide(application, status, reason="", role="beheerder"):
        with django_capture_on_commit_callbacks(execute=True):
            return client_for(role).post(
                f"/cms/lidmaatschapsaanvragen/edit/{application.pk}/", {"status": status, "decision_reason": reason}
            )

    return _decide


def test_beheerder_approves_in_the_admin_which_makes_a_member_and_mails_them(decide_as):
    application = MembershipApplicationFactory()
    response = decide_as(application, "approved")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.decided_by.username == "beheerder"
    user = application.user
    assert user.groups.filter(name=settings.MEMBERS_GROUP).exists()
    assert MemberProfile.objects.get(user=user).profession == application.profession
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "goedgekeurd" in mail.outbox[0].subject


def test_beheerder_rejects_with_a_reason_that_reaches_the_applicant(decide_as):
    application = MembershipApplicationFactory()
    response = decide_as(application, "rejected", "Wij zoeken professionals die met gezinnen werken.")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.REJECTED
    assert not application.user.groups.filter(name=settings.MEMBERS_GROUP).exists()
    assert "Wij zoeken professionals" in mail.outbox[0].body


def test_rejection_without_reason_is_refused(decide_as):
    application = MembershipApplicationFactory()
    response = decide_as(application, "rejected", "")
    assert response.status_code == 200
    assert "Geef bij een afwijzing een toelichting" in response.content.decode()
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["moderator", "redacteur"])
def test_only_beheerders_decide_on_applications(decide_as, role):
    application = MembershipApplicationFactory()
    response = decide_as(application, "approved", role=role)
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING


def test_admin_lists_pending_applications(client_for):
    MembershipApplicationFactory(profession="Gezinsvoogd")
    response = client_for("beheerder").get("/cms/lidmaatschapsaanvragen/?status=pending")
    assert response.status_code == 200
    assert "Gezinsvoogd" in response.content.decode()


def test_each_listed_application_links_to_its_decision_form(client_for, django_assert_max_num_queries):
    applications = [MembershipApplicationFactory() for _ in range(3)]
    client = client_for("beheerder")
    client.get("/cms/lidmaatschapsaanvragen/")
    with django_assert_max_num_queries(30):
        html = client.get("/cms/lidmaatschapsaanvragen/").content.decode()
    for application in applications:
        assert f'href="/cms/lidmaatschapsaanvragen/edit/{application.pk}/"' in html


def test_nobody_adds_an_application_in_the_admin(client_for):
    client = client_for("beheerder")
    html = client.get("/cms/lidmaatschapsaanvragen/").content.decode()
    assert "/cms/lidmaatschapsaanvragen/add/" not in html
    assert client.get("/cms/lidmaatschapsaanvragen/add/").status_code in (302, 403, 404)
    assert client.post("/cms/lidmaatschapsaanvragen/add/", {"status": "approved"}).status_code in (302, 403, 404)
    assert client.get(f"/cms/lidmaatschapsaanvragen/inspect/{MembershipApplicationFactory().pk}/").status_code == 404


def test_decision_form_shows_the_decision_in_dutch_and_local_time(decide_as, client_for):
    application = MembershipApplicationFactory()
    decide_as(application, "rejected", "Geen professional in het veld.")
    html = client_for("beheerder").get(f"/cms/lidmaatschapsaanvragen/edit/{application.pk}/").content.decode()
    application.refresh_from_db()
    from django.utils import timezone
    from django.utils.formats import date_format

    assert "Besloten door" in html and "Geen professional in het veld." in html
    assert date_format(timezone.localtime(application.decided_at), "j F Y H:i") in html


def test_beheerders_are_mailed_with_an_absolute_link_when_an_application_arrives(
    client, role_users, django_capture_on_commit_callbacks
):
    applicant = UserFactory(first_name="Lotte", last_name="Visser")
    client.force_login(applicant, backend="django.contrib.auth.backends.ModelBackend")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("membership_apply"), APPLICATION, HTTP_HOST="localhost")
    application = MembershipApplication.objects.get(user=applicant)
    [message] = [m for m in mail.outbox if role_users["beheerder"].email in m.to]
    assert "Lotte Visser" in message.subject
    assert f"http://localhost/cms/lidmaatschapsaanvragen/edit/{application.pk}/" in message.body
    assert role_users["moderator"].email not in message.to
