"""Versions and approvals: a draft frozen as a numbered version, then each party's decision.

Lock order (see ``conventions.services.locking``): document → version → approvals /
signatures / publication consents → render job. Each service here locks the document
first, then the version, then writes the approvals.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from conventions import chain, notifications, selectors
from conventions.constraints import speaking
from conventions.models import Approval, Decision, Document, DocumentStatus, Version, VersionStatus
from conventions.permissions import coordinator_organisation_ids
from conventions.services.locking import lock_document, lock_version
from conventions.services.people import require_full_name
from soliris import audit


def build_snapshot(document, clauses) -> dict:
    """The frozen text of a version: the title, the languages and every clause's texts."""
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
    """Freeze the working draft as the next version, proposed to every party for approval."""
    lock_document(document)
    if document.status != DocumentStatus.DRAFT:
        raise ValidationError(
            _("This draft has already been proposed: change it first to propose a new version.")
        )
    clauses = selectors.draft_clauses(document)
    if not clauses:
        raise ValidationError(_("Add at least one clause before proposing a version."))
    if selectors.proposal_blockers(document, clauses):
        raise ValidationError(_("Some clauses lack an up-to-date text in an authentic language."))
    if selectors.suggestion_blockers(clauses):
        raise ValidationError(
            _("Some clauses have open suggestions: accept, reject or withdraw them before proposing.")
        )
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
    with speaking(Version):
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


def _decide(*, actor, version, decision: str, comment: str) -> tuple[Document, Version, list[Approval]]:
    """Record ``decision`` for each party the actor coordinates (document, then version, then
    approvals locked or written, in the lock order)."""
    require_full_name(actor)
    document = lock_document(version.document)
    version = lock_version(version)
    if version.status != VersionStatus.PROPOSED:
        raise ValidationError(_("This version is no longer awaiting approval."))
    organisation_ids = coordinator_organisation_ids(actor, document)
    if not organisation_ids:
        raise PermissionDenied
    now = timezone.now()
    approvals = []
    for organisation_id in organisation_ids:
        with speaking(Approval):
            approval, _created = Approval.objects.update_or_create(
                version=version,
                organisation_id=organisation_id,
                defaults={"decision": decision, "comment": comment, "decided_by": actor, "decided_at": now},
            )
        approvals.append(approval)
    return document, version, approvals


@transaction.atomic
def version_approve(*, actor, version, comment: str = "") -> list[Approval]:
    """The parties the actor coordinates approve the proposed version; once every party has,
    it is the agreed version and its signatories are asked to sign."""
    comment = (comment or "").strip()
    document, version, approvals = _decide(
        actor=actor, version=version, decision=Decision.APPROVED, comment=comment
    )
    audit.record(
        "conventions.version.approved", actor=actor, subject=document, number=version.number, comment=comment
    )
    approved = set(
        Approval.objects.filter(version=version, decision=Decision.APPROVED).values_list(
            "organisation_id", flat=True
        )
    )
    party_ids = set(document.party_organisation_ids())
    if party_ids and party_ids <= approved:
        now = timezone.now()
        Version.objects.filter(pk=version.pk).update(status=VersionStatus.AGREED, agreed_at=now)
        Document.objects.filter(pk=document.pk).update(status=DocumentStatus.AGREED, updated_at=now)
        document.status = DocumentStatus.AGREED
        audit.record("conventions.version.agreed", actor=actor, subject=document, number=version.number)
        version.status = VersionStatus.AGREED
        chain.agreed_job_record(actor=actor, version=version)  # what each party will sign
        notifications.notify(document, "agreed", version, actor=actor)
        notifications.notify(document, "signature_requested", version, actor=actor, signatories_only=True)
    else:
        notifications.notify(document, "approved", version, actor=actor, comment=comment)
    return approvals


@transaction.atomic
def version_request_changes(*, actor, version, comment: str) -> list[Approval]:
    """The parties the actor coordinates ask for changes to the proposed version (say which)."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Say which changes you ask for.")})
    document, version, approvals = _decide(
        actor=actor, version=version, decision=Decision.CHANGES_REQUESTED, comment=comment
    )
    audit.record(
        "conventions.version.changes_requested",
        actor=actor,
        subject=document,
        number=version.number,
        comment=comment,
    )
    notifications.notify(document, "changes_requested", version, actor=actor, comment=comment)
    return approvals
