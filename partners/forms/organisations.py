"""The forms of an organisation and of its members."""

import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from partners.forms.common import working_language_choices
from partners.forms.places import PointFormMixin
from partners.models import (
    Membership,
    Organisation,
    Role,
    Theme,
    Visibility,
)

LOGO_MAX_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


class OrganisationForm(PointFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=working_language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG, WebP or GIF image, 1 MB at most."),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "country",
            "locality",
            "latitude",
            "longitude",
            "precision",
            "languages",
            "themes",
            "description_fr",
            "description_nl",
            "description_en",
            "description_es",
            "website",
            "email",
            "phone",
            "logo",
            "visibility",
        ]
        labels = {
            "description_fr": _("Description in French"),
            "description_nl": _("Description in Dutch"),
            "description_en": _("Description in English"),
            "description_es": _("Description in Spanish"),
        }
        help_texts = {
            "visibility": _(
                "Public organisations appear in the directory once the platform has verified them."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visibility"].initial = Visibility.PUBLIC
        if self.instance.pk is None:
            del self.fields["version"]  # a new organisation has no version yet
        else:
            self.fields["version"].required = True
        for name in ("description_fr", "description_nl", "description_en", "description_es"):
            self.fields[name].widget.attrs.update(rows=4, lang=name.rsplit("_", 1)[1])

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or logo is True or not hasattr(logo, "size"):
            return logo
        if logo.size > LOGO_MAX_BYTES:
            raise ValidationError(_("The logo is too large: 1 MB at most."))
        image = getattr(logo, "image", None)
        if image is not None and image.format not in LOGO_FORMATS:
            raise ValidationError(_("Send a PNG, JPEG, WebP or GIF image."))
        return logo


class MemberInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.EDITOR)
    function = forms.CharField(label=_("Function"), max_length=120, required=False)
    language = forms.ChoiceField(label=_("Language of the invitation email"), choices=settings.LANGUAGES)


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


class MembershipForm(forms.ModelForm):
    """A person's membership: what the person or a coordinator may change (not the role)."""

    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=working_language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Membership
        fields = ["function", "languages", "time_zone", "communication_preferences", "may_sign"]
        widgets = {"communication_preferences": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "communication_preferences": _(
                "For example: email rather than phone, best hours, messaging apps."
            ),
            "may_sign": _("Only a coordinator may change this."),
        }

    def __init__(self, *args, may_set_signature=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_set_signature:
            self.fields["may_sign"].disabled = True


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
