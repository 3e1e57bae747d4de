"""Organisations and partnerships, as the public directory shows them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from opendata.api.i18n import TranslatedField
from opendata.api.serializers.common import (
    OrganisationRefSerializer,
    ThemeSerializer,
    hidden_label,
    links_field,
)
from partners.models import DecisionLevel, OrganisationKind, PartnershipKind, PartnershipStatus
from partners.visibility import is_publicly_named


class OrganisationCountsSerializer(serializers.Serializer):
    partnerships = serializers.IntegerField(
        source="public_partnership_count", help_text="Public partnerships it is an accepted party to."
    )
    projects = serializers.IntegerField(
        source="public_project_count", help_text="Public projects it is a confirmed party to."
    )


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="Stable key of the organisation (used in its addresses).")
    name = serializers.CharField(help_text="Name of the organisation.")
    kind = serializers.ChoiceField(choices=OrganisationKind.choices, help_text="Kind of organisation.")
    country = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2 country code.")
    locality = serializers.CharField(help_text="Town or locality (may be empty).")
    languages = serializers.ListField(
        child=serializers.CharField(), help_text="Working languages (language codes)."
    )
    themes = ThemeSerializer(source="listed_themes", many=True, help_text="Themes it works on.")
    description = TranslatedField(help_text="Description of the organisation.")
    website = serializers.CharField(help_text="Website address (may be empty).")
    counts = OrganisationCountsSerializer(source="*", help_text="What it takes part in, publicly.")
    created_at = serializers.DateTimeField(help_text="When it was registered.")
    links = links_field("partners:organisation_detail", "organisation-detail", "slug")


class ContributionsSerializer(serializers.Serializer):
    financial = serializers.CharField(source="contribution_financial", help_text="Financial contribution.")
    technical = serializers.CharField(source="contribution_technical", help_text="Technical contribution.")
    human = serializers.CharField(source="contribution_human", help_text="Human contribution.")
    expertise = serializers.CharField(source="contribution_expertise", help_text="Expertise contributed.")


class PartySerializer(serializers.Serializer):
    """A party: in full when its organisation is publicly named, otherwise the neutral label only."""

    named = serializers.SerializerMethodField(help_text="Whether the organisation is publicly named.")
    name = serializers.SerializerMethodField(
        help_text="The organisation's name, or the neutral label of an organisation that has not"
        " made its profile public."
    )
    organisation = serializers.SerializerMethodField(help_text="The organisation (null when not named).")
    role = serializers.SerializerMethodField(help_text="Its role (null when not named).")
    decision_level = serializers.SerializerMethodField(help_text="Its decision level (null when not named).")

    @extend_schema_field(serializers.BooleanField())
    def get_named(self, party) -> bool:
        return is_publicly_named(party.organisation)

    def get_name(self, party) -> str:
        return party.organisation.name if self.get_named(party) else hidden_label()

    @extend_schema_field(OrganisationRefSerializer(allow_null=True))
    def get_organisation(self, party):
        if not self.get_named(party):
            return None
        return OrganisationRefSerializer(party.organisation, context=self.context).data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_role(self, party):
        return party.role if self.get_named(party) else None

    @extend_schema_field(serializers.ChoiceField(choices=DecisionLevel.choices, allow_null=True))
    def get_decision_level(self, party):
        return party.decision_level if self.get_named(party) else None


class PartnershipPartySerializer(PartySerializer):
    financial_share = serializers.SerializerMethodField(
        help_text="Its share of the money, in per cent, as a decimal string (null when not named or not given)."
    )
    contributions = serializers.SerializerMethodField(help_text="What it brings (null when not named).")

    @extend_schema_field(serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True))
    def get_financial_share(self, party):
        if not self.get_named(party) or party.financial_share is None:
            return None
        return f"{party.financial_share:.2f}"

    @extend_schema_field(ContributionsSerializer(allow_null=True))
    def get_contributions(self, party):
        return ContributionsSerializer(party).data if self.get_named(party) else None


class PartnershipSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the partnership.")
    name = serializers.CharField(help_text="Name of the partnership.")
    kind = serializers.ChoiceField(choices=PartnershipKind.choices, help_text="Kind of partnership.")
    status = serializers.ChoiceField(choices=PartnershipStatus.choices, help_text="Where it stands.")
    description = TranslatedField(help_text="Description of the partnership.")
    started_on = serializers.DateField(allow_null=True, help_text="When it started.")
    ended_on = serializers.DateField(allow_null=True, help_text="When it ended.")
    parties = PartnershipPartySerializer(source="accepted_parties", many=True, help_text="Accepted parties.")
    sdg_goals = serializers.SerializerMethodField(help_text="Numbers of the SDG goals its parties share.")
    created_at = serializers.DateTimeField(help_text="When it was created.")
    updated_at = serializers.DateTimeField(help_text="When it was last changed.")
    links = links_field("partners:partnership_detail", "partnership-detail", "key")

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_sdg_goals(self, partnership):
        return [link.goal.number for link in partnership.shared_goals]
