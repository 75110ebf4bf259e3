"""URLs for the proxy-cache test: responses with each kind of caching header, then the whole site."""

from django.http import HttpResponse
from django.urls import include, path


def answer(cache_control: str, cookie: bool = False):
    def view(request):
        response = HttpResponse(f"antwoord {cache_control}")
        response["Cache-Control"] = cache_control
        if cookie:
            response.set_cookie("spoor", "1")
        return response

    return view


urlpatterns = [
    path("proxy/public", answer("public, max-age=60, s-maxage=300")),
    path("proxy/public-with-cookie", answer("public, max-age=60", cookie=True)),
    path("proxy/private", answer("private, max-age=60")),
    path("proxy/no-store", answer("private, no-store")),
    path("proxy/unmarked", answer("max-age=60")),
    path("", include("community.urls")),
]
