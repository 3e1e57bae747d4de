"""The forms of a check-in round."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from partners.forms.common import DateInput
from partners.models import (
    CHECKIN_DIMENSIONS,
)


class CheckInOpenForm(forms.Form):
    due_on = forms.DateField(label=_("Answers due by"), required=False, widget=DateInput())


SCORE_CHOICES = [(i, str(i)) for i in range(1, 6)]


class CheckInAnswerForm(forms.Form):
    where_we_stand = forms.CharField(
        label=_("Where we stand"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    change_wanted = forms.CharField(
        label=_("The change we want"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scores = {
            name: forms.TypedChoiceField(
                label=label,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=_("1: not at all — 5: fully"),
            )
            for name, label in CHECKIN_DIMENSIONS
        }
        self.fields = {**scores, **self.fields}
