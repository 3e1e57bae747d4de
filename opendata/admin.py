from django.contrib import admin

from opendata.models import PersonalCalendar


@admin.register(PersonalCalendar)
class PersonalCalendarAdmin(admin.ModelAdmin):
    """Who has a personal calendar address, since when; deleting one revokes it (the person
    draws a new one on their page). The secret is never shown."""

    list_display = ["user", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
