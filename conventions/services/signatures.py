"""Signatures and publication: each party signs the agreed version, then agrees to publish it.

Lock order (see ``conventions.services.locking``): document → version → signatures /
publication consents → render job. Both services lock the document first, then the version;
the last signature requests the render job in the same transaction, last.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from conventions import chain, notifications
from conventions.constraints import speaking
from conventions.models import Document, DocumentStatus, PublicationConsent, Signature, Version, VersionStatus
from conventions.permissions import coordinator_organisation_ids, signatory_organisation_ids
from conventions.services.locking import lock_document, lock_version
from conventions.services.pdf import pdf_job_record
from conventions.services.people import require_full_name
from partners.permissions import active_memberships
from soliris import audit


def totp_authenticator(user) -> Authenticator | None:
    """The person's authenticator app (allauth.mfa), if they set one up."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()


def already_signed(version, actor) -> set[int]:
    """The organisations ``actor`` has signed ``version`` for."""
    return set(
        Signature.objects.filter(version=version, user=actor).values_list("organisation_id", flat=True)
    )


@transaction.atomic
def version_sign(
    *, actor, version, consent: bool, password: str, function: str = "", code: str = ""
) -> list[Signature]:
    """The actor signs the agreed version for each party organisation they may sign for,
    confirming it is them with their password and, when they have an authenticator app, its
    current ``code``.

    Each signature asks for that party's signature on the agreed PDF (``conventions.chain``).
    When every party has signed, the version is signed, locked for good, and its PDF (the last
    party's file, timestamped) is requested. The jobs are queued after this transaction commits.
    """
    require_full_name(actor)
    document = lock_document(version.document)
    version = lock_version(version)
    if version.status != VersionStatus.AGREED:
        raise ValidationError(_("Only the version agreed by every party can be signed."))
    organisation_ids = signatory_organisation_ids(actor, document)
    if not organisation_ids:
        raise PermissionDenied
    if not consent:
        raise ValidationError({"consent": _("Tick the box to give your explicit consent.")})
    if not password or not actor.check_password(password):
        raise ValidationError({"password": _("This password is not correct.")})
    authenticator = totp_authenticator(actor)
    if authenticator is not None and not TOTP(authenticator).validate_code((code or "").strip()):
        raise ValidationError(
            {"code": _("This code is not correct: type the current code of your authenticator app.")}
        )
    already = already_signed(version, actor)
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
        with speaking(Signature):
            signature.full_clean(exclude=["version", "user", "organisation"])
            signature.save()
        signatures.append(signature)
        chain.signature_job_record(actor=actor, version=version, signature=signature)
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
        version.status, version.signed_at, version.pdf_requested_at = VersionStatus.SIGNED, now, now
        pdf_job_record(actor=actor, document=document, version=version)
        notifications.notify(document, "signed", version, actor=actor)
    return signatures


@transaction.atomic
def document_publish(*, actor, document) -> bool:
    """One coordinator per party agrees; when every party has, the signed version is public."""
    lock_document(document)
    version = (
        Version.objects.filter(document=document, status=VersionStatus.SIGNED).order_by("-number").first()
    )
    if version is None:
        raise ValidationError(_("Only a signed document can be published."))
    version = lock_version(version)
    organisation_ids = coordinator_organisation_ids(actor, document)
    if not organisation_ids:
        raise PermissionDenied
    now = timezone.now()
    for organisation_id in organisation_ids:
        with speaking(PublicationConsent):
            PublicationConsent.objects.get_or_create(
                version=version,
                organisation_id=organisation_id,
                defaults={"given_by": actor, "given_at": now},
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
