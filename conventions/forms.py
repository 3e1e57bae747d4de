from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from conventions import charters
from conventions.models import LANGUAGE_CHOICES, Decision, DocumentKind


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    authentic_languages = forms.MultipleChoiceField(
        label=_("Authentic languages"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages whose texts are equally authentic, e.g. French and Spanish."),
    )
    template = forms.ChoiceField(label=_("Start from"), required=False)
    amends = forms.ChoiceField(
        label=_("Amends"),
        required=False,
        help_text=_(
            "For an addendum: the convention or charter it amends. It starts a new cycle of its own."
        ),
    )

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [("", _("An empty document")), *charters.choices()]
        self.documents = {document.key: document for document in documents}
        self.fields["amends"].choices = [("", "—"), *((d.key, d.title) for d in documents)]

    def clean(self):
        data = super().clean()
        data["amends"] = self.documents.get(data.get("amends") or "")
        if data.get("kind") == DocumentKind.ADDENDUM and data["amends"] is None:
            self.add_error("amends", _("Choose the document this addendum amends."))
        return data


class DocumentSettingsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    authentic_languages = forms.MultipleChoiceField(
        label=_("Authentic languages"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages whose texts are equally authentic, e.g. French and Spanish."),
    )
    # The document's version the form was opened on (``soliris.conflicts``).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ClauseAddForm(forms.Form):
    language = forms.ChoiceField(label=_("Language you write in"), choices=LANGUAGE_CHOICES)
    heading = forms.CharField(label=_("Heading"), max_length=300, required=False)
    body = forms.CharField(label=_("Text of the clause"), widget=forms.Textarea(attrs={"rows": 8}))


class ClauseTextForm(forms.Form):
    heading = forms.CharField(label=_("Heading"), max_length=300, required=False)
    body = forms.CharField(label=_("Text of the clause"), widget=forms.Textarea(attrs={"rows": 10}))
    # The revision of the text the editor was opened on (``soliris.conflicts``).
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    make_original = forms.BooleanField(
        label=_(
            "This is a change of substance: make this text the original and ask the other languages to review"
        ),
        required=False,
    )
    reason = forms.CharField(
        label=_("Why this change?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with your suggestion to the other parties."),
    )


class SuggestOnlyForm(forms.Form):
    """For each party the coordinator decides for: do its editors only suggest changes?"""

    def __init__(self, *args, organisations=(), chosen=(), **kwargs):
        super().__init__(*args, **kwargs)
        for organisation in organisations:
            self.fields[f"party_{organisation.pk}"] = forms.BooleanField(
                label=_("%(party)s suggests changes instead of editing: another party accepts them")
                % {"party": organisation.name},
                required=False,
                initial=organisation.pk in chosen,
            )

    def choices(self) -> dict[int, bool]:
        return {int(name.removeprefix("party_")): value for name, value in self.cleaned_data.items()}


class ThreadForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}))
    mentions = forms.MultipleChoiceField(
        label=_("Mention a party"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["mentions"].choices = [(str(o.pk), o.name) for o in organisations]

    def mentioned(self):
        return [self.organisations[pk] for pk in self.cleaned_data.get("mentions", [])]


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 3}))


class ProposeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why this version? What changed?"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=pgettext_lazy("approval form", "Your party's decision"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you ask for changes: say which."),
    )


class SignForm(forms.Form):
    function = forms.CharField(
        label=_("Your function"),
        max_length=200,
        required=False,
        help_text=_(
            "Filled in from your membership of the organisation you sign for; it is shown with "
            "your signature."
        ),
    )
    consent = forms.BooleanField(
        label=_("I have read this version and I sign it for my organisation, with its explicit consent."),
    )
    password = forms.CharField(
        label=_("Your password, to confirm it is you"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
    )
    code = forms.CharField(
        label=_("The current code of your authenticator app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, second_factor: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not second_factor:  # only an account with an authenticator app has a code to type
            del self.fields["code"]


PACKET_MAX_BYTES = 5 * 1024 * 1024


class PacketForm(forms.Form):
    packet = forms.FileField(
        label=_("The annotated packet (.odt)"),
        help_text=_(
            "The OpenDocument text downloaded from this page, with your comments or changes, saved "
            "as .odt by LibreOffice, Collabora or Word; 5 MB at most."
        ),
    )

    def clean_packet(self):
        packet = self.cleaned_data["packet"]
        if packet.size > PACKET_MAX_BYTES:
            raise forms.ValidationError(_("This file is larger than 5 MB."))
        return packet
