"""Each party's own key and certificate (issue 20): the worker's part.

Each party signs the charter with its own key — made on first need (:func:`party_key_for`),
issued by the platform's certification authority and kept encrypted
(``conventions.models.keys``) — when its signatory signs (``conventions.chain``). A version
signed before that chain existed, rendered again, is sealed whole by :func:`seal_charter`:
certified, each party's signature in signing order, timestamped (``soliris.pdf.sealing``).

The certificate names the organisation as the PDF does: by its name when it is publicly
named, otherwise as "an organisation that has not made its profile public" with an opaque
code, since the PDF is public once published.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from conventions.models import PartyKey, Signature, Version, VersionStatus
from partners.models import Organisation
from partners.visibility import HIDDEN_NAME, is_publicly_named
from soliris.pdf.authority import issue_party, party_signer
from soliris.pdf.sealing import PartySigner, seal_pdf


def certificate_names(organisation) -> tuple[str, str, str]:
    """(O, OU, SAN URI) the party's certificate must carry now."""
    if is_publicly_named(organisation):
        uri = f"{settings.SITE_URL}{reverse('partners:organisation_detail', args=[organisation.slug])}"
        return organisation.name, organisation.slug, uri
    with translation.override("en"):
        hidden = str(HIDDEN_NAME)
    code = hashlib.sha256(f"{settings.SECRET_KEY}:{organisation.pk}".encode()).hexdigest()[:16]
    return hidden, f"party-{code}", ""


def _usable(key: PartyKey) -> bool:
    """Its private key still decrypts (the key secret may have changed since)."""
    try:
        party_signer(
            private_key_pem=key.private_key_pem, certificate_pem=key.certificate_pem, label=str(key.key)
        )
    except (ValueError, TypeError):
        return False
    return True


@transaction.atomic
def party_key_for(organisation) -> PartyKey:
    """The organisation's current key and certificate: the latest one carrying the names it
    must carry now, or a new one issued by the platform's authority (once: the organisation
    row is locked while it is made)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    name, identifier, uri = certificate_names(organisation)
    for key in PartyKey.objects.filter(organisation=organisation, subject_name=name, identifier=identifier):
        if _usable(key):
            return key
    label = uuid.uuid4()
    issued = issue_party(organisation=name, identifier=identifier, uri=uri, label=str(label))
    return PartyKey.objects.create(
        key=label,
        organisation=organisation,
        subject_name=name,
        identifier=identifier,
        serial=issued.serial,
        fingerprint=issued.fingerprint,
        certificate_pem=issued.certificate_pem,
        private_key_pem=issued.private_key_pem,
    )


def signing_organisations(version) -> list:
    """The organisations that signed ``version``, each once, in signing order."""
    seen, ordered = set(), []
    rows = (
        Signature.objects.filter(version=version).select_related("organisation").order_by("signed_at", "id")
    )
    for row in rows:
        if row.organisation_id not in seen:
            seen.add(row.organisation_id)
            ordered.append(row.organisation)
    return ordered


def party_signers(version) -> list[PartySigner]:
    reason = _("Signed by this party on the Soliris platform")
    signers = []
    for organisation in signing_organisations(version):
        key = party_key_for(organisation)
        signers.append(
            PartySigner(
                identifier=key.identifier,
                private_key_pem=key.private_key_pem,
                certificate_pem=key.certificate_pem,
                label=str(key.key),
                reason=reason,
            )
        )
    return signers


def seal_charter(data: bytes, inputs: dict, parameters: dict) -> bytes:
    """The rendered charter certified by the platform, signed by each party, timestamped."""
    version = Version.objects.get(
        document__key=inputs["document"], number=inputs["number"], status=VersionStatus.SIGNED
    )
    return seal_pdf(
        data, party_signers(version), reason=_("Certified by the Soliris platform"), location="Soliris"
    )
