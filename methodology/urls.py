from django.urls import path

from . import views

app_name = "methodology"

urlpatterns = [
    path("methodiek/fasen/", views.phase_list, name="phases"),
    path("methodiek/fasen/<slug:slug>/", views.phase_detail, name="phase"),
    path("methodiek/technieken/", views.technique_list, name="techniques"),
    path("methodiek/technieken/<slug:slug>/", views.technique_detail, name="technique"),
    path("methodiek/werkmaterialen/", views.work_materials, name="work_materials"),
]
