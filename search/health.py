from wagtail.models import Page
from wagtail.search.backends import get_search_backend


def check_search() -> dict:
    backend = get_search_backend()
    list(backend.search("kennisplein", Page.objects.live())[:1])
    return {"ok": True, "engine": "database"}
