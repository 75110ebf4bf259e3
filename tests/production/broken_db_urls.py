from django.db import OperationalError
from django.urls import include, path


def broken(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


urlpatterns = [path("lidmaatschap/", broken), path("", include("community.urls"))]
handler500 = "community.site.views.server_error"
