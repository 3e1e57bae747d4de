from modeltranslation.translator import TranslationOptions, register

from projects.models import Call, Goal, Project, Target


@register(Goal)
class GoalTranslationOptions(TranslationOptions):
    fields = ("short_title", "title")


@register(Target)
class TargetTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")


@register(Call)
class CallTranslationOptions(TranslationOptions):
    fields = ("title", "description", "criteria")
