from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/annual-report/", views.annual_report, name="annual_report"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/edit/", views.event_edit, name="event_edit"),
    path("events/<slug:slug>/cancel-event/", views.event_cancel, name="event_cancel"),
    path("events/<slug:slug>/calendar.ics", views.event_calendar, name="event_calendar"),
    path("events/<slug:slug>/register/", views.event_register, name="event_register"),
    path("events/<slug:slug>/cancel/", views.registration_cancel, name="registration_cancel"),
    path("events/<slug:slug>/attendees/", views.attendee_list, name="attendee_list"),
    path("events/<slug:slug>/attendees.csv", views.attendee_csv, name="attendee_csv"),
    path("events/<slug:slug>/workshops/new/", views.workshop_create, name="workshop_create"),
    path("events/<slug:slug>/workshops/<key:key>/edit/", views.workshop_edit, name="workshop_edit"),
    path("events/<slug:slug>/workshops/<key:key>/join/", views.workshop_join, name="workshop_join"),
    path("events/<slug:slug>/workshops/<key:key>/leave/", views.workshop_leave, name="workshop_leave"),
    path("events/<slug:slug>/recommendations/", views.event_recommendations, name="event_recommendations"),
    path("events/<slug:slug>/recommendations/sections/new/", views.section_create, name="section_create"),
    path(
        "events/<slug:slug>/recommendations/new/", views.recommendation_create, name="recommendation_create"
    ),
    path("events/<slug:slug>/booklet/", views.booklet_request, name="booklet_request"),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path("recommendations/<key:key>/", views.recommendation_detail, name="recommendation_detail"),
    path("recommendations/<key:key>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<key:key>/endorse/", views.recommendation_endorse, name="recommendation_endorse"),
    path(
        "recommendations/<key:key>/withdraw/", views.recommendation_withdraw, name="recommendation_withdraw"
    ),
    path(
        "recommendations/<key:key>/follow-up/",
        views.recommendation_follow_up,
        name="recommendation_follow_up",
    ),
]
