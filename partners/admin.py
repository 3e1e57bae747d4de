from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from partners.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "kind", "country", "locality", "visibility", "verified_at"]
    list_filter = ["kind", "visibility", "country"]
    search_fields = ["name", "locality"]
    prepopulated_fields = {"slug": ["name"]}
