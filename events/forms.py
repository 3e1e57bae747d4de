import zoneinfo

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventKind, RecommendationStatus, published_q
from partners.forms.picker import preselect_single
from partners.models import Organisation, Theme
from partners.visibility import organisations_offered_to
from projects.models import Goal
from soliris.i18n import language_name

LANGUAGE_CHOICES = settings.LANGUAGES
LANGUAGE_NAMES = dict(settings.LANGUAGES)
TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


def _label_in(label, code: str):
    """ "Title (Spanish)" in the page's language, built when the form is shown."""
    return lazy(lambda: f"{label} ({language_name(code)})", str)()


def translated_fields(name: str, label, widget=None, required_language=None):
    """One form field per language: name_fr, name_nl, name_en, name_es."""
    fields = {}
    for code, _language in settings.LANGUAGES:
        fields[f"{name}_{code}"] = forms.CharField(
            # lazy: an f-string here would freeze the label in the language active at import
            label=_label_in(label, code),
            required=code == required_language,
            # Each language's text marked as such: spell-checkers and screen readers read it so.
            widget=(widget or forms.TextInput)(attrs={"lang": code}),
            max_length=None if widget else 200,
        )
    return fields


class LocalDateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _in_zone(value, tz):
    """A wall-clock time typed for the event's time zone (the form parsed it in the current one)."""
    if value is None:
        return None
    naive = timezone.make_naive(value) if timezone.is_aware(value) else value
    return naive.replace(tzinfo=tz)


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(tz, tz) for tz in TIME_ZONES], initial="Europe/Brussels"
    )
    place_name = forms.CharField(label=_("Place"), required=False, max_length=200)
    address = forms.CharField(label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    online_url = forms.URLField(
        label=_("Online meeting link"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown to registered people only."),
    )
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organising organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    platform_event = forms.BooleanField(label=_("Organised by the platform"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation offered into"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("Capacity"), required=False, min_value=1, help_text=_("Empty: no limit.")
    )
    registration_deadline = LocalDateTimeField(label=_("Registration deadline"), required=False)
    previous_edition = forms.ModelChoiceField(
        label=_("Previous edition"),
        queryset=Event.objects.none(),
        required=False,
        to_field_name="slug",
        help_text=_("Its recommendations and their follow-up are shown with this event."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, organiser_ids, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        new_fields = {}
        new_fields.update(translated_fields("title", _("Title")))
        new_fields.update(translated_fields("description", _("Description"), widget=forms.Textarea))
        self.fields = {**new_fields, **self.fields}
        self.fields["organisers"].queryset = organisations_offered_to(
            user, Organisation.objects.filter(pk__in=organiser_ids)
        ).order_by("name")
        if event is None:
            preselect_single(self.fields["organisers"])
        if not user.is_staff:
            del self.fields["platform_event"]
        # Published events, and the user's own (not yet published ones are nobody else's to see).
        own = Event.objects.filter(organisers__in=list(organiser_ids)).values("pk")
        previous = Event.objects.filter(published_q() | Q(pk__in=own)).order_by("-starts_at")
        if event is not None:
            previous = previous.exclude(pk=event.pk)
            self._initial_from(event)
        self.fields["previous_edition"].queryset = previous
        self.fields["previous_edition"].label_from_instance = lambda e: f"{e} ({e.starts_at:%Y})"

    def _initial_from(self, event):
        tz = event.tz
        for code in LANGUAGE_NAMES:
            self.initial[f"title_{code}"] = getattr(event, f"title_{code}")
            self.initial[f"description_{code}"] = getattr(event, f"description_{code}")
        for name in (
            "kind",
            "time_zone",
            "place_name",
            "address",
            "online_url",
            "platform_event",
            "capacity",
        ):
            self.initial[name] = getattr(event, name)
        self.initial["languages"] = event.languages
        self.initial["interpretation"] = event.interpretation
        self.initial["organisers"] = [org.pk for org in event.organisers.all()]
        self.initial["previous_edition"] = event.previous_edition.slug if event.previous_edition else None
        for name in ("starts_at", "ends_at", "registration_deadline"):
            value = getattr(event, name)
            self.initial[name] = value.astimezone(tz).replace(tzinfo=None) if value else None
        self.initial["version"] = event.version

    def clean(self):
        data = super().clean()
        if not any(data.get(f"title_{code}") for code in LANGUAGE_NAMES):
            self.add_error("title_fr", _("Give the event a title in at least one language."))
        tz = zoneinfo.ZoneInfo(data.get("time_zone") or "Europe/Brussels")
        for name in ("starts_at", "ends_at", "registration_deadline"):
            if data.get(name):
                data[name] = _in_zone(data[name], tz)
        # The same rule as the constraint, said here too so that it shows with the others.
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("The end comes before the start."))
        if not data.get("address") and not data.get("online_url"):
            self.add_error("address", _("Give an address, an online meeting link, or both."))
        return data

    def event_data(self) -> dict:
        data = self.cleaned_data
        names = [f"{field}_{code}" for field in ("title", "description") for code in LANGUAGE_NAMES]
        names += ["kind", "starts_at", "ends_at", "time_zone", "place_name", "address", "online_url"]
        names += ["languages", "interpretation", "capacity", "registration_deadline", "previous_edition"]
        return {
            name: data.get(name)
            if name not in ("languages", "interpretation")
            else list(data.get(name) or [])
            for name in names
        }


class WorkshopForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.all(), required=False, to_field_name="slug"
    )
    facilitators = forms.CharField(label=_("Facilitators"), required=False, max_length=300)
    room = forms.CharField(label=_("Room"), required=False, max_length=120)
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    capacity = forms.IntegerField(
        label=_("Capacity"), required=False, min_value=1, help_text=_("Empty: no limit.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, event, workshop=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        new_fields = {}
        new_fields.update(translated_fields("title", _("Title")))
        new_fields.update(translated_fields("description", _("Description"), widget=forms.Textarea))
        self.fields = {**new_fields, **self.fields}
        if workshop is not None:
            for code in LANGUAGE_NAMES:
                self.initial[f"title_{code}"] = getattr(workshop, f"title_{code}")
                self.initial[f"description_{code}"] = getattr(workshop, f"description_{code}")
            self.initial.update(
                theme=workshop.theme.slug if workshop.theme else None,
                facilitators=workshop.facilitators,
                room=workshop.room,
                capacity=workshop.capacity,
                version=workshop.version,
                starts_at=workshop.starts_at.astimezone(event.tz).replace(tzinfo=None),
                ends_at=workshop.ends_at.astimezone(event.tz).replace(tzinfo=None),
            )
        else:
            start = event.starts_at.astimezone(event.tz).replace(tzinfo=None)
            self.initial.setdefault("starts_at", start)

    def clean(self):
        data = super().clean()
        if not any(data.get(f"title_{code}") for code in LANGUAGE_NAMES):
            self.add_error("title_fr", _("Give the workshop a title in at least one language."))
        for name in ("starts_at", "ends_at"):
            if data.get(name):
                data[name] = _in_zone(data[name], self.event.tz)
        # The same rule as the constraint, said here too so that it shows with the others.
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must come after the start."))
        return data

    def workshop_data(self) -> dict:
        names = [f"{field}_{code}" for field in ("title", "description") for code in LANGUAGE_NAMES]
        names += ["theme", "facilitators", "room", "starts_at", "ends_at", "capacity"]
        return {name: self.cleaned_data.get(name) for name in names}


class RegistrationForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of your emails"),
        choices=LANGUAGE_CHOICES,
        help_text=_("We write to you in this language."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Step-free access, sign language, large print, a quiet room... Tell us what helps."),
    )
    interpretation_needs = forms.MultipleChoiceField(
        label=_("I need interpretation into"),
        required=False,
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )


class SectionForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(translated_fields("title", _("Title")))
        self.fields.update(translated_fields("introduction", _("Introduction"), widget=forms.Textarea))

    def clean(self):
        data = super().clean()
        if not any(data.get(f"title_{code}") for code in LANGUAGE_NAMES):
            self.add_error("title_fr", _("Give the section a title in at least one language."))
        return data


class RecommendationForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Section"), queryset=None, to_field_name="key")
    workshop = forms.ModelChoiceField(
        label=_("Gathered in the workshop"), queryset=None, required=False, to_field_name="key"
    )
    original_language = forms.ChoiceField(label=_("Original language"), choices=LANGUAGE_CHOICES)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    sdg_goals = forms.ModelMultipleChoiceField(
        label=_("Sustainable development goals"),
        queryset=Goal.objects.order_by("number"),
        to_field_name="number",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, event, recommendation=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = translated_fields("text", _("Recommendation"), widget=forms.Textarea)
        self.fields = {**fields, **self.fields}
        sections = event.recommendation_sections.all()
        self.fields["section"].queryset = sections
        self.fields["section"].empty_label = None
        last = sections.order_by("-position", "-id").first()
        if last is not None:
            self.initial.setdefault("section", last.key)
        self.fields["workshop"].queryset = event.workshops.all()
        if recommendation is not None:
            del self.fields["section"]
            for code in LANGUAGE_NAMES:
                self.initial[f"text_{code}"] = getattr(recommendation, f"text_{code}")
            self.initial.update(
                workshop=recommendation.workshop.key if recommendation.workshop else None,
                original_language=recommendation.original_language,
                themes=list(recommendation.themes.all()),
                sdg_goals=list(recommendation.sdg_goals.all()),
                version=recommendation.version,
            )

    def clean(self):
        data = super().clean()
        original = data.get("original_language")
        if original and not data.get(f"text_{original}"):
            self.add_error(f"text_{original}", _("Write the recommendation in its original language."))
        return data

    def recommendation_data(self) -> dict:
        data = {f"text_{code}": self.cleaned_data.get(f"text_{code}") or None for code in LANGUAGE_NAMES}
        data["original_language"] = self.cleaned_data["original_language"]
        data["workshop"] = self.cleaned_data.get("workshop")
        return data


class EndorseForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=None, to_field_name="slug")

    def __init__(self, *args, user, organisation_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_offered_to(
            user, Organisation.objects.filter(pk__in=organisation_ids)
        ).order_by("name")
        preselect_single(self.fields["organisation"])


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Follow-up status"), choices=RecommendationStatus.choices)
    text = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happened, with whom. Required when the recommendation is set aside."),
    )
    follow_up_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BookletForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the booklet"), choices=LANGUAGE_CHOICES)


class AnnualReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000)
    language = forms.ChoiceField(label=_("Language of the report"), choices=LANGUAGE_CHOICES)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.now().year:
            raise forms.ValidationError(_("The year has not begun yet."))
        return year
