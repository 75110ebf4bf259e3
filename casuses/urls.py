"""Nothing: /casussen/nieuw/, mijn/, controle/, moderatie/, <id>/reageren/ … are routes of the
``CasusIndexPage`` (casuses/models/index.py), served by Wagtail wherever the page lives.
(community/urls.py still includes this module; it can go when that include goes.)"""

app_name = "casuses"
urlpatterns: list = []
