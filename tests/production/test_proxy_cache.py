"""nginx's proxy_cache as `make serve-prod` configures it (scripts/nginx.conf.template), in front of the
test server: it stores only responses Django marks public, never a restricted page or a signed-in view,
and a purge removes a stored page. Runs when Debian's nginx with the cache-purge module is installed."""

import shutil
import socket
import string
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.utils import purge_url_from_cache
from wagtail.models import Page, PageViewRestriction

ROOT = Path(__file__).resolve().parents[2]
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
pytestmark = [
    pytest.mark.skipif(shutil.which("nginx") is None or not PURGE_MODULE.exists(), reason="needs nginx + cache purge"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),  # keeps the migrations' pages
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def proxy(live_server, tmp_path):
    ports = {"PROD_NGINX_PORT": str(free_port()), "PROD_PURGE_PORT": str(free_port())}
    (tmp_path / "cache").mkdir()
    (tmp_path / "temp").mkdir()
    config = string.Template((ROOT / "scripts/nginx.conf.template").read_text()).safe_substitute(
        ports,
        PROD_WEB_PORT=live_server.url.rsplit(":", 1)[1],
        NGINX_DIR=tmp_path,
        LOG_DIR=tmp_path,
        STATIC_DIR=tmp_path,
        NGINX_USER="user root;" if shutil.os.geteuid() == 0 else "",
    )
    (tmp_path / "nginx.conf").write_text(config)
    command = ["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    subprocess.run(command, check=True, capture_output=True)
    base = f"http://127.0.0.1:{ports['PROD_NGINX_PORT']}"
    for _ in range(50):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    with override_settings(ROOT_URLCONF="tests.production.proxy_urls", ALLOWED_HOSTS=["*"]):
        yield {"base": base, "purge": f"http://127.0.0.1:{ports['PROD_PURGE_PORT']}"}
    subprocess.run([*command, "-s", "stop"], capture_output=True)


def cache_status(url: str, cookie: str | None = None) -> str:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    return response.headers.get("X-Proxy-Cache", "")


def statuses(url: str, cookie: str | None = None, times: int = 3) -> list[str]:
    return [cache_status(url, cookie) for _ in range(times)]


def test_only_responses_marked_public_are_stored(proxy):
    assert statuses(proxy["base"] + "/proxy/public") == ["MISS", "HIT", "HIT"]
    for kind in ("public-with-cookie", "private", "no-store", "unmarked"):
        assert "HIT" not in statuses(proxy["base"] + f"/proxy/{kind}"), kind
    # A query string (search, paging) is never stored: the purge knows paths only.
    assert "HIT" not in statuses(proxy["base"] + "/proxy/public?pagina=2")


def test_a_visitor_with_a_cookie_is_never_served_from_or_into_the_cache(proxy):
    assert statuses(proxy["base"] + "/proxy/public", cookie="sessionid=abc") == ["BYPASS"] * 3
    assert statuses(proxy["base"] + "/proxy/public") == ["MISS", "HIT", "HIT"]
    assert statuses(proxy["base"] + "/proxy/public", cookie="sessionid=abc", times=1) == ["BYPASS"]


def test_restricted_page_and_signed_in_view_are_never_stored(proxy, home_page, members_group, client_for):
    page = home_page.add_child(instance=Page(title="Werkmateriaal voor leden", slug="werkmateriaal"))
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(members_group)
    assert "HIT" not in statuses(proxy["base"] + page.url)
    member = client_for("lid")
    session = f"sessionid={member.cookies['sessionid'].value}"
    assert set(statuses(proxy["base"] + page.url, cookie=session)) == {"BYPASS"}
    assert "HIT" not in statuses(proxy["base"] + "/", cookie=session)
    assert "HIT" not in statuses(proxy["base"] + page.url)  # nothing the member saw was kept


def test_purge_removes_a_stored_page(proxy):
    assert statuses(proxy["base"] + "/proxy/public", times=2) == ["MISS", "HIT"]
    backend = {"nginx": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": proxy["purge"]}}
    purge_url_from_cache("http://kennisplein.example/proxy/public", backend_settings=backend)
    assert statuses(proxy["base"] + "/proxy/public", times=2) == ["MISS", "HIT"]
