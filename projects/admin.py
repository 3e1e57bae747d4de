"""Read-mostly admin views: reference data and projects are changed through the services."""

from django.contrib import admin

from projects.models import Call, Goal, Project, ProjectParty, Submission, Target


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Goal)
class GoalAdmin(ReadOnlyAdmin):
    list_display = ["number", "short_title", "colour"]


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin):
    list_display = ["code", "goal", "unofficial_languages"]
    list_filter = ["goal"]
    search_fields = ["code", "title_fr", "title_en"]


class PartyInline(admin.TabularInline):
    model = ProjectParty
    fields = ["organisation", "status", "role", "contribution", "decision_level"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Project)
class ProjectAdmin(ReadOnlyAdmin):
    list_display = ["title", "status", "proposed_by", "created_at"]
    list_filter = ["status"]
    search_fields = ["title_fr", "title_es", "key"]
    inlines = [PartyInline]


@admin.register(Call)
class CallAdmin(ReadOnlyAdmin):
    list_display = ["title", "publisher", "opens_at", "closes_at"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["project", "call", "status", "submitted_at", "decided_at"]
    list_filter = ["status"]
