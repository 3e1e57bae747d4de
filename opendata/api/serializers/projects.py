"""Projects with their parties, sites, SDG links and funding; calls and their laureates; SDGs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from opendata.api.i18n import TranslatedField
from opendata.api.links import links
from opendata.api.serializers.common import hidden_label, links_field
from opendata.api.serializers.partners import PartySerializer
from partners.visibility import is_publicly_named
from projects.models import Currency, FundingKind, ProjectStatus


class TargetSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The target's UN code, such as 6.1 or 6.a.")
    title = TranslatedField(help_text="The target's text.")
    unofficial_languages = serializers.ListField(
        child=serializers.CharField(),
        help_text="Languages in which the text is the platform's own translation, not the UN's.",
    )


class GoalSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="The goal's number, 1 to 17 (its stable key).")
    colour = serializers.CharField(help_text="The goal's colour, #rrggbb.")
    short_title = TranslatedField(help_text="The goal's short title.")
    title = TranslatedField(help_text="The goal's title.")
    targets = TargetSerializer(source="listed_targets", many=True, help_text="The goal's targets.")
    links = links_field("projects:goal_detail", "goal-detail", "number")


class SiteSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the site.")
    country = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2 country code.")
    locality = serializers.CharField(help_text="The place.")
    change = serializers.CharField(help_text="What changes there.")


class SDGLinkSerializer(serializers.Serializer):
    goal = serializers.IntegerField(source="goal.number", help_text="Number of the goal.")
    short_title = TranslatedField("short_title", source="goal", help_text="The goal's short title.")
    is_primary = serializers.BooleanField(help_text="Whether it is the project's primary goal.")
    targets = serializers.SerializerMethodField(help_text="Codes of the targets it contributes to.")
    contribution = serializers.CharField(help_text="How the project contributes.")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_targets(self, link):
        return [target.code for target in link.targets.all()]


class FundingLineSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the funding line.")
    source = serializers.SerializerMethodField(
        help_text="Who puts it in: a party (its name, or the neutral label) or an outside funder."
    )
    from_party = serializers.SerializerMethodField(help_text="Whether a party puts it in.")
    label = serializers.SerializerMethodField(
        help_text="What it pays for (empty for a party that is not publicly named: it would describe"
        " its contribution)."
    )
    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, help_text="Amount, as a decimal string."
    )
    currency = serializers.ChoiceField(choices=Currency.choices, help_text="ISO 4217 currency code.")
    kind = serializers.ChoiceField(choices=FundingKind.choices, help_text="Cash or in kind.")

    def get_from_party(self, line) -> bool:
        return line.party_id is not None

    def get_label(self, line) -> str:
        if line.party_id is not None and not is_publicly_named(line.party.organisation):
            return ""
        return line.label

    def get_source(self, line) -> str:
        if line.party_id is None:
            return line.funder_name
        organisation = line.party.organisation
        return organisation.name if is_publicly_named(organisation) else hidden_label()


class ProjectPartySerializer(PartySerializer):
    contribution = serializers.SerializerMethodField(help_text="What it brings (null when not named).")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_contribution(self, party):
        return party.contribution if self.get_named(party) else None


class ProjectSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the project.")
    title = TranslatedField(help_text="Title of the project.")
    summary = TranslatedField(help_text="Summary.")
    description = TranslatedField(help_text="Description.")
    status = serializers.ChoiceField(choices=ProjectStatus.choices, help_text="Where the project stands.")
    starts_on = serializers.DateField(allow_null=True, help_text="Start.")
    ends_on = serializers.DateField(allow_null=True, help_text="End.")
    partnership = serializers.SerializerMethodField(
        help_text="Key of the public partnership it belongs to (null when none is public)."
    )
    parties = ProjectPartySerializer(source="confirmed_parties", many=True, help_text="Confirmed parties.")
    sites = SiteSerializer(many=True, source="listed_sites", help_text="Where it has effects.")
    sdg_links = SDGLinkSerializer(many=True, source="listed_sdg_links", help_text="SDG goals, primary first.")
    funding_lines = FundingLineSerializer(many=True, source="listed_funding", help_text="What is put in.")
    created_at = serializers.DateTimeField(help_text="When it was created.")
    updated_at = serializers.DateTimeField(help_text="When it was last changed.")
    links = links_field("projects:project_detail", "project-detail", "key")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_partnership(self, project):
        partnership = project.partnership
        return partnership.key if partnership is not None and partnership.is_listed else None


class LaureateSerializer(serializers.Serializer):
    key = serializers.CharField(source="project.key", help_text="Key of the selected project.")
    title = TranslatedField("title", source="project", help_text="Its title.")
    links = serializers.SerializerMethodField(help_text="Links to the project.")

    @extend_schema_field(serializers.DictField(child=serializers.URLField()))
    def get_links(self, submission):
        return links(self.context, "projects:project_detail", "project-detail", submission.project.key)


class CallSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the call.")
    title = TranslatedField(help_text="Title of the call.")
    description = TranslatedField(help_text="Description.")
    criteria = TranslatedField(help_text="Criteria.")
    publisher = serializers.SerializerMethodField(
        help_text="Who publishes it: the organisation's name (or the neutral label), or Soliris."
    )
    publisher_organisation = serializers.SerializerMethodField(
        help_text="Slug of the publishing organisation when it is publicly named, else null."
    )
    budget = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True, help_text="Budget, as a decimal string."
    )
    currency = serializers.ChoiceField(choices=Currency.choices, help_text="ISO 4217 currency code.")
    goals = serializers.SerializerMethodField(help_text="Numbers of the SDG goals it focuses on.")
    opens_at = serializers.DateTimeField(help_text="When it opens.")
    closes_at = serializers.DateTimeField(help_text="When it closes.")
    is_open = serializers.SerializerMethodField(help_text="Whether it is open to answers now.")
    laureates = LaureateSerializer(
        many=True, source="listed_laureates", help_text="Selected public projects."
    )
    created_at = serializers.DateTimeField(help_text="When it was created.")
    links = links_field("projects:call_detail", "call-detail", "key")

    def get_publisher(self, call) -> str:
        if call.publisher_id is None:
            return "Soliris"
        return call.publisher.name if is_publicly_named(call.publisher) else hidden_label()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_publisher_organisation(self, call):
        if call.publisher_id is None or not is_publicly_named(call.publisher):
            return None
        return call.publisher.slug

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_goals(self, call):
        return [goal.number for goal in call.goals.all()]

    def get_is_open(self, call) -> bool:
        return call.is_open()
