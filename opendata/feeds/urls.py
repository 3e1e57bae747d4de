"""Atom and iCalendar feeds, under /<lang>/open-data/feeds/."""

urlpatterns = []
