from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partners.models import (
    CHECKIN_DIMENSIONS,
    DecisionLevel,
    Exchange,
    ExchangeFormat,
    Membership,
    Organisation,
    Partnership,
    PartnershipParty,
    PartnershipStatus,
    Role,
    Theme,
    TravelMode,
    Visibility,
)

LOGO_MAX_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
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


class OrganisationForm(forms.ModelForm):
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
        for name in ("description_fr", "description_nl", "description_en", "description_es"):
            self.fields[name].widget.attrs["rows"] = 4

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
    import zoneinfo

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


class PartnershipCreateForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )

    class Meta:
        model = Partnership
        fields = ["name", "kind", "description", "started_on", "visibility"]
        widgets = {"started_on": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        self.order_fields(["organisation", "name", "kind", "description", "started_on", "visibility"])


class PartnershipEditForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Partnership
        fields = [
            "name",
            "kind",
            "description_fr",
            "description_nl",
            "description_en",
            "description_es",
            "started_on",
            "ended_on",
            "exit_clause_fr",
            "exit_clause_nl",
            "exit_clause_en",
            "exit_clause_es",
            "visibility",
        ]
        labels = {
            "description_fr": _("Description in French"),
            "description_nl": _("Description in Dutch"),
            "description_en": _("Description in English"),
            "description_es": _("Description in Spanish"),
            "exit_clause_fr": _("Exit clause in French"),
            "exit_clause_nl": _("Exit clause in Dutch"),
            "exit_clause_en": _("Exit clause in English"),
            "exit_clause_es": _("Exit clause in Spanish"),
        }
        widgets = {"started_on": DateInput(), "ended_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for _name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3

    def clean(self):
        data = super().clean()
        start, end = data.get("started_on"), data.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", _("The end comes after the start."))
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=PartnershipStatus.choices)
    reason = forms.CharField(
        label=_("Reason for ending"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required to end the partnership: it stays in its history."),
    )
    ended_on = forms.DateField(label=_("End"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("status") == PartnershipStatus.ENDED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the partnership ends: it stays in its history."))
        return data


class PartyInviteForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation to invite"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        taken = partnership.parties.filter(status__in=["accepted", "invited"]).values("organisation_id")
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(verified_at__isnull=False)
            .exclude(visibility=Visibility.PRIVATE)
            .exclude(pk__in=taken)
            .order_by("name")
        )
        self.fields["organisation"].label_from_instance = lambda o: (
            f"{o.name} ({o.locality}, {o.country.name})" if o.locality else f"{o.name} ({o.country.name})"
        )


class PartyForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PartnershipParty
        fields = [
            "role",
            "contribution_financial",
            "contribution_technical",
            "contribution_human",
            "contribution_expertise",
            "expectations",
            "decision_level",
            "financial_share",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "role",
                "contribution_financial",
                "contribution_technical",
                "contribution_human",
                "contribution_expertise",
                "expectations",
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_level"].choices = DecisionLevel.choices


class ExchangeForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=working_language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Exchange
        fields = [
            "title",
            "kind",
            "date",
            "format",
            "travellers_from",
            "host",
            "participants",
            "languages",
            "interpretation",
            "outcome",
        ]
        widgets = {"date": DateInput(), "outcome": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("travellers_from", "host"):
            self.fields[name].queryset = (
                organisations if organisations is not None else Organisation.objects.none()
            )
            self.fields[name].empty_label = pgettext_lazy("no party", "—")

    def clean(self):
        data = super().clean()
        if data.get("format") == ExchangeFormat.IN_PERSON:
            src, dst = data.get("travellers_from"), data.get("host")
            if src and dst and src == dst:
                self.add_error("host", _("The visitors and the hosts are different parties."))
        return data


class ExchangeEditForm(ExchangeForm):
    """The same form, with the version it was opened on (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class LegForm(forms.Form):
    origin = forms.CharField(label=_("From"), max_length=120)
    destination = forms.CharField(label=_("To"), max_length=120)
    mode = forms.ChoiceField(label=_("Mode"), choices=TravelMode.choices)
    distance_km = forms.IntegerField(label=_("Distance (km)"), min_value=1, max_value=40000)
    travellers = forms.IntegerField(label=_("Travellers"), min_value=1, max_value=500, initial=1)
    round_trip = forms.BooleanField(label=_("Round trip"), required=False, initial=True)

    def has_changed(self):
        """A leg left blank (no place, no distance) is no leg at all."""
        return any(
            (self.data.get(self.add_prefix(name)) or "").strip()
            for name in ("origin", "destination", "distance_km")
        )


LegFormSet = forms.formset_factory(LegForm, extra=2, max_num=10)


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
