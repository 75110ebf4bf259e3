"""The second log-in step for staff with an authenticator, in the browser (a code from the secret)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value


def give_known_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


_used: dict[str, int] = {}  # secret -> the last time step whose code was entered


def enter_code_if_asked(page, secret: str) -> None:
    if "/2fa/authenticate" not in page.url:
        return
    counter = int(time.time()) // app_settings.TOTP_PERIOD
    if _used.get(secret) == counter:  # allauth refuses a code twice: wait for the next one
        time.sleep((counter + 1) * app_settings.TOTP_PERIOD - time.time() + 0.5)
        counter += 1
    _used[secret] = counter
    page.locator("input[name=code]").fill(format_hotp_value(hotp_value(secret, counter)))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
