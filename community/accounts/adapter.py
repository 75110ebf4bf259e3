"""allauth adapter: the project's one client address, and a fresh log-in counts as recent authentication."""

import time

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from django.core.exceptions import PermissionDenied

from community.core.client_address import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """allauth's rate limits and sessions use the address that community.core.client_address derives."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Do not ask for the password again within minutes of the log-in that just asked for it.

        allauth counts only explicit re-authentications as recent, so an administrator who must set
        up an authenticator before /cms/ opens was asked for the password twice in a row. A log-in by
        password (and, when the account has one, its second factor) within the re-authentication
        timeout is at least as strong; later sensitive actions still ask again.
        """
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        return not self._logged_in_recently()

    def _logged_in_recently(self) -> bool:
        request = self.request
        if request is None or not request.user.is_authenticated:
            return False
        records = [
            record
            for record in get_authentication_records(request, request.user)
            if record.get("method") in app_settings.REAUTHENTICATION_METHODS
        ]
        return bool(records) and time.time() - records[-1]["at"] < app_settings.REAUTHENTICATION_TIMEOUT
