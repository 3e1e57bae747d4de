"""The form of a party's narrative of the partnership's year."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from partners.models import NARRATIVE_MAX_LENGTH


class NarrativeForm(forms.Form):
    text = forms.CharField(
        label=_("Our narrative"),
        max_length=NARRATIVE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "A few paragraphs on the partnership's year as your organisation lived it. The annual "
            "report prints it beside the other parties' narratives, in the language you write it in."
        ),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    # The version the form was opened on (0: no narrative yet), checked when saving.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
