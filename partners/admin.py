from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from partners.models import Organisation, Theme
from partners.services import refresh_organisation_search_text


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "kind", "country", "locality", "visibility", "verified_at"]
    list_filter = ["kind", "visibility", "country"]
    search_fields = ["name", "locality"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Keep the search text and the directory flags of its partnerships current.
        refresh_organisation_search_text(form.instance)


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    ordering = ["position", "slug"]
