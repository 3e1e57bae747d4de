from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from partners.forms.picker import (
    OrganisationChoiceField,
    OrganisationMultipleChoiceField,
    PickerFormMixin,
    preselect_single,
)
from partners.forms.places import PointFormMixin
from partners.models import ROLE_RANK, DecisionLevel, Organisation, Role
from partners.permissions import roles_by_organisation
from partners.visibility import organisations_offered_to
from projects.models import Call, Currency, FundingKind, Goal, Site, Target
from projects.uploads import validate_document

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def organisations_where(user, minimum: str):
    ids = [oid for oid, role in roles_by_organisation(user).items() if ROLE_RANK[role] >= ROLE_RANK[minimum]]
    return Organisation.objects.filter(pk__in=ids).order_by("name")


class ProjectCreateForm(PickerFormMixin, forms.Form):
    proposed_by = forms.ModelChoiceField(
        label=_("Proposed by"),
        queryset=Organisation.objects.none(),
        help_text=_("Recorded for the record only: every party has the same rights on the project."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    starts_on = forms.DateField(label=_("Start"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("End"), required=False, widget=DATE)
    partners = OrganisationMultipleChoiceField(
        label=_("Partner organisations to invite"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_(
            "Search by name, place or country, then tick each one. Each one confirms its participation "
            "and fills in its own role and contribution."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposed_by"].queryset = organisations_offered_to(
            user, organisations_where(user, Role.EDITOR)
        )
        preselect_single(self.fields["proposed_by"])
        self.fields["partners"].queryset = organisations_offered_to(
            user, Organisation.objects.filter(verified_at__isnull=False)
        ).order_by("name")


class ProjectEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    starts_on = forms.DateField(label=_("Start"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("End"), required=False, widget=DATE)
    version = forms.IntegerField(widget=forms.HiddenInput)


class TransitionForm(forms.Form):
    to_status = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)


class InviteForm(PickerFormMixin, forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("Search by name, place or country; accents do not matter."),
    )

    def __init__(self, *args, project, user, **kwargs):
        super().__init__(*args, **kwargs)
        taken = [p.organisation_id for p in project.parties.all() if p.status in ("invited", "confirmed")]
        self.fields["organisation"].queryset = (
            organisations_offered_to(user, Organisation.objects.filter(verified_at__isnull=False))
            .exclude(pk__in=taken)
            .order_by("name")
        )


class PartyForm(forms.Form):
    role = forms.CharField(
        label=_("Role in the project"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What your organisation does in the project, and for which of its activities."),
    )
    contribution = forms.CharField(
        label=_("Contribution"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What your organisation brings: money, work, expertise, premises..."),
    )
    decision_level = forms.ChoiceField(
        label=_("Decision level"),
        choices=DecisionLevel.choices,
        initial=DecisionLevel.CO_DECIDES,
        help_text=_(
            "How your organisation takes part in the project's decisions: informed of them, "
            "consulted before them, or deciding them with the other parties. It records what the "
            "parties agreed and changes no right here: every party has the same rights."
        ),
    )


class PartyEditForm(PartyForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class PartyAnswerForm(PartyForm):
    ANSWERS = [("confirm", _("We take part")), ("decline", _("We decline"))]
    answer = forms.ChoiceField(
        label=_("Your answer"), choices=ANSWERS, widget=forms.RadioSelect, initial="confirm"
    )
    reason = forms.CharField(
        label=_("Reason (if you decline)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].required = False
        self.fields["contribution"].required = False

    def clean(self):
        data = super().clean()
        if data.get("answer") == "confirm":
            for name in ("role", "contribution"):
                if not (data.get(name) or "").strip():
                    self.add_error(name, _("Fill this in to confirm your participation."))
        return data


class SiteForm(PointFormMixin, forms.Form):
    """A site, with its optional point on the map: picked from the gazetteer or typed."""

    country = LazyTypedChoiceField(label=_("Country"), choices=[("", _("Choose a country")), *countries])
    locality = forms.CharField(label=_("Locality"), max_length=120)
    latitude = Site._meta.get_field("latitude").formfield()
    longitude = Site._meta.get_field("longitude").formfield()
    precision = Site._meta.get_field("precision").formfield()
    change = forms.CharField(
        label=_("What changes there"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SDGLinkForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.all())
    targets = forms.ModelMultipleChoiceField(
        label=_("Targets"),
        queryset=Target.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_primary = forms.BooleanField(label=_("This is the project's primary goal"), required=False)
    contribution = forms.CharField(
        label=_("How the project contributes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, goal=None, **kwargs):
        super().__init__(*args, **kwargs)
        goal = goal or self._goal_from_data()
        if goal is not None:
            self.fields["targets"].queryset = goal.targets.order_by("position")
            self.fields["goal"].initial = goal.pk
        self.goal = goal

    def _goal_from_data(self):
        raw = (self.data or {}).get("goal")
        if raw and str(raw).isdigit():
            return Goal.objects.filter(pk=int(raw)).first()
        return None


class FundingForm(forms.Form):
    source = forms.ChoiceField(label=_("Source"))
    funder_name = forms.CharField(
        label=_("Outside funder"),
        required=False,
        max_length=200,
        help_text=_("Only for a source that is not a party (a region, a foundation...)."),
    )
    label = forms.CharField(label=_("What it pays for"), required=False, max_length=200)
    amount = forms.DecimalField(label=_("Amount"), min_value=0, max_digits=12, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices, initial=Currency.EUR)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=FundingKind.choices,
        initial=FundingKind.CASH,
        help_text=_("Cash: money paid. In kind: work, goods or premises, at the value the parties agree."),
    )

    OUTSIDE = "outside"

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.parties = {str(p.organisation.slug): p for p in parties}
        self.fields["source"].choices = [
            *[(slug, str(p.organisation)) for slug, p in self.parties.items()],
            (self.OUTSIDE, pgettext_lazy("funding source", "An outside funder")),
        ]

    def clean(self):
        data = super().clean()
        source = data.get("source")
        if source == self.OUTSIDE:
            if not (data.get("funder_name") or "").strip():
                self.add_error("funder_name", _("Name the outside funder."))
            data["party"] = None
        elif source:
            data["party"] = self.parties.get(source)
            data["funder_name"] = ""
        return data


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, OpenDocument, Word, Excel, PNG, JPEG, text or CSV; 10 MB at most."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_document(upload)
        return upload


class SubmitForm(forms.Form):
    call = forms.ModelChoiceField(label=_("Call for projects"), queryset=Call.objects.none())
    requested_amount = forms.DecimalField(
        label=_("Amount requested from the call"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("In the call's currency (see the call's budget); leave empty if you request none."),
    )

    def __init__(self, *args, calls, open_calls, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = calls
        self.fields["call"].to_field_name = "key"
        # Only open calls are offered; a call that closed meanwhile gets the service's clear refusal.
        self.fields["call"].widget.choices = [
            ("", _("Choose a call")),
            *[(c.key, str(c)) for c in open_calls],
        ]


class DecisionForm(forms.Form):
    DECISIONS = [("select", _("Select the project")), ("decline", _("Do not select it"))]
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CallForm(forms.Form):
    PLATFORM = "platform"

    publisher = forms.ChoiceField(label=_("Published by"))
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    criteria = forms.CharField(label=_("Criteria"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    budget = forms.DecimalField(
        label=_("Budget"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices, initial=Currency.EUR)
    goals = forms.ModelMultipleChoiceField(
        label=_("SDG focus"), queryset=Goal.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    opens_at = forms.DateTimeField(label=_("Opens on"), widget=DATETIME)
    closes_at = forms.DateTimeField(label=_("Closes on"), widget=DATETIME)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, user, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(o.slug, o.name) for o in organisations_where(user, Role.COORDINATOR)]
        if user.is_staff:
            choices.append((self.PLATFORM, _("The platform (Soliris)")))
        self.fields["publisher"].choices = choices
        self.publishers = {o.slug: o for o in organisations_where(user, Role.COORDINATOR)}
        if call is not None:
            del self.fields["publisher"]
        else:
            del self.fields["version"]

    def clean(self):
        data = super().clean()
        if "publisher" in self.fields and data.get("publisher"):
            data["publisher_organisation"] = (
                None if data["publisher"] == self.PLATFORM else self.publishers.get(data["publisher"])
            )
        return data


class PartnershipGoalsForm(forms.Form):
    goals = forms.ModelMultipleChoiceField(
        label=_("Shared sustainable development goals"),
        queryset=Goal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
