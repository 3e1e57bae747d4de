"""What the forms of every sub-domain share."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def working_language_choices():
    return list(settings.LANGUAGES) + [
        ("de", _("German")),
        ("pt", _("Portuguese")),
        ("ar", _("Arabic")),
    ]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
