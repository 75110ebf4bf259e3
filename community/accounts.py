"""allauth adapter: allauth's rate limits and sessions use the project's one client address."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from .client_address import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address
