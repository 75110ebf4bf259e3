from django.urls import path

from . import views

urlpatterns = [
    path("zoeken/", views.search_page, name="search"),
    path("api/search", views.api_search, name="api_search"),
    path("api/search/suggest", views.api_suggest, name="api_search_suggest"),
    path("api/openapi.json", views.openapi_schema, name="api_openapi"),
    path("api/docs", views.api_docs, name="api_docs"),
]
