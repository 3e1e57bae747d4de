"""Atom and iCalendar feeds, under /<lang>/open-data/feeds/."""

from django.urls import path

from opendata.feeds import feeds, views

urlpatterns = [
    path("open-data/feeds/events.atom", feeds.EventsFeed(), name="feed_events"),
    path("open-data/feeds/calls.atom", feeds.CallsFeed(), name="feed_calls"),
    path("open-data/feeds/recommendations.atom", feeds.RecommendationsFeed(), name="feed_recommendations"),
    path("open-data/feeds/events.ics", views.calendar_events, name="calendar_events"),
    path("open-data/feeds/my/<str:token>.ics", views.personal_calendar, name="personal_calendar"),
    path("open-data/my-calendar/", views.my_calendar, name="my_calendar"),
]
