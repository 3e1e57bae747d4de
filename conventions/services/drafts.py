"""The working draft of a document: creating it, its settings, its clauses and their texts.

Every edit locks the document (``locking.lock_document``) and makes a new draft: a proposed or
agreed version is superseded by it, a signed one stays signed.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from conventions import charters, notifications
from conventions.constraints import speaking
from conventions.diff import normalise
from conventions.models import (
    LANGUAGE_CODES,
    Clause,
    ClauseText,
    Document,
    DocumentKind,
    DocumentStatus,
    TranslationState,
    Version,
    VersionStatus,
)
from conventions.permissions import get_document_for_user
from conventions.services.locking import lock_document
from soliris import audit, undo
from soliris.conflicts import EditConflict, check_version, update_versioned

# What the clause editor's conflict screen shows of the text saved meanwhile.
TEXT_FIELDS = ("heading", "body")


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


def check_language(language: str) -> None:
    if language not in LANGUAGE_CODES:
        raise ValidationError(_("Unknown language."))


# --- Documents -----------------------------------------------------------------------------


@transaction.atomic
def ended_partnership_refusal() -> str:
    """Why an ended partnership takes no new document (it stays as a record)."""
    return _("This partnership has ended: it takes no new convention or charter.")


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
    if partnership is not None and partnership.status == "ended":
        raise ValidationError(ended_partnership_refusal())
    if amends is not None and (
        amends.partnership_id != getattr(partnership, "pk", None)
        or amends.project_id != getattr(project, "pk", None)
    ):
        if project is not None:
            raise ValidationError({"amends": _("An addendum amends a document of the same project.")})
        raise ValidationError({"amends": _("An addendum amends a document of the same partnership.")})
    with speaking(Document):
        document.full_clean()
        document.save()
    if kind == DocumentKind.ADDENDUM:  # an agreed text is amended: each party suggests changes
        document.suggest_only_parties.set(document.party_organisation_ids())
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


# What the settings form's conflict screen shows of the document saved meanwhile.
SETTINGS_FIELDS = ("title", "authentic_languages")


@transaction.atomic
def document_update(*, actor, document, title, authentic_languages, expected_version: int) -> Document:
    """Title and authentic languages belong to the draft: changing them makes a new draft.

    ``expected_version`` is the document's ``version`` the form was opened on; a save based on
    an older one raises ``soliris.conflicts.EditConflict`` with the title and languages saved
    meanwhile. Saving them unchanged changes nothing.
    """
    lock_document(document)
    current = Document.objects.get(pk=document.pk)
    check_version(current, expected_version, fields=SETTINGS_FIELDS)
    languages = [code for code in LANGUAGE_CODES if code in (authentic_languages or [])]
    if not languages:
        raise ValidationError({"authentic_languages": _("Choose at least one authentic language.")})
    title = (title or "").strip()
    if (title, languages) == (current.title, list(current.authentic_languages)):
        return document
    changed = {"title": title, "authentic_languages": languages}
    document.title, document.authentic_languages = title, languages
    document.full_clean()
    update_versioned(
        Document, document.pk, expected_version=expected_version, values=changed, fields=SETTINGS_FIELDS
    )
    document.version = expected_version + 1
    _draft_changed(document, actor)
    audit.record("conventions.document.updated", actor=actor, subject=document, **changed)
    return document


# --- The working draft ---------------------------------------------------------------------


@transaction.atomic
def clause_add(*, actor, document, language, heading, body) -> Clause:
    check_language(language)
    heading, body = (heading or "").strip(), normalise(body)
    if not body:
        raise ValidationError({"body": _("Write the text of the clause.")})
    lock_document(document)
    position = (Clause.objects.filter(document=document).aggregate(m=Max("position"))["m"] or 0) + 1
    clause = Clause(document=document, position=position, original_language=language, created_by=actor)
    clause.full_clean(exclude=["document"])
    clause.save()
    text = ClauseText(
        clause=clause,
        language=language,
        heading=heading,
        body=body,
        is_original=True,
        state=TranslationState.UP_TO_DATE,
        updated_by=actor,
    )
    with speaking(ClauseText):
        text.full_clean(exclude=["clause"])
        text.save()
    _draft_changed(document, actor)
    audit.record(
        "conventions.clause.added", actor=actor, subject=document, clause=clause.key, language=language
    )
    return clause


def _conflict(current: ClauseText | None) -> EditConflict:
    """The kernel's conflict, holding the text saved meanwhile (``None``: none was saved yet)."""
    return EditConflict(current, fields=TEXT_FIELDS, version_field="revision")


@transaction.atomic
def clause_edit(
    *, actor, clause, language, heading, body, expected_version: int, make_original: bool = False
) -> ClauseText:
    """Save ``language``'s text of ``clause``, based on the revision the editor loaded
    (``expected_version``: the text's ``revision``, 0 for a language not written yet).

    Editing the original (or choosing to make this text the original) flags every other
    language "to review" (those who work in a language that was up to date are told:
    ``notifications.notify_to_review``); editing a translation marks it up to date with the
    original's current revision. A save based on an older revision raises
    ``soliris.conflicts.EditConflict`` with the text saved meanwhile.
    """
    check_language(language)
    document = lock_document(clause.document)
    clause = Clause.objects.get(pk=clause.pk)
    if clause.removed_at:
        raise ValidationError(_("This clause has been removed from the draft."))
    # Compared and saved normalised: a text posted with \r\n or trailing spaces is not a change.
    heading, body = (heading or "").strip(), normalise(body)
    if not body:
        raise ValidationError({"body": _("Write the text of the clause.")})
    texts = {t.language: t for t in ClauseText.objects.filter(clause=clause)}
    current = texts.get(language)
    if current is None:
        if expected_version != 0:
            raise _conflict(None)
    else:
        check_version(current, expected_version, fields=TEXT_FIELDS, version_field="revision")
    original = texts.get(clause.original_language)
    becomes_original = language == clause.original_language or make_original or original is None
    unchanged = current is not None and (current.heading.strip(), normalise(current.body)) == (heading, body)
    if unchanged and (current.is_original or not becomes_original):
        if current.state == TranslationState.TO_REVIEW:
            return clause_confirm(actor=actor, clause=clause, language=language)
        return current
    now = timezone.now()
    previous = {"heading": current.heading, "body": current.body} if current is not None else {}
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
            raise _conflict(ClauseText.objects.filter(clause=clause, language=language).first()) from error
    else:
        probe = ClauseText(clause=clause, language=language, **values)
        probe.full_clean(exclude=["clause"], validate_unique=False, validate_constraints=False)
        update_versioned(
            ClauseText,
            current.pk,
            expected_version=expected_version,
            values=values,
            fields=TEXT_FIELDS,
            version_field="revision",
        )
        text = ClauseText.objects.get(pk=current.pk)
    if becomes_original:
        if clause.original_language != language:
            Clause.objects.filter(pk=clause.pk).update(original_language=language)
            clause.original_language = language
        # The translations that were up to date are now out of date: their people are told.
        newly = [
            t.language for t in texts.values() if t.pk != text.pk and t.state != TranslationState.TO_REVIEW
        ]
        ClauseText.objects.filter(clause=clause).exclude(pk=text.pk).update(
            is_original=False, state=TranslationState.TO_REVIEW
        )
        if newly:
            clause.document = document
            notifications.notify_to_review(
                clause, actor=actor, source=text, previous=previous, languages=newly
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
def clause_confirm(*, actor, clause, language) -> ClauseText:
    """The translation still says what the original says: it is up to date again."""
    document = lock_document(clause.document)
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
    document = lock_document(clause.document)
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
def clause_remove(*, actor, clause):
    """Removed from the draft; its texts and threads stay, and the versions keep it. Returns the
    ``UndoOffer`` that puts it back at its place (None when it was already removed)."""
    document = lock_document(clause.document)
    if clause.removed_at:
        return
    Clause.objects.filter(pk=clause.pk).update(removed_at=timezone.now())
    _draft_changed(document, actor)
    audit.record("conventions.clause.removed", actor=actor, subject=document, clause=clause.key)
    data = {"document": document.key, "clause": clause.key, "position": clause.position}
    next_url = reverse("conventions:document_detail", args=[document.key]) + "#clauses"
    return undo.offer(actor=actor, kind="conventions.clause", data=data, next_url=next_url)


@transaction.atomic
def clause_remove_undo(*, actor, data: dict) -> str:
    """Undo a removal: the clause comes back at its place (the clauses after it move down one),
    as a new draft revision; whoever may edit the draft may undo."""
    document = lock_document(get_document_for_user(actor, data["document"], "conventions.document:edit"))
    clause = Clause.objects.filter(document=document, key=data["clause"]).first()
    if clause is None or clause.removed_at is None:
        raise ValidationError(_("The clause is already back in the draft."), code="already_back")
    active = Clause.objects.filter(document=document, removed_at__isnull=True)
    active.filter(position__gte=data["position"]).update(position=F("position") + 1)
    Clause.objects.filter(pk=clause.pk).update(removed_at=None, position=data["position"])
    _draft_changed(document, actor)
    audit.record("conventions.clause.restored", actor=actor, subject=document, clause=clause.key)
    return reverse("conventions:document_detail", args=[document.key]) + f"#clause-{clause.key}"


@transaction.atomic
def clause_restore(*, actor, clause) -> None:
    """A removed clause comes back at the end of the draft, with its texts and threads."""
    document = lock_document(clause.document)
    if clause.removed_at is None:
        return
    position = (Clause.objects.filter(document=document).aggregate(m=Max("position"))["m"] or 0) + 1
    Clause.objects.filter(pk=clause.pk).update(removed_at=None, position=position)
    _draft_changed(document, actor)
    audit.record("conventions.clause.restored", actor=actor, subject=document, clause=clause.key)


undo.register("conventions.clause", clause_remove_undo)
