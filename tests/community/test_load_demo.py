import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from community.core import access
from community.models import HomePage, MembershipApplication, Organisation

pytestmark = pytest.mark.django_db


def test_load_demo_creates_organisations_and_one_account_per_role(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-wachtwoord-123")
    call_command("load_demo")
    assert Organisation.objects.count() == 14
    assert Organisation.objects.filter(name="Kompaan en De Bocht").exists()
    users = {u.username: u for u in get_user_model().objects.all()}
    assert set(users) >= {"aanvrager", "lid", "vereniging", "moderator", "redacteur", "beheerder"}
    assert users["lid"].check_password("demo-wachtwoord-123")
    assert not access.is_member(users["aanvrager"])
    assert MembershipApplication.objects.get(user=users["aanvrager"]).status == "pending"
    assert access.is_member(users["lid"]) and not access.is_association_member(users["lid"])
    assert access.is_association_member(users["vereniging"])
    assert users["moderator"].groups.filter(name="Moderators").exists()
    assert users["redacteur"].groups.filter(name="Editors").exists()
    assert users["beheerder"].is_superuser
    assert "Vereniging OKK Ouderschap Blijft" in HomePage.objects.get().body


def test_load_demo_is_idempotent_and_prints_a_generated_password_once(monkeypatch, capsys):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    call_command("load_demo")
    first = capsys.readouterr().out
    assert "Wachtwoord (wordt maar één keer getoond)" in first
    counts = (get_user_model().objects.count(), Organisation.objects.count(), MembershipApplication.objects.count())
    call_command("load_demo")
    second = capsys.readouterr().out
    assert "Wachtwoord" not in second
    assert counts == (
        get_user_model().objects.count(),
        Organisation.objects.count(),
        MembershipApplication.objects.count(),
    )


@override_settings(PRODUCTION=True)
def test_load_demo_refuses_production_settings():
    with pytest.raises(CommandError, match="productie"):
        call_command("load_demo")
    assert not Organisation.objects.exists()
