"""Reads: documents, drafts, parity, versions — with their related objects loaded."""

from django.db.models import Count, Prefetch, Q

from conventions.models import (
    LANGUAGE_CODES,
    Clause,
    ClauseText,
    CommentThread,
    Document,
    PacketNote,
    PublicationConsent,
    Suggestion,
    SuggestionStatus,
    ThreadStatus,
    TranslationState,
    Version,
    VersionStatus,
)
from partners.models import Membership, Partnership, PartnershipParty, PartyStatus, Role
from partners.permissions import accepted_party_ids, role_in, roles_by_organisation
from partners.visibility import HIDDEN_NAME, is_publicly_named
from projects.models import Project, ProjectParty, ProjectPartyStatus
from projects.permissions import project_role


def with_parties(queryset):
    """Documents with what ``Document._accepted_parties()`` reads: the partnership's or the
    project's parties and their organisations (two queries, whichever the documents belong to)."""
    return queryset.select_related("partnership", "project").prefetch_related(
        Prefetch("partnership__parties", queryset=PartnershipParty.objects.select_related("organisation")),
        Prefetch("project__parties", queryset=ProjectParty.objects.select_related("organisation")),
    )


def document_by_key(key: str) -> Document | None:
    return (
        with_parties(Document.objects.select_related("published_version", "amends")).filter(key=key).first()
    )


def _party_q(organisation_ids) -> Q:
    """Documents whose owner counts one of ``organisation_ids`` among its parties."""
    partnerships = Partnership.objects.filter(
        parties__organisation_id__in=organisation_ids, parties__status=PartyStatus.ACCEPTED
    ).values("pk")
    projects = Project.objects.filter(
        parties__organisation_id__in=organisation_ids, parties__status=ProjectPartyStatus.CONFIRMED
    ).values("pk")
    return Q(partnership__in=partnerships) | Q(project__in=projects)


def documents_for_user(user):
    """Documents of the partnerships and projects where the user belongs to a party."""
    organisation_ids = list(roles_by_organisation(user))
    if not organisation_ids:
        return Document.objects.none()
    return (
        with_parties(Document.objects.filter(_party_q(organisation_ids)))
        .annotate(
            open_threads=Count("threads", filter=Q(threads__status=ThreadStatus.OPEN), distinct=True),
            clause_count=Count("clauses", filter=Q(clauses__removed_at__isnull=True), distinct=True),
        )
        .order_by("-updated_at")
    )


def _editor_organisation_ids(user) -> list[int]:
    roles = roles_by_organisation(user)
    return [oid for oid, role in roles.items() if role in (Role.EDITOR, Role.COORDINATOR)]


def _open_to_new_documents(user, model, party_status, order: str) -> list:
    organisation_ids = _editor_organisation_ids(user)
    if not organisation_ids:
        return []
    mine = model.objects.filter(parties__organisation_id__in=organisation_ids, parties__status=party_status)
    return list(model.objects.filter(pk__in=mine.values("pk")).order_by(order))


def partnerships_open_to_new_documents(user) -> list:
    """Partnerships where the user is an editor or coordinator of an accepted party."""
    return _open_to_new_documents(user, Partnership, PartyStatus.ACCEPTED, "name")


def projects_open_to_new_documents(user) -> list:
    """Joint projects where the user is an editor or coordinator of a confirmed party."""
    return _open_to_new_documents(user, Project, ProjectPartyStatus.CONFIRMED, "title")


def owner_documents(owner, member: bool) -> list[Document]:
    """The documents of a partnership or a project, for its page: all of them for the members of
    its parties (``member``), only the jointly published ones for anyone else."""
    field = "partnership" if isinstance(owner, Partnership) else "project"
    documents = Document.objects.filter(**{field: owner}).order_by("kind", "title")
    if not member:
        # What the page shows them: a link to each published text (``documents_section.html``).
        return list(documents.filter(published_version__isnull=False).only("id", "key", "title", "kind"))
    return list(
        documents.annotate(open_threads=Count("threads", filter=Q(threads__status=ThreadStatus.OPEN)))
    )


def partnership_documents(partnership, user) -> list[Document]:
    """The documents of a partnership that ``user`` may see (for the partnership page)."""
    return owner_documents(partnership, bool(role_in(user, accepted_party_ids(partnership))))


def project_documents(project, user) -> list[Document]:
    """The documents of a joint project that ``user`` may see (for the project page)."""
    return owner_documents(project, project_role(user, project) is not None)


def draft_clauses(document) -> list[Clause]:
    """The working draft's clauses, with their texts and open threads, in order."""
    return list(
        Clause.objects.filter(document=document, removed_at__isnull=True)
        .prefetch_related(
            Prefetch("texts", queryset=ClauseText.objects.order_by("language")),
            Prefetch("suggestions", queryset=open_suggestions(), to_attr="open_suggestions"),
        )
        .annotate(open_threads=Count("threads", filter=Q(threads__status=ThreadStatus.OPEN)))
        .order_by("position", "id")
    )


def open_suggestions():
    """Open suggestions, oldest first, with their proposer and party."""
    return (
        Suggestion.objects.filter(status=SuggestionStatus.OPEN)
        .select_related("organisation", "proposed_by", "thread")
        .order_by("created_at", "id")
    )


def suggestion_blockers(clauses: list[Clause]) -> list[dict]:
    """The open suggestions of the draft (``draft_clauses``): a version cannot be proposed
    until each is accepted, rejected or withdrawn."""
    return [
        {"clause": clause, "number": index, "language": suggestion.language, "suggestion": suggestion}
        for index, clause in enumerate(clauses, start=1)
        for suggestion in clause.open_suggestions
    ]


def aligned_clauses(document) -> list[Clause]:
    """The working draft's clauses in order, with their texts, who last changed each and their
    open suggestions (the alignment page: three queries, whatever the number of clauses)."""
    texts = ClauseText.objects.select_related("updated_by").order_by("language")
    return list(
        Clause.objects.filter(document=document, removed_at__isnull=True)
        .prefetch_related(
            Prefetch("texts", queryset=texts),
            Prefetch("suggestions", queryset=open_suggestions(), to_attr="open_suggestions"),
        )
        .order_by("position", "id")
    )


def version_numbers(document) -> list[int]:
    return list(Version.objects.filter(document=document).order_by("number").values_list("number", flat=True))


def removed_clauses(document) -> list[Clause]:
    """Clauses taken out of the draft: kept, and can be restored."""
    return list(
        Clause.objects.filter(document=document, removed_at__isnull=False)
        .prefetch_related("texts")
        .order_by("-removed_at")
    )


def texts_by_language(clause) -> dict[str, ClauseText]:
    return {text.language: text for text in clause.texts.all()}


def text_state(clause, language: str) -> int:
    text = texts_by_language(clause).get(language)
    return text.state if text else TranslationState.MISSING


def parity(document, clauses: list[Clause]) -> list[dict]:
    """Per language: how many clauses have an up-to-date text, to review, missing."""
    rows = []
    total = len(clauses)
    for language in LANGUAGE_CODES:
        up = review = 0
        for clause in clauses:
            state = text_state(clause, language)
            up += state == TranslationState.UP_TO_DATE
            review += state == TranslationState.TO_REVIEW
        rows.append(
            {
                "language": language,
                "up_to_date": up,
                "to_review": review,
                "missing": total - up - review,
                "total": total,
                "authentic": language in document.authentic_languages,
                "complete": total > 0 and up == total,
            }
        )
    return rows


def proposal_blockers(document, clauses: list[Clause]) -> list[dict]:
    """Clauses lacking an up-to-date text in an authentic language: a version cannot be proposed."""
    blockers = []
    for index, clause in enumerate(clauses, start=1):
        texts = texts_by_language(clause)
        for language in document.authentic_languages:
            text = texts.get(language)
            state = text.state if text else TranslationState.MISSING
            if state != TranslationState.UP_TO_DATE or not (text.body if text else ""):
                blockers.append({"clause": clause, "number": index, "language": language, "state": state})
    return blockers


def reading_text(clause, language: str) -> dict:
    """What a reader of ``language`` sees: their text, or the original marked as a fallback."""
    texts = texts_by_language(clause)
    text = texts.get(language)
    if text and (text.body or text.heading):
        return {"text": text, "language": language, "fallback": False, "state": text.state}
    original = texts.get(clause.original_language) or next(iter(texts.values()), None)
    return {
        "text": original,
        "language": original.language if original else None,
        "fallback": True,
        "state": TranslationState.MISSING,
    }


def snapshot_text(clause: dict, language: str) -> dict:
    """The same for a frozen clause of a version's snapshot: ``state`` is the translation's
    state when the version was frozen (a text out of date with its original then is "to review"
    in this version for ever, as it was in the draft)."""
    texts = clause.get("texts", {})
    text = texts.get(language)
    if text and (text.get("body") or text.get("heading")):
        state = TranslationState.UP_TO_DATE if text.get("is_original") else text.get("state")
        state = TranslationState.UP_TO_DATE if state is None else state
        return {**text, "language": language, "fallback": False, "state": int(state)}
    original_language = clause.get("original_language")
    original = texts.get(original_language) or next(iter(texts.values()), {})
    return {**original, "language": original_language, "fallback": True, "state": TranslationState.MISSING}


def versions_of(document) -> list[Version]:
    return list(
        Version.objects.filter(document=document)
        .select_related("pdf_job")
        .prefetch_related("approvals__organisation", "signatures")
        .order_by("-number")
    )


def current_version(versions: list[Version]) -> Version | None:
    """The version going through approval or signature (or signed), if any."""
    for version in versions:
        if version.status != VersionStatus.SUPERSEDED:
            return version
    return None


def version_by_number(document, number: int) -> Version | None:
    return (
        Version.objects.filter(document=document, number=number)
        .select_related("pdf_job")
        .prefetch_related("approvals__organisation", "approvals__decided_by", "signatures")
        .first()
    )


def approval_rows(document, version) -> list[dict]:
    """Each party and its decision on ``version``."""
    decisions = {a.organisation_id: a for a in version.approvals.all()}
    return [
        {"organisation": organisation, "approval": decisions.get(organisation.pk)}
        for organisation in document.party_organisations()
    ]


def signature_rows(document, version) -> list[dict]:
    signatures: dict[int, list] = {}
    for signature in version.signatures.all():
        signatures.setdefault(signature.organisation_id, []).append(signature)
    return [
        {"organisation": organisation, "signatures": signatures.get(organisation.pk, [])}
        for organisation in document.party_organisations()
    ]


def public_signature_rows(version) -> list[dict]:
    """The signatures of a published version as the public sees them: the organisation by its
    shown name (``partners.visibility``); for one not publicly named, neither the person's name
    nor their function, which would name it."""
    rows = []
    for signature in version.signatures.select_related("organisation", "user"):
        named = is_publicly_named(signature.organisation)
        rows.append(
            {
                "organisation": signature.organisation_name if named else str(HIDDEN_NAME),
                "name": signature.shown_name if named else "",
                "function": signature.signer_function if named else "",
                "signed_at": signature.signed_at,
            }
        )
    return rows


def publication_consents(version) -> list:
    return list(PublicationConsent.objects.filter(version=version).select_related("organisation"))


def threads_of_clause(clause):
    return (
        CommentThread.objects.filter(clause=clause)
        .select_related("created_by", "resolved_by")
        .prefetch_related("mentions", "comments__author")
        .order_by("status", "-created_at")
    )


def packet_notes(document, limit: int = 30):
    """What review packets brought back to ``document``, the latest first, with the threads
    they opened (one query)."""
    return (
        PacketNote.objects.filter(document=document)
        .select_related("thread__clause", "uploaded_by")
        .order_by("-created_at", "-id")[:limit]
    )


def dashboard_context(user) -> dict:
    documents = list(documents_for_user(user)[:5])
    return {"convention_documents": documents}


def partnership_for_new_document(key: str):
    """The partnership a new document is created for (its parties prefetched), or None."""
    return Partnership.objects.filter(key=key).prefetch_related("parties").first()


def accepted_parties(partnership) -> list:
    """The accepted parties of a partnership with their organisations (the creation form lists them)."""
    return list(
        PartnershipParty.objects.filter(partnership=partnership, status=PartyStatus.ACCEPTED).select_related(
            "organisation"
        )
    )


def published_document(key: str) -> Document | None:
    """A document its parties jointly published (with the published version and its PDF job), or None."""
    document = (
        Document.objects.select_related("published_version__pdf_job", "partnership").filter(key=key).first()
    )
    if document is None or document.published_version is None:
        return None
    return document


def signing_function(user, organisation_ids) -> str:
    """The function a signatory signs in, as their memberships of the organisations they sign
    for record it ("Bourgmestre"); several different ones are joined, none gives ""."""
    functions = (
        Membership.objects.filter(user=user, organisation_id__in=organisation_ids, active_until__isnull=True)
        .exclude(function="")
        .order_by("organisation__name")
        .values_list("function", flat=True)
    )
    return " / ".join(dict.fromkeys(f.strip() for f in functions))[:200]
