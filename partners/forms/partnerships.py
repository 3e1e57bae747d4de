"""The forms of a partnership and of its parties."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from partners.forms.common import DateInput
from partners.forms.picker import OrganisationChoiceField, PickerFormMixin, preselect_single
from partners.models import (
    DecisionLevel,
    Organisation,
    Partnership,
    PartnershipParty,
    PartnershipStatus,
)
from partners.visibility import organisations_offered_to

DESCRIPTIONS = ("description_fr", "description_nl", "description_en", "description_es")


class PartnershipCreateForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=Organisation.objects.none())

    class Meta:
        model = Partnership
        # Each language's column by name: the bare field would write the interface language's.
        fields = ["name", "kind", *DESCRIPTIONS, "started_on", "visibility"]
        labels = {
            "description_fr": _("Description in French"),
            "description_nl": _("Description in Dutch"),
            "description_en": _("Description in English"),
            "description_es": _("Description in Spanish"),
        }
        widgets = {
            "started_on": DateInput(),
            **{
                name: forms.Textarea(attrs={"rows": 4, "lang": name.rsplit("_", 1)[1]})
                for name in DESCRIPTIONS
            },
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        preselect_single(self.fields["organisation"])
        self.order_fields(["organisation", "name", "kind", *DESCRIPTIONS, "started_on", "visibility"])


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
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3
            if name.rsplit("_", 1)[-1] in dict(settings.LANGUAGES):  # one language's text
                field.widget.attrs["lang"] = name.rsplit("_", 1)[1]

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


class PartyInviteForm(PickerFormMixin, forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Organisation to invite"),
        queryset=Organisation.objects.none(),
        help_text=_("Search by name, place or country; accents do not matter."),
    )

    def __init__(self, *args, partnership=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        taken = partnership.parties.filter(status__in=["accepted", "invited"]).values("organisation_id")
        # Only organisations the inviting person may know of: never a hidden one.
        self.fields["organisation"].queryset = organisations_offered_to(
            user, Organisation.objects.filter(verified_at__isnull=False).exclude(pk__in=taken)
        ).order_by("name")


DECISION_LEVEL_HELP = _(
    "How your organisation takes part in the partnership's decisions: informed of them, consulted "
    "before them, or deciding them with the other parties. It records what the parties agreed and "
    "changes no right here: every accepted party has the same rights."
)
CONTRIBUTION_HELP = {
    "contribution_financial": _("Money your organisation puts in: how much, for what, and for how long."),
    "contribution_technical": _("Equipment, premises, tools or services your organisation provides."),
    "contribution_human": _("People and time: who takes part, and roughly how many days."),
    "contribution_expertise": _("Know-how your organisation shares: training, advice, methods."),
}


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
        self.fields["financial_share"].label = _("Share of the partnership's budget (%)")
        self.fields["financial_share"].help_text = _(
            "The part of the partnership's total budget that your organisation pays, in percent "
            "(40 for 40 %). The shares of the accepted parties together may not exceed 100 %."
        )
        self.fields["decision_level"].help_text = DECISION_LEVEL_HELP
        for name, text in CONTRIBUTION_HELP.items():
            self.fields[name].help_text = text
