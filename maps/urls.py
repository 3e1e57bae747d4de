"""The map, under /<lang>/map/."""

from django.urls import path

from maps import views

app_name = "maps"

urlpatterns = [
    path("map/", views.map_page, name="map"),
    path("map/data.geojson", views.geojson, name="geojson"),
    path("map/picker.svg", views.picker_image, name="picker"),
]
