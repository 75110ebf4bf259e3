"""URLs for the error-page test: one view that fails."""

from django.urls import path

from tests.production.test_hardening import broken_view

urlpatterns = [path("kapot", broken_view)]
