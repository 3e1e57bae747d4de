"""The conventions app's models; every model is importable from here (``conventions.models.Document``),
as the migrations and the other apps expect."""

from conventions.models.decisions import Approval, Decision, PublicationConsent, Signature
from conventions.models.documents import (
    LANGUAGE_CHOICES,
    LANGUAGE_CODES,
    Clause,
    ClauseText,
    Comment,
    CommentThread,
    Document,
    DocumentKind,
    DocumentStatus,
    ThreadStatus,
    TranslationState,
    Version,
    VersionStatus,
)
from conventions.models.keys import PartyKey
from conventions.models.packets import PacketNote
from conventions.models.suggestions import Suggestion, SuggestionStatus

__all__ = [
    "LANGUAGE_CHOICES",
    "LANGUAGE_CODES",
    "Approval",
    "Clause",
    "ClauseText",
    "Comment",
    "CommentThread",
    "Decision",
    "Document",
    "DocumentKind",
    "DocumentStatus",
    "PacketNote",
    "PartyKey",
    "PublicationConsent",
    "Signature",
    "Suggestion",
    "SuggestionStatus",
    "ThreadStatus",
    "TranslationState",
    "Version",
    "VersionStatus",
]
