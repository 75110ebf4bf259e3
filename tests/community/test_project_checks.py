"""The project checks `make test` also runs, kept here so a plain pytest run covers them too."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def test_deploy_checks_pass_under_production_settings(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "community.settings.production",
        "SECRET_KEY": "x" * 20 + "-production-check-secret-key-0123456789",
        "ALLOWED_HOSTS": "kennisplein.example",
        "DATABASE_URL": f"sqlite:///{tmp_path}/deploy.sqlite3",
        "EMAIL_URL": "smtp://mail.kennisplein.example:587?tls=1",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_name_a_missing_variable(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")}
    env["DJANGO_SETTINGS_MODULE"] = "community.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
