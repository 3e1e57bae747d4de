"""Published events with their workshops; recommendations, endorsements and follow-up."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import EventKind, RecommendationStatus
from opendata.api.i18n import LANGUAGE_CODES, TranslatedField
from opendata.api.serializers.common import NamedOrganisationsSerializer, links_field, named_organisations


class WorkshopSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the workshop.")
    title = TranslatedField(help_text="Title of the workshop.")
    description = TranslatedField(help_text="Description.")
    theme = serializers.CharField(
        source="theme.slug", allow_null=True, help_text="Code of its theme, or null."
    )
    facilitators = serializers.CharField(help_text="Who facilitates it.")
    room = serializers.CharField(help_text="Room.")
    starts_at = serializers.DateTimeField(help_text="Start.")
    ends_at = serializers.DateTimeField(help_text="End.")
    capacity = serializers.IntegerField(allow_null=True, help_text="Places (null: no limit).")


class EventSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="Stable key of the event (used in its addresses).")
    kind = serializers.ChoiceField(choices=EventKind.choices, help_text="Kind of event.")
    title = TranslatedField(help_text="Title of the event.")
    description = TranslatedField(help_text="Description.")
    starts_at = serializers.DateTimeField(help_text="Start.")
    ends_at = serializers.DateTimeField(help_text="End.")
    time_zone = serializers.CharField(help_text="The event's time zone (IANA name).")
    place_name = serializers.CharField(help_text="Place (may be empty).")
    address = serializers.CharField(help_text="Address (may be empty).")
    online = serializers.BooleanField(source="is_online", help_text="Whether it takes place online only.")
    languages = serializers.ListField(child=serializers.CharField(), help_text="Languages spoken.")
    interpretation = serializers.ListField(
        child=serializers.CharField(), help_text="Languages interpretation is offered into."
    )
    capacity = serializers.IntegerField(allow_null=True, help_text="Places (null: no limit).")
    registration_deadline = serializers.DateTimeField(allow_null=True, help_text="Registration deadline.")
    cancelled_at = serializers.DateTimeField(allow_null=True, help_text="When it was cancelled, or null.")
    platform_event = serializers.BooleanField(help_text="Whether the platform organises it.")
    organisers = serializers.SerializerMethodField(help_text="Organising organisations.")
    workshops = WorkshopSerializer(many=True, source="listed_workshops", help_text="Its programme.")
    created_at = serializers.DateTimeField(help_text="When it was created.")
    links = links_field("events:event_detail", "event-detail", "slug")

    @extend_schema_field(NamedOrganisationsSerializer)
    def get_organisers(self, event):
        data = named_organisations(event.organisers.all())
        return NamedOrganisationsSerializer(data, context=self.context).data


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the section.")
    title = TranslatedField(help_text="Title of the section.")
    introduction = TranslatedField(help_text="Its introduction.")


class EventRefSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="Key of the event.")
    title = TranslatedField(help_text="Title of the event.")
    links = links_field("events:event_detail", "event-detail", "slug")


class FollowUpNoteSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=RecommendationStatus.choices, help_text="Status it set.")
    text = serializers.CharField(help_text="The note.")
    created_at = serializers.DateTimeField(help_text="When it was written.")


class RecommendationSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the recommendation.")
    event = EventRefSerializer(source="section.event", help_text="The event that gathered it.")
    section = SectionSerializer(help_text="Its section.")
    workshop = serializers.CharField(source="workshop.key", allow_null=True, help_text="Key of its workshop.")
    number = serializers.IntegerField(help_text="Its number in the section.")
    text = TranslatedField(help_text="The recommendation.")
    original_language = serializers.ChoiceField(
        choices=LANGUAGE_CODES, help_text="The language it was written in."
    )
    themes = serializers.SerializerMethodField(help_text="Codes of its themes.")
    sdg_goals = serializers.SerializerMethodField(help_text="Numbers of its SDG goals.")
    status = serializers.ChoiceField(choices=RecommendationStatus.choices, help_text="Follow-up status.")
    status_reason = serializers.CharField(help_text="Why it was set aside (may be empty).")
    endorsements = serializers.SerializerMethodField(
        help_text="Endorsing organisations: the publicly named ones, the others counted."
    )
    follow_up = FollowUpNoteSerializer(many=True, source="notes.all", help_text="Notes on its follow-up.")
    created_at = serializers.DateTimeField(help_text="When it was recorded.")
    links = links_field("events:recommendation_detail", "recommendation-detail", "key")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_themes(self, recommendation):
        return [theme.slug for theme in recommendation.themes.all()]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_sdg_goals(self, recommendation):
        return [goal.number for goal in recommendation.sdg_goals.all()]

    @extend_schema_field(NamedOrganisationsSerializer)
    def get_endorsements(self, recommendation):
        data = named_organisations(e.organisation for e in recommendation.active_endorsements)
        return NamedOrganisationsSerializer(data, context=self.context).data
