from django.conf import settings
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from community.accounts import views as account_views
from community.core import workflow_actions
from community.site import sitemaps, views

urlpatterns = [
    # The Wagtail admin signs in through allauth, so MFA and rate limits apply there too.
    path("cms/login/", RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True)),
    # Wagtail's page edit view, with workflow actions that never act twice on one step (see the module).
    path("cms/pages/<int:page_id>/edit/", workflow_actions.edit_view),
    path("cms/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("taal/<str:language>/", views.switch_language, name="switch_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("lidmaatschap/", account_views.membership_apply, name="membership_apply"),
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps.sitemaps()}),
    path("", include("community.network.urls")),
    path("", include("community.notify.urls")),
    path("", include("methodology.urls")),
    path("", include("lunchsessions.urls")),
    path("", include("development.urls")),
    path("", include("search.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))

handler500 = "community.site.views.server_error"
