from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from events.models import Event, Recommendation, RecommendationSection, Registration, Workshop


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "kind", "starts_at", "platform_event", "capacity"]
    list_filter = ["kind", "platform_event"]
    search_fields = ["title", "slug"]
    filter_horizontal = ["organisers"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Workshop)
class WorkshopAdmin(TranslationAdmin):
    list_display = ["title", "event", "starts_at", "room", "capacity"]
    list_select_related = ["event"]


@admin.register(RecommendationSection)
class RecommendationSectionAdmin(TranslationAdmin):
    list_display = ["title", "event", "position"]
    list_select_related = ["event"]


@admin.register(Recommendation)
class RecommendationAdmin(TranslationAdmin):
    list_display = ["number", "section", "status", "original_language"]
    list_filter = ["status", "original_language"]
    list_select_related = ["section"]
    readonly_fields = ["search_document"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "status", "language", "created_at"]
    list_filter = ["status"]
    list_select_related = ["user", "event"]

    def has_delete_permission(self, request, obj=None):
        return False
