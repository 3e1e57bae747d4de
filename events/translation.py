from modeltranslation.translator import TranslationOptions, register

from events.models import Event, Recommendation, RecommendationSection, Workshop


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(RecommendationSection)
class RecommendationSectionTranslationOptions(TranslationOptions):
    fields = ("title", "introduction")


@register(Recommendation)
class RecommendationTranslationOptions(TranslationOptions):
    fields = ("text",)
