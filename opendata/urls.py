"""The open-data page and what it lists, under /<lang>/open-data/."""

from django.urls import path

from opendata import views
from opendata.feeds import urls as feed_urls
from opendata.iati import urls as iati_urls

app_name = "opendata"

urlpatterns = [
    path("open-data/", views.open_data, name="open_data"),
    *iati_urls.urlpatterns,
    *feed_urls.urlpatterns,
]
