"""Published conventions: what their public page shows, with each clause's translation state."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conventions.models import TranslationState
from conventions.selectors import snapshot_text
from opendata.api.i18n import LANGUAGE_CODES
from opendata.api.links import html_url
from opendata.api.serializers.common import hidden_label, links_field
from partners.visibility import is_publicly_named
from soliris.models import RenderJobState

STATES = {
    TranslationState.MISSING: "missing",
    TranslationState.TO_REVIEW: "to_review",
    TranslationState.UP_TO_DATE: "up_to_date",
}


CLAUSE_TEXT_SCHEMA = {
    "type": "object",
    "description": "A clause in one language.",
    "properties": {
        "heading": {"type": "string", "description": "The clause's heading."},
        "body": {"type": "string", "description": "The clause's text."},
        "language": {
            "type": "string",
            "nullable": True,
            "enum": [*LANGUAGE_CODES, None],
            "description": "The language the text is actually in.",
        },
        "fallback": {
            "type": "boolean",
            "description": "True when the clause has no text in the language asked for: the original is given.",
        },
        "state": {
            "type": "string",
            "enum": list(STATES.values()),
            "description": "The translation's state when the version was signed: up_to_date, to_review"
            " (its original changed since), or missing (not translated: the original is given).",
        },
    },
    "required": ["heading", "body", "language", "fallback", "state"],
    "additionalProperties": False,
}


def clause_text(clause: dict, language: str) -> dict:
    text = snapshot_text(clause, language)
    return {
        "heading": text.get("heading") or "",
        "body": text.get("body") or "",
        "language": text.get("language"),
        "fallback": bool(text.get("fallback")),
        "state": STATES.get(int(text.get("state", 0)), "missing"),
    }


CLAUSE_TEXTS_SCHEMA = {
    "oneOf": [
        {
            "type": "object",
            "description": "The clause in each language of the platform (without ?lang=).",
            "properties": dict.fromkeys(LANGUAGE_CODES, CLAUSE_TEXT_SCHEMA),
            "required": LANGUAGE_CODES,
            "additionalProperties": False,
        },
        CLAUSE_TEXT_SCHEMA,
    ]
}


class ClauseSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="The clause's number in the signed version.")
    key = serializers.CharField(help_text="Stable key of the clause.")
    original_language = serializers.CharField(help_text="The language it was written in.")
    texts = serializers.SerializerMethodField(help_text="Its text, per language or in the one asked for.")

    @extend_schema_field(CLAUSE_TEXTS_SCHEMA)
    def get_texts(self, clause):
        language = self.context.get("language")
        if language:
            return clause_text(clause, language)
        return {code: clause_text(clause, code) for code in LANGUAGE_CODES}


class SignatureSerializer(serializers.Serializer):
    organisation = serializers.CharField(
        help_text="The signing organisation's name, or the neutral label when it is not publicly named."
    )
    name = serializers.CharField(help_text="The signer's name (empty when the organisation is not named).")
    function = serializers.CharField(help_text="The signer's function (empty when not named).")
    signed_at = serializers.DateTimeField(help_text="When they signed.")


def signature_rows(version) -> list[dict]:
    """``conventions.selectors.public_signature_rows`` on prefetched signatures."""
    rows = []
    for signature in version.signatures.all():
        named = is_publicly_named(signature.organisation)
        rows.append(
            {
                "organisation": signature.organisation_name if named else hidden_label(),
                "name": signature.shown_name if named else "",
                "function": signature.signer_function if named else "",
                "signed_at": signature.signed_at,
            }
        )
    return rows


class ConventionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Stable key of the document.")
    kind = serializers.CharField(help_text="Kind of document: convention, charter, addendum.")
    title = serializers.CharField(source="published_version.snapshot.title", help_text="Title, as signed.")
    version = serializers.IntegerField(source="published_version.number", help_text="Number of the version.")
    signed_at = serializers.DateTimeField(
        source="published_version.signed_at", allow_null=True, help_text="When every party had signed."
    )
    published_at = serializers.DateTimeField(allow_null=True, help_text="When the parties published it.")
    authentic_languages = serializers.SerializerMethodField(help_text="Its authentic languages, as signed.")
    signed_pdf = serializers.SerializerMethodField(
        help_text="Absolute address of the signed PDF (null while it is being prepared)."
    )
    signatures = serializers.SerializerMethodField(help_text="Its signatures, as the public page shows them.")
    links = links_field("conventions:document_public", "convention-detail", "key")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_authentic_languages(self, document):
        return list(
            document.published_version.snapshot.get("authentic_languages") or document.authentic_languages
        )

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_signed_pdf(self, document):
        job = document.published_version.pdf_job
        if job is None or job.state != RenderJobState.DONE or not job.file:
            return None
        return html_url(
            "conventions:document_public_pdf", document.key, language=self.context.get("language")
        )

    @extend_schema_field(SignatureSerializer(many=True))
    def get_signatures(self, document):
        return SignatureSerializer(signature_rows(document.published_version), many=True).data


class ConventionDetailSerializer(ConventionSerializer):
    clauses = serializers.SerializerMethodField(help_text="Its clauses, as signed.")

    @extend_schema_field(ClauseSerializer(many=True))
    def get_clauses(self, document):
        clauses = [
            {**clause, "number": number}
            for number, clause in enumerate(document.published_version.clauses, start=1)
        ]
        return ClauseSerializer(clauses, many=True, context=self.context).data
