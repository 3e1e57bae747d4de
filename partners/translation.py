from modeltranslation.translator import TranslationOptions, register

from partners.models import Organisation, Partnership, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(Partnership)
class PartnershipTranslationOptions(TranslationOptions):
    fields = ("description", "exit_clause")
