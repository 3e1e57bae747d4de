"""Admin: documents are inspected, never rewritten here; versions are read-only."""

from django.contrib import admin

from conventions.models import Approval, Document, Signature, Version


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "status", "partnership", "project", "updated_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "key"]


@admin.register(Version)
class VersionAdmin(ReadOnlyAdmin):
    list_display = ["document", "number", "status", "proposed_by_name", "proposed_at", "signed_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in Version._meta.fields]


@admin.register(Approval)
class ApprovalAdmin(ReadOnlyAdmin):
    list_display = ["version", "organisation", "decision", "decided_at"]


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdmin):
    list_display = ["version", "organisation_name", "signer_name", "signed_at"]
