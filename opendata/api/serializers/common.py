"""Pieces every serializer shares: links, an organisation as the public may see it, themes."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from opendata.api.i18n import TranslatedField
from opendata.api.links import links
from partners.visibility import HIDDEN_NAME, is_publicly_named


class LinksSerializer(serializers.Serializer):
    html = serializers.URLField(help_text="The object's public page on the site (absolute).")
    api = serializers.URLField(help_text="The object's detail in this API (absolute).")


def links_field(html_name: str, api_name: str, attribute: str):
    """A ``links`` field: the public page ``html_name`` and API detail ``api_name`` of the
    object, both by its public key ``attribute``."""

    @extend_schema_field(LinksSerializer)
    class _Links(serializers.Field):
        def __init__(self, **kwargs):
            super().__init__(source="*", read_only=True, **kwargs)

        def to_representation(self, value):
            return links(self.context, html_name, api_name, getattr(value, attribute))

    return _Links(help_text="Links to the public page and to the API detail.")


class ThemeSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="The theme's stable code.")
    name = TranslatedField(help_text="The theme's name.")


class OrganisationRefSerializer(serializers.Serializer):
    """A publicly named organisation, as a reference from another object."""

    slug = serializers.CharField(help_text="The organisation's stable key (used in its addresses).")
    name = serializers.CharField(help_text="The organisation's name.")
    country = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2 country code.")
    links = links_field("partners:organisation_detail", "organisation-detail", "slug")


class NamedOrganisationsSerializer(serializers.Serializer):
    """Organisations as a public list shows them: the publicly named ones, the others counted."""

    organisations = OrganisationRefSerializer(many=True, help_text="The publicly named organisations.")
    others = serializers.IntegerField(
        help_text="How many other organisations, which have not made their profile public (never named)."
    )


def named_organisations(organisations) -> dict:
    organisations = list(organisations)
    shown = [o for o in organisations if is_publicly_named(o)]
    return {"organisations": shown, "others": len(organisations) - len(shown)}


def hidden_label() -> str:
    return str(HIDDEN_NAME)
