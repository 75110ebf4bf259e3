"""Abuse figures against the production stack, through nginx (issue 13; `python -m benchmarks.abuse`).

1. Log-in lock-out: an attacker at one client address fails five log-ins; can a colleague at another address
   still log in? Client addresses are distinct loopback addresses (127.0.0.x), so nginx sees them as different
   visitors and forwards them in X-Forwarded-For, as in production.
2. Bounded work: the time until a 1 MB as-you-type check request (/casussen/controle/) is refused.
3. A 200 MiB upload: the time until it is refused, and by whom (nginx's 25m limit, before gunicorn reads it).

Bounded: a handful of requests, each with a timeout. Run with the stack started (scripts/prod-stack.sh start).
"""

import http.client
import time
import uuid
from urllib.parse import urlencode

from .common import CSRF_RE, HOST, NGINX_PORT, make_sessions, say


def request(method, path, *, source="127.0.0.1", cookies=None, body=b"", headers=None, timeout=120):
    connection = http.client.HTTPConnection(HOST, NGINX_PORT, timeout=timeout, source_address=(source, 0))
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    started = time.perf_counter()
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    content = response.read()
    elapsed = time.perf_counter() - started
    for name, value in response.getheaders():
        if name.lower() == "set-cookie" and cookies is not None:
            key, _, rest = value.partition("=")
            cookies[key.strip()] = rest.split(";", 1)[0]
    connection.close()
    return response.status, content, elapsed


def log_in(source: str, login: str, password: str) -> tuple[int, bool]:
    cookies: dict = {}
    _status, page, _ = request("GET", "/accounts/login/", source=source, cookies=cookies)
    token = CSRF_RE.search(page.decode("utf-8", "replace")).group(1)
    status, content, _ = request(
        "POST",
        "/accounts/login/",
        source=source,
        cookies=cookies,
        body=urlencode({"csrfmiddlewaretoken": token, "login": login, "password": password}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{HOST}:{NGINX_PORT}"},
    )
    return status, b"Te veel" in content


def lock_out() -> None:
    attacker, colleague = "127.0.0.9", "127.0.0.20"
    stamp = uuid.uuid4().hex[:6]
    answers = [log_in(attacker, f"gok-{stamp}-{n}@example.org", "fout-wachtwoord") for n in range(6)]
    status, refused = log_in(colleague, "lid@demo.kennisplein.example", "demo-wachtwoord-kennisplein")
    say("\n## Log-in lock-out through nginx\n")
    say(
        f"- attacker at {attacker}: six wrong log-ins answered {[s for s, _ in answers]}; "
        f"'Te veel inlogpogingen' on attempts {[n + 1 for n, (_, r) in enumerate(answers) if r]}"
    )
    say(
        f"- colleague at {colleague} right after: {status}{' REFUSED (locked out)' if refused else ' (302 = logged in)'}"
    )


def check_request() -> None:
    member = make_sessions(count=0, prefix=f"abuse{int(time.time())}")["member"]
    cookies = {"sessionid": member}
    _status, page, _ = request("GET", "/casussen/nieuw/", cookies=cookies)
    match = CSRF_RE.search(page.decode("utf-8", "replace"))
    token = match.group(1) if match else ""
    body = urlencode({"csrfmiddlewaretoken": token, "form": "casus", "situation": "Moeder belt. " * 83_000}).encode()
    status, content, elapsed = request(
        "POST",
        "/casussen/controle/",
        cookies=cookies,
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://{HOST}:{NGINX_PORT}"},
    )
    say("\n## A 1 MB check request through nginx\n")
    say(f"- {len(body) / 1e6:.2f} MB to /casussen/controle/: {status} in {elapsed:.3f} s")


def big_upload() -> None:
    size = 200 * 1024 * 1024
    connection = http.client.HTTPConnection(HOST, NGINX_PORT, timeout=60)
    started = time.perf_counter()
    connection.putrequest("POST", "/cms/documents/multiple/add/")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(size))
    connection.endheaders()
    try:
        connection.send(b"--x\r\n" + b"0" * (1024 * 1024))  # the first MiB; a refusing server stops reading
        response = connection.getresponse()
        status, body = response.status, response.read()
    except (BrokenPipeError, ConnectionResetError) as error:
        status, body = type(error).__name__, b""
    elapsed = time.perf_counter() - started
    server = "nginx" if b"nginx" in body else "Django"
    say("\n## A 200 MiB upload through nginx\n")
    say(f"- refused with {status} after {elapsed:.3f} s, by {server}, with 1 MiB of 200 sent")


def main():
    say(f"Abuse figures through nginx on {HOST}:{NGINX_PORT}")
    for scenario in (lock_out, check_request, big_upload):
        try:
            scenario()
        except Exception as error:  # report and go on
            say(f"\n## {scenario.__name__}: failed to run: {type(error).__name__}: {error}")


if __name__ == "__main__":
    main()
