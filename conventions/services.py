"""Every change to a convention or charter: drafts, translations, comments, versions,
approvals, signatures, publication. Views, tasks, admin and demo data call these only."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from conventions import charters, notifications, selectors
from conventions.models import (
    LANGUAGE_CODES,
    Approval,
    Clause,
    ClauseText,
    Comment,
    CommentThread,
    Decision,
    Document,
    DocumentStatus,
    PublicationConsent,
    Signature,
    ThreadStatus,
    TranslationState,
    Version,
    VersionStatus,
)
from conventions.permissions import coordinator_organisation_ids, signatory_organisation_ids
from partners.permissions import active_memberships
from soliris import audit

for _code, _label in {
    "conventions.document.created": gettext_lazy("created the document"),
    "conventions.document.updated": gettext_lazy("changed the title or the authentic languages"),
    "conventions.clause.added": gettext_lazy("added a clause"),
    "conventions.clause.text_saved": gettext_lazy("edited a clause"),
    "conventions.clause.translation_confirmed": gettext_lazy("confirmed a translation"),
    "conventions.clause.moved": gettext_lazy("moved a clause"),
    "conventions.clause.removed": gettext_lazy("removed a clause"),
    "conventions.clause.restored": gettext_lazy("restored a clause"),
    "conventions.thread.opened": gettext_lazy("opened a comment thread"),
    "conventions.thread.replied": gettext_lazy("replied to a comment thread"),
    "conventions.thread.resolved": gettext_lazy("resolved a comment thread"),
    "conventions.thread.reopened": gettext_lazy("reopened a comment thread"),
    "conventions.version.proposed": gettext_lazy("proposed a version"),
    "conventions.version.superseded": gettext_lazy("a new draft superseded the version"),
    "conventions.version.approved": gettext_lazy("approved the version"),
    "conventions.version.changes_requested": gettext_lazy("asked for changes"),
    "conventions.version.agreed": gettext_lazy("every party agreed the version"),
    "conventions.version.signed_by": gettext_lazy("signed the version"),
    "conventions.version.signed": gettext_lazy("every party signed the version"),
    "conventions.version.pdf_received": gettext_lazy("the PDF job was received"),
    "conventions.document.publication_consented": gettext_lazy("agreed to publish the signed document"),
    "conventions.document.published": gettext_lazy("published the signed document"),
}.items():
    audit.register(_code, _label)


class EditConflict(Exception):
    """Someone saved the same text since the form was loaded: both texts must be shown."""

    def __init__(self, current: ClauseText | None):
        super().__init__("edit conflict")
        self.current = current


def _lock(document) -> Document:
    """Serialise every change of one document (status moves, numbering, positions)."""
    locked = Document.objects.select_for_update().get(pk=document.pk)
    for name in ("status", "draft_revision", "last_number", "published_version_id", "published_at"):
        setattr(document, name, getattr(locked, name))
    return document


def _draft_changed(document, actor) -> None:
    """Any edit makes a new draft: a proposed or agreed version is superseded; a signed one stays."""
    now = timezone.now()
    if document.status in (DocumentStatus.PROPOSED, DocumentStatus.AGREED):
        for version in Version.objects.filter(
            document=document, status__in=[VersionStatus.PROPOSED, VersionStatus.AGREED]
        ):
            Version.objects.filter(pk=version.pk).update(status=VersionStatus.SUPERSEDED, superseded_at=now)
            audit.record(
                "conventions.version.superseded", actor=actor, subject=document, number=version.number
            )
    Document.objects.filter(pk=document.pk).update(
        draft_revision=F("draft_revision") + 1, status=DocumentStatus.DRAFT, updated_at=now
    )
    document.status = DocumentStatus.DRAFT
    document.draft_revision += 1


def _check_language(language: str) -> None:
    if language not in LANGUAGE_CODES:
        raise ValidationError(_("Unknown language."))


# --- Documents -----------------------------------------------------------------------------


@transaction.atomic
def document_create(
    *,
    actor,
    kind,
    title,
    authentic_languages,
    partnership=None,
    project=None,
    template: str = "",
    amends=None,
) -> Document:
    """A new document of a partnership or of a joint project (exactly one of them)."""
    if (partnership is None) == (project is None):
        raise ValueError("A document belongs to a partnership or to a project.")
    languages = [code for code in LANGUAGE_CODES if code in (authentic_languages or [])]
    document = Document(
        partnership=partnership,
        project=project,
        kind=kind,
        title=title.strip(),
        authentic_languages=languages,
        template=template or "",
        amends=amends,
        created_by=actor,
    )
    if not languages:
        raise ValidationError({"authentic_languages": _("Choose at least one authentic language.")})
    if amends is not None and (
        amends.partnership_id != getattr(partnership, "pk", None)
        or amends.project_id != getattr(project, "pk", None)
    ):
        if project is not None:
            raise ValidationError({"amends": _("An addendum amends a document of the same project.")})
        raise ValidationError({"amends": _("An addendum amends a document of the same partnership.")})
    document.full_clean()
    document.save()
    if template:
        model = charters.get(template)
        if model is None:
            raise ValidationError({"template": _("Unknown charter template.")})
        original = languages[0] if languages[0] in model["languages"] else model["languages"][0]
        for position, clause_data in enumerate(model["clauses"], start=1):
            clause = Clause.objects.create(
                document=document, position=position, original_language=original, created_by=actor
            )
            ClauseText.objects.bulk_create(
                ClauseText(
                    clause=clause,
                    language=code,
                    heading=clause_data["heading"][code],
                    body=clause_data["body"][code],
                    is_original=code == original,
                    state=TranslationState.UP_TO_DATE,
                    revision=1,
                    source_revision=None if code == original else 1,
                    updated_by=actor,
                )
                for code in model["languages"]
            )
    audit.record(
        "conventions.document.created", actor=actor, subject=document, title=document.title, template=template
    )
    return document


@transaction.atomic
def document_update(*, actor, document, title, authentic_languages) -> Document:
    """Title and authentic languages belong to the draft: changing them makes a new draft."""
    _lock(document)
    languages = [code for code in LANGUAGE_CODES if code in (authentic_languages or [])]
    if not languages:
        raise ValidationError({"authentic_languages": _("Choose at least one authentic language.")})
    title = (title or "").strip()
    if (title, languages) == (document.title, list(document.authentic_languages)):
        return document
    changed = {"title": title, "authentic_languages": languages}
    document.title, document.authentic_languages = title, languages
    document.full_clean()
    Document.objects.filter(pk=document.pk).update(**changed)
    _draft_changed(document, actor)
    audit.record("conventions.document.updated", actor=actor, subject=document, **changed)
    return document


# --- The working draft ---------------------------------------------------------------------


@transaction.atomic
def clause_add(*, actor, document, language, heading, body) -> Clause:
    _check_language(language)
    if not (body or "").strip():
        raise ValidationError({"body": _("Write the text of the clause.")})
    _lock(document)
    position = (Clause.objects.filter(document=document).aggregate(m=Max("position"))["m"] or 0) + 1
    clause = Clause(document=document, position=position, original_language=language, created_by=actor)
    clause.full_clean(exclude=["document"])
    clause.save()
    text = ClauseText(
        clause=clause,
        language=language,
        heading=heading.strip(),
        body=body.strip(),
        is_original=True,
        state=TranslationState.UP_TO_DATE,
        updated_by=actor,
    )
    text.full_clean(exclude=["clause"])
    text.save()
    _draft_changed(document, actor)
    audit.record(
        "conventions.clause.added", actor=actor, subject=document, clause=clause.key, language=language
    )
    return clause


@transaction.atomic
def clause_text_save(
    *, actor, clause, language, heading, body, base_revision: int, make_original: bool = False
) -> ClauseText:
    """Save ``language``'s text of ``clause``, based on the revision the editor loaded.

    Editing the original (or choosing to make this text the original) flags every other
    language "to review"; editing a translation marks it up to date with the original's
    current revision. A save based on an older revision raises ``EditConflict``.
    """
    _check_language(language)
    document = _lock(clause.document)
    clause = Clause.objects.get(pk=clause.pk)
    if clause.removed_at:
        raise ValidationError(_("This clause has been removed from the draft."))
    heading, body = (heading or "").strip(), (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write the text of the clause.")})
    texts = {t.language: t for t in ClauseText.objects.filter(clause=clause)}
    current = texts.get(language)
    if (current.revision if current else 0) != base_revision:
        raise EditConflict(current)
    original = texts.get(clause.original_language)
    becomes_original = language == clause.original_language or make_original or original is None
    unchanged = current is not None and (current.heading, current.body) == (heading, body)
    if unchanged and (current.is_original or not becomes_original):
        if current.state == TranslationState.TO_REVIEW:
            return clause_text_confirm(actor=actor, clause=clause, language=language)
        return current
    now = timezone.now()
    values = {"heading": heading, "body": body, "updated_by": actor, "updated_at": now}
    if becomes_original:
        values.update(is_original=True, state=TranslationState.UP_TO_DATE, source_revision=None)
    else:
        values.update(is_original=False, state=TranslationState.UP_TO_DATE, source_revision=original.revision)
    if current is None:
        text = ClauseText(clause=clause, language=language, revision=1, **values)
        text.full_clean(exclude=["clause"])
        try:
            with transaction.atomic():
                text.save()
        except IntegrityError as error:
            raise EditConflict(ClauseText.objects.filter(clause=clause, language=language).first()) from error
    else:
        probe = ClauseText(clause=clause, language=language, **values)
        probe.full_clean(exclude=["clause"], validate_unique=False, validate_constraints=False)
        updated = ClauseText.objects.filter(pk=current.pk, revision=base_revision).update(
            revision=F("revision") + 1, **values
        )
        if not updated:
            raise EditConflict(ClauseText.objects.filter(pk=current.pk).first())
        text = ClauseText.objects.get(pk=current.pk)
    if becomes_original:
        if clause.original_language != language:
            Clause.objects.filter(pk=clause.pk).update(original_language=language)
            clause.original_language = language
        ClauseText.objects.filter(clause=clause).exclude(pk=text.pk).update(
            is_original=False, state=TranslationState.TO_REVIEW
        )
    _draft_changed(document, actor)
    audit.record(
        "conventions.clause.text_saved",
        actor=actor,
        subject=document,
        clause=clause.key,
        language=language,
        original=becomes_original,
        revision=text.revision,
    )
    return text


@transaction.atomic
def clause_text_confirm(*, actor, clause, language) -> ClauseText:
    """The translation still says what the original says: it is up to date again."""
    document = _lock(clause.document)
    text = ClauseText.objects.filter(clause=clause, language=language).first()
    original = ClauseText.objects.filter(clause=clause, is_original=True).first()
    if text is None or original is None or text.is_original:
        raise ValidationError(_("There is no translation to confirm in this language."))
    ClauseText.objects.filter(pk=text.pk).update(
        state=TranslationState.UP_TO_DATE,
        source_revision=original.revision,
        revision=F("revision") + 1,
        updated_by=actor,
        updated_at=timezone.now(),
    )
    _draft_changed(document, actor)
    audit.record(
        "conventions.clause.translation_confirmed",
        actor=actor,
        subject=document,
        clause=clause.key,
        language=language,
    )
    text.refresh_from_db()
    return text


@transaction.atomic
def clause_move(*, actor, clause, direction: str) -> None:
    if direction not in ("up", "down"):
        raise ValidationError(_("Unknown direction."))
    document = _lock(clause.document)
    clauses = list(
        Clause.objects.filter(document=document, removed_at__isnull=True).order_by("position", "id")
    )
    index = next(i for i, c in enumerate(clauses) if c.pk == clause.pk)
    target = index - 1 if direction == "up" else index + 1
    if target < 0 or target >= len(clauses):
        return
    clauses[index], clauses[target] = clauses[target], clauses[index]
    for position, item in enumerate(clauses, start=1):
        if item.position != position:
            Clause.objects.filter(pk=item.pk).update(position=position)
    _draft_changed(document, actor)
    audit.record(
        "conventions.clause.moved", actor=actor, subject=document, clause=clause.key, direction=direction
    )


@transaction.atomic
def clause_remove(*, actor, clause) -> None:
    """Removed from the draft; its texts and threads stay, and the versions keep it."""
    document = _lock(clause.document)
    if clause.removed_at:
        return
    Clause.objects.filter(pk=clause.pk).update(removed_at=timezone.now())
    _draft_changed(document, actor)
    audit.record("conventions.clause.removed", actor=actor, subject=document, clause=clause.key)


@transaction.atomic
def clause_restore(*, actor, clause) -> None:
    """A removed clause comes back at the end of the draft, with its texts and threads."""
    document = _lock(clause.document)
    if clause.removed_at is None:
        return
    position = (Clause.objects.filter(document=document).aggregate(m=Max("position"))["m"] or 0) + 1
    Clause.objects.filter(pk=clause.pk).update(removed_at=None, position=position)
    _draft_changed(document, actor)
    audit.record("conventions.clause.restored", actor=actor, subject=document, clause=clause.key)


# --- Comments ------------------------------------------------------------------------------


@transaction.atomic
def thread_open(*, actor, clause, language, body, mentions=()) -> CommentThread:
    _check_language(language)
    if not (body or "").strip():
        raise ValidationError({"body": _("Write your comment.")})
    document = clause.document
    party_ids = set(document.party_organisation_ids())
    if any(m.pk not in party_ids for m in mentions):
        raise ValidationError({"mentions": _("Only the document's parties can be mentioned.")})
    thread = CommentThread.objects.create(
        document=document,
        clause=clause,
        language=language,
        version_number=document.next_number,
        created_by=actor,
    )
    thread.mentions.set(mentions)
    Comment.objects.create(thread=thread, author=actor, language=language, body=body.strip())
    Document.objects.filter(pk=document.pk).update(updated_at=timezone.now())
    if mentions:
        notifications.notify_mention(thread, list(mentions), actor=actor)
    audit.record("conventions.thread.opened", actor=actor, subject=document, thread=thread.key)
    return thread


@transaction.atomic
def thread_reply(*, actor, thread, language, body) -> Comment:
    _check_language(language)
    if not (body or "").strip():
        raise ValidationError({"body": _("Write your comment.")})
    comment = Comment.objects.create(thread=thread, author=actor, language=language, body=body.strip())
    audit.record("conventions.thread.replied", actor=actor, subject=thread.document, thread=thread.key)
    return comment


@transaction.atomic
def thread_set_resolved(*, actor, thread, resolved: bool) -> CommentThread:
    now = timezone.now()
    CommentThread.objects.filter(pk=thread.pk).update(
        status=ThreadStatus.RESOLVED if resolved else ThreadStatus.OPEN,
        resolved_by=actor if resolved else None,
        resolved_at=now if resolved else None,
    )
    audit.record(
        "conventions.thread.resolved" if resolved else "conventions.thread.reopened",
        actor=actor,
        subject=thread.document,
        thread=thread.key,
    )
    thread.refresh_from_db()
    return thread


# --- Versions, approvals, signatures ---------------------------------------------------------


def build_snapshot(document, clauses) -> dict:
    return {
        "title": document.title,
        "kind": document.kind,
        "authentic_languages": list(document.authentic_languages),
        "clauses": [
            {
                "key": clause.key,
                "original_language": clause.original_language,
                "texts": {
                    text.language: {
                        "heading": text.heading,
                        "body": text.body,
                        "state": int(text.state),
                        "is_original": text.is_original,
                    }
                    for text in clause.texts.all()
                },
            }
            for clause in clauses
        ],
    }


@transaction.atomic
def version_propose(*, actor, document, reason: str = "") -> Version:
    _lock(document)
    if document.status != DocumentStatus.DRAFT:
        raise ValidationError(
            _("This draft has already been proposed: change it first to propose a new version.")
        )
    clauses = selectors.draft_clauses(document)
    if not clauses:
        raise ValidationError(_("Add at least one clause before proposing a version."))
    if selectors.proposal_blockers(document, clauses):
        raise ValidationError(_("Some clauses lack an up-to-date text in an authentic language."))
    number = document.last_number + 1
    version = Version(
        document=document,
        number=number,
        status=VersionStatus.PROPOSED,
        snapshot=build_snapshot(document, clauses),
        draft_revision=document.draft_revision,
        reason=(reason or "").strip(),
        proposed_by=actor,
        proposed_by_name=actor.get_full_name(),
        proposed_at=timezone.now(),
    )
    version.full_clean(exclude=["document"])
    version.save()
    Document.objects.filter(pk=document.pk).update(
        last_number=number, status=DocumentStatus.PROPOSED, updated_at=timezone.now()
    )
    document.last_number, document.status = number, DocumentStatus.PROPOSED
    audit.record(
        "conventions.version.proposed", actor=actor, subject=document, number=number, reason=version.reason
    )
    notifications.notify(document, "proposed", version, actor=actor)
    return version


@transaction.atomic
def version_decide(*, actor, version, decision: str, comment: str = "") -> list[Approval]:
    """A party (through one of its coordinators) approves the version or asks for changes."""
    document = _lock(version.document)
    version = Version.objects.get(pk=version.pk)
    if version.status != VersionStatus.PROPOSED:
        raise ValidationError(_("This version is no longer awaiting approval."))
    if decision not in Decision.values:
        raise ValidationError(_("Unknown decision."))
    comment = (comment or "").strip()
    if decision == Decision.CHANGES_REQUESTED and not comment:
        raise ValidationError({"comment": _("Say which changes you ask for.")})
    organisation_ids = coordinator_organisation_ids(actor, document)
    if not organisation_ids:
        raise PermissionDenied
    now = timezone.now()
    approvals = []
    for organisation_id in organisation_ids:
        approval, _created = Approval.objects.update_or_create(
            version=version,
            organisation_id=organisation_id,
            defaults={"decision": decision, "comment": comment, "decided_by": actor, "decided_at": now},
        )
        approvals.append(approval)
    audit.record(
        "conventions.version.approved"
        if decision == Decision.APPROVED
        else "conventions.version.changes_requested",
        actor=actor,
        subject=document,
        number=version.number,
        comment=comment,
    )
    approved = set(
        Approval.objects.filter(version=version, decision=Decision.APPROVED).values_list(
            "organisation_id", flat=True
        )
    )
    party_ids = set(document.party_organisation_ids())
    if decision == Decision.APPROVED and party_ids and party_ids <= approved:
        Version.objects.filter(pk=version.pk).update(status=VersionStatus.AGREED, agreed_at=now)
        Document.objects.filter(pk=document.pk).update(status=DocumentStatus.AGREED, updated_at=now)
        document.status = DocumentStatus.AGREED
        audit.record("conventions.version.agreed", actor=actor, subject=document, number=version.number)
        notifications.notify(document, "agreed", version, actor=actor)
        notifications.notify(document, "signature_requested", version, actor=actor, signatories_only=True)
    else:
        notifications.notify(
            document,
            "approved" if decision == Decision.APPROVED else "changes_requested",
            version,
            actor=actor,
            comment=comment,
        )
    return approvals


@transaction.atomic
def version_sign(*, actor, version, consent: bool, password: str, function: str = "") -> list[Signature]:
    document = _lock(version.document)
    version = Version.objects.get(pk=version.pk)
    if version.status != VersionStatus.AGREED:
        raise ValidationError(_("Only the version agreed by every party can be signed."))
    organisation_ids = signatory_organisation_ids(actor, document)
    if not organisation_ids:
        raise PermissionDenied
    if not consent:
        raise ValidationError({"consent": _("Tick the box to give your explicit consent.")})
    if not password or not actor.check_password(password):
        raise ValidationError({"password": _("This password is not correct.")})
    already = set(
        Signature.objects.filter(version=version, user=actor).values_list("organisation_id", flat=True)
    )
    memberships = {
        m.organisation_id: m
        for m in active_memberships(actor)
        .filter(organisation_id__in=organisation_ids)
        .select_related("organisation")
    }
    now = timezone.now()
    signatures = []
    for organisation_id in organisation_ids:
        if organisation_id in already:
            continue
        membership = memberships[organisation_id]
        signature = Signature(
            version=version,
            organisation_id=organisation_id,
            user=actor,
            signer_name=actor.get_full_name(),
            signer_function=(function or "").strip() or membership.function or "—",
            organisation_name=membership.organisation.name,
            consent=True,
            signed_at=now,
        )
        signature.full_clean(exclude=["version", "user", "organisation"])
        signature.save()
        signatures.append(signature)
        audit.record(
            "conventions.version.signed_by",
            actor=actor,
            subject=document,
            number=version.number,
            organisation=membership.organisation.name,
        )
    if not signatures:
        raise ValidationError(_("You have already signed this version."))
    signed = set(Signature.objects.filter(version=version).values_list("organisation_id", flat=True))
    if set(document.party_organisation_ids()) <= signed:
        Version.objects.filter(pk=version.pk).update(
            status=VersionStatus.SIGNED, signed_at=now, pdf_requested_at=now
        )
        Document.objects.filter(pk=document.pk).update(status=DocumentStatus.SIGNED, updated_at=now)
        document.status = DocumentStatus.SIGNED
        audit.record("conventions.version.signed", actor=actor, subject=document, number=version.number)
        version_id = version.pk

        def queue():
            from conventions.tasks import render_signed_version

            render_signed_version.delay(version_id)

        transaction.on_commit(queue)
        notifications.notify(document, "signed", version, actor=actor)
    return signatures


@transaction.atomic
def version_render_pdf(version) -> Version:
    """Ask the worker for the signed PDF of a signed version (idempotent).

    One PDF holds every authentic language (``conventions.documents``); the request is made
    in the name of the last signatory and recorded on the version (``pdf_job``). Asking again
    finds the same job (same content hash), or queues a failed one again.
    """
    from conventions.documents import KIND, parameters_for
    from soliris.pdf.services import job_request

    version = Version.objects.select_for_update().select_related("document").get(pk=version.pk)
    if version.status != VersionStatus.SIGNED:
        return version
    last = version.signatures.select_related("user").order_by("-signed_at", "-id").first()
    job, created = job_request(
        actor=last.user if last else None, kind=KIND, parameters=parameters_for(version)
    )
    now = timezone.now()
    changes = {}
    if version.pdf_job_id != job.pk:
        changes["pdf_job"] = job
    if version.pdf_received_at is None:
        changes["pdf_received_at"] = now
    if changes:
        Version.objects.filter(pk=version.pk).update(**changes)
        audit.record(
            "conventions.version.pdf_received", actor=None, subject=version.document, number=version.number
        )
        version.refresh_from_db()
    return version


@transaction.atomic
def document_publish(*, actor, document) -> bool:
    """One coordinator per party agrees; when every party has, the signed version is public."""
    _lock(document)
    version = (
        Version.objects.filter(document=document, status=VersionStatus.SIGNED).order_by("-number").first()
    )
    if version is None:
        raise ValidationError(_("Only a signed document can be published."))
    organisation_ids = coordinator_organisation_ids(actor, document)
    if not organisation_ids:
        raise PermissionDenied
    now = timezone.now()
    for organisation_id in organisation_ids:
        PublicationConsent.objects.get_or_create(
            version=version, organisation_id=organisation_id, defaults={"given_by": actor, "given_at": now}
        )
    audit.record(
        "conventions.document.publication_consented", actor=actor, subject=document, number=version.number
    )
    consented = set(
        PublicationConsent.objects.filter(version=version).values_list("organisation_id", flat=True)
    )
    if set(document.party_organisation_ids()) <= consented and document.published_version_id != version.pk:
        Document.objects.filter(pk=document.pk).update(published_version=version, published_at=now)
        document.published_version, document.published_at = version, now
        audit.record("conventions.document.published", actor=actor, subject=document, number=version.number)
        return True
    return False
