"""URLs for the page-cache test: a public view whose anonymous answer holds a form, then the whole site."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from community.core.page_cache import cache_public_view

FORM = engines["django"].from_string(
    '<form method="post" action="/formulier/">{% csrf_token %}<button>Verstuur</button></form>'
)


@cache_public_view(60)
def form_page(request):
    if request.method == "POST":
        return HttpResponse("ontvangen")
    return HttpResponse(FORM.render({}, request))


urlpatterns = [
    path("formulier/", form_page),
    path("", include("community.urls")),
]
