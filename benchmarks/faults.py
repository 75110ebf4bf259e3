"""Fault scenarios against the production stack on loopback (`make faults`).

For each fault: load runs (anonymous views, member browsing, postings by fresh accounts), the fault
is injected and lifted, and the report says what users saw (status codes, a sample of the page) and
whether every posting that was accepted (302) is in the database afterwards.

1. PostgreSQL restarted mid-load (fast shutdown, 3 s down).
2. Redis down for the whole run.
3. ELASTICSEARCH_URL pointing at a closed port.
4. The mail server refusing connections; afterwards a mail server comes back and the kept mails go out.
5. The media disk full (a 64 KiB tmpfs; needs root), while a beheerder uploads a document.

Every request goes through nginx (PROD_NGINX_PORT), as visitors' requests do: the real shape, with
nginx's shared cache for public pages and its answers when gunicorn is away.
"""

import functools
import os
import re
import subprocess
import threading
import time

from benchmarks.fake_smtp import FakeSMTPServer, closed_port

from . import common
from .common import NGINX_PORT, ROOT, count_applications, make_sessions, manage, run_load, say, stack

Client = functools.partial(common.Client, port=NGINX_PORT)

APPLICATION = {"profession": "Mediator", "organisation": "Fault BV", "motivation": "Ik wil kennis delen."}
PROD = ROOT / "var" / "prod"


def headline(body: bytes) -> str:
    match = re.search(rb"<h1[^>]*>(.*?)</h1>", body, re.S)
    return match.group(1).decode("utf-8", "replace").strip() if match else body[:80].decode("utf-8", "replace")


def load_with_postings(name, seconds, count, during=None):
    prefix = f"{name.split()[0].lower()}{int(time.time())}"
    sessions = make_sessions(count=count, prefix=prefix)
    applicants = list(sessions["applicants"])
    accepted = []
    lock = threading.Lock()

    def action(client, index, rng):
        roll = rng.random()
        if roll < 0.4:
            status, body, _ = client.get("/")
        elif roll < 0.7:
            client.cookies["sessionid"] = sessions["member"]
            status, body, _ = client.get("/lidmaatschap/")
            client.cookies.pop("sessionid", None)
        else:
            with lock:
                key = applicants.pop() if applicants else None
            if key is None:
                status, body, _ = client.get("/")
            else:
                status, body, _ = Client({"sessionid": key}).post_form("/lidmaatschap/", APPLICATION)
                if status == 302:
                    with lock:
                        accepted.append(key)
                elif status != 503:
                    with lock:
                        applicants.append(key)  # not accepted: the user would try again
        return status, body

    injector = threading.Thread(target=during, daemon=True) if during else None
    if injector:
        injector.start()
    result = run_load(name, action, concurrency=8, duration=seconds, max_requests=20000, setup=lambda index: Client())
    if injector:
        injector.join(60)
    return result, accepted, prefix


def report(result, accepted, prefix, extra=""):
    stored = count_applications(prefix)
    seen = ", ".join(f"{status}: {count}" for status, count in sorted(result.statuses.items()))
    say(f"\n## {result.name}\n")
    say(f"- requests {result.count}; status codes {{{seen}}}  (0 = connection failed)")
    for status in sorted(result.bodies):
        if status >= 400:
            say(
                f'- what users saw with {status}: "{headline(result.bodies[status])}"'
                f"{' (stack trace!)' if b'Traceback' in result.bodies[status] else ', no stack trace'}"
            )
    say(
        f"- postings accepted (302): {len(accepted)}; in the database after recovery: {stored} -> "
        f"{'nothing lost' if stored >= len(accepted) else 'LOST ' + str(len(accepted) - stored)}"
    )
    if extra:
        say(f"- {extra}")


def healthz():
    status, body, _ = Client().get("/healthz")
    return status, body.decode()


def database_restart():
    def during():
        time.sleep(3)
        stack("stop-postgres")
        time.sleep(3)
        stack("start-postgres")

    result, accepted, prefix = load_with_postings("PostgreSQL restarted mid-load", 12, 200, during)
    report(result, accepted, prefix, f"healthz after recovery: {healthz()}")


def redis_down():
    stack("stop-redis")
    try:
        status, body = healthz()
        result, accepted, prefix = load_with_postings("Redis down", 8, 100)
    finally:
        stack("start-redis")
    report(result, accepted, prefix, f"healthz while Redis was down: {status} {body}")


def elasticsearch_closed_port():
    port = closed_port()
    stack("stop-web")
    stack("start-web", ELASTICSEARCH_URL=f"http://127.0.0.1:{port}")
    try:
        status, body = healthz()
        search_status = Client().get("/zoeken/?q=ouderschap")[0]
        result, accepted, prefix = load_with_postings("Elasticsearch URL on a closed port", 6, 50)
    finally:
        stack("stop-web")
        stack("start-web")
    report(result, accepted, prefix, f"healthz: {status} {body}; /zoeken/ answered {search_status}")


def smtp_refusing():
    port = closed_port()
    refusing = f"smtp://127.0.0.1:{port}?timeout=2"
    stack("stop-web")
    stack("stop-worker")
    stack("start-web", EMAIL_URL=refusing)
    stack("start-worker", EMAIL_URL=refusing)
    stamp = int(time.time())
    log_file = PROD / "logs" / "worker.log"
    log_start = log_file.stat().st_size if log_file.exists() else 0
    statuses = []
    for number in range(3):
        client = Client()
        status, body, _ = client.post_form(
            "/accounts/signup/",
            {
                "email": f"fault-{stamp}-{number}@example.org",
                "first_name": "Test",
                "last_name": "Persoon",
                "password1": "een-heel-lang-wachtwoord-77",
                "password2": "een-heel-lang-wachtwoord-77",
            },
        )
        statuses.append(status)
    time.sleep(4)  # the worker tries and fails
    failed = (
        manage(
            "from django_tasks.backends.database.models import DBTaskResult as R; "
            "print(R.objects.filter(task_path='community.tasks.send_email', status='FAILED').count())"
        )
        .strip()
        .splitlines()[-1]
    )
    log = log_file.read_bytes()[log_start:].decode(errors="replace")
    logged = len(re.findall(r"could not be sent: ConnectionRefusedError", log))
    with FakeSMTPServer() as server:
        back = f"smtp://127.0.0.1:{server.port}"
        stack("stop-worker")
        stack("start-worker", EMAIL_URL=back)
        manage("from django.core.management import call_command; call_command('retry_failed_mail')", EMAIL_URL=back)
        deadline = time.time() + 30
        while time.time() < deadline and len(server.messages) < int(failed):
            time.sleep(0.5)
        delivered = len(server.messages)
    stack("stop-worker")
    stack("start-worker")
    stack("stop-web")
    stack("start-web")
    say("\n## Mail server refusing\n")
    say(f"- sign-ups while refusing: statuses {statuses} (302 = account created, user sent on)")
    say(f"- failed mail tasks kept in the queue: {failed}; worker log lines naming the error: {logged}")
    say(f"- after the mail server came back and `retry_failed_mail`: {delivered} mails delivered")


def media_disk_full():
    if os.geteuid() != 0:
        say("\n## Media disk full\n\n- skipped: mounting a tiny tmpfs needs root")
        return
    media = PROD / "media-full"
    media.mkdir(exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(media)], check=True)
    try:
        subprocess.run(["dd", "if=/dev/zero", f"of={media}/filler", "bs=1k", "count=64"], capture_output=True)
        stack("stop-web")
        stack("start-web", MEDIA_ROOT=str(media))
        sessions = (
            manage(
                "import json\n"
                "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY\n"
                "from django.contrib.sessions.backends.cached_db import SessionStore\n"
                "from allauth.mfa.models import Authenticator\n"
                "from community.demo.factories import give_totp\n"
                "u = get_user_model().objects.get(email='beheerder@demo.kennisplein.example')\n"
                "Authenticator.objects.filter(user=u).exists() or give_totp(u)\n"
                "s = SessionStore(); s[SESSION_KEY] = str(u.pk); s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
                "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.save(); print(json.dumps(s.session_key))\n"
                "from wagtail.documents.models import Document; print(Document.objects.count())",
                MEDIA_ROOT=str(media),
            )
            .strip()
            .splitlines()
        )
        key, before = sessions[-2].strip('"'), int(sessions[-1])
        client = Client({"sessionid": key})
        status, page, _ = client.get("/cms/documents/multiple/add/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        boundary = "----kennisplein"
        pdf = b"%PDF-1.4\n" + b"0" * 200_000 + b"\n%%EOF\n"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token.group(1).decode()}\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="files[]"; filename="werkvorm.pdf"\r\n'
                "Content-Type: application/pdf\r\n\r\n"
            ).encode()
            + pdf
            + f"\r\n--{boundary}--\r\n".encode()
        )
        client.connection = None
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", NGINX_PORT, timeout=30)
        connection.request(
            "POST",
            "/cms/documents/multiple/add/",
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
                "X-Requested-With": "XMLHttpRequest",
                "Referer": f"http://127.0.0.1:{NGINX_PORT}/cms/documents/multiple/add/",
            },
        )
        response = connection.getresponse()
        answer = response.read()
        after = int(
            manage("from wagtail.documents.models import Document; print(Document.objects.count())")
            .strip()
            .splitlines()[-1]
        )
        say("\n## Media disk full\n")
        say(
            f'- admin page status {status}; upload answered {response.status}: "{headline(answer)}"'
            f"{' (stack trace!)' if b'Traceback' in answer else ', no stack trace'}"
        )
        say(
            f"- documents before {before}, after {after} (no half-stored document); the site kept serving: "
            f"home {Client().get('/')[0]}"
        )
    finally:
        stack("stop-web")
        subprocess.run(["umount", str(media)], check=False)
        stack("start-web")


def main():
    say(f"Starting the production stack (visitors' requests through nginx on 127.0.0.1:{NGINX_PORT}) ...")
    stack("start")
    only = os.environ.get("FAULTS", "")
    for scenario in (database_restart, redis_down, elasticsearch_closed_port, smtp_refusing, media_disk_full):
        if only and scenario.__name__ not in only.split(","):
            continue
        try:
            scenario()
        except Exception as error:  # report and go on with the next scenario
            say(f"\n## {scenario.__name__}: scenario failed to run: {type(error).__name__}: {error}")
    say("\nThe stack keeps running; `make stop-prod` stops it.")


if __name__ == "__main__":
    main()
