"""IATI 2.03 exports, under /<lang>/open-data/iati/."""

from django.urls import path

from opendata.iati import views

urlpatterns = [
    path("open-data/iati/activities.xml", views.activities, name="iati_activities"),
    path("open-data/iati/organisations.xml", views.organisations, name="iati_organisations"),
    path(
        "open-data/iati/organisations/<slug:slug>/activities.xml",
        views.organisation_activities,
        name="iati_organisation_activities",
    ),
]
