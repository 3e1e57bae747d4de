"""The signed charter, built signature by signature: each party's signature is added when its
signatory signs, to the very file the parties agreed (issue 20).

Render jobs chain, each built on the file of the one before (``inputs["previous"]``):

1. the **agreed** charter (``KIND_AGREED``), requested when every party has agreed the
   version: the charter with an empty box per party, certified by the platform with an empty
   signature field in each box (``soliris.pdf.sealing``);
2. a **party signature** (``KIND_SIGNATURE``) per signing organisation, requested when its
   signatory signs: the file before with that party's own signature added as an incremental
   update, its stamp in its box saying who signed, for whom and when;
3. the **signed charter** (``conventions.charter_pdf.KIND``), requested with the last signature: the
   last party's file with a document timestamp (``build_charter``).

Each file starts with the bytes of the one before it: what a party signed is what the next
one signed on, and pyHanko shows nothing changed in between. A job whose previous file is not
ready runs that job first, in the same worker; one rendering elsewhere makes it wait in the
queue (``pdf.NotReady``) until it is done (``soliris.pdf.services.queue_waiting``), or at
once if it was done before the job was back in the queue.

Lock order (``conventions.services.locking``): the callers hold the document and version
locks; the jobs come last.
"""

import hashlib

from django.core.files.storage import default_storage
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from conventions.charter_pdf import charter_content, parameters_for
from conventions.keys import certificate_names, party_key_for
from conventions.models import Document, Signature, Version, VersionStatus
from conventions.permissions import is_party_member
from conventions.selectors import with_parties
from partners.visibility import HIDDEN_NAME, is_publicly_named
from soliris import pdf
from soliris.models import RenderJob, RenderJobState
from soliris.pdf.authority import setting
from soliris.pdf.sealing import PARTY_FIELD, FieldBox, PartySigner, certify, sign_for_party, signature_boxes
from soliris.pdf.sealing import timestamp as add_timestamp
from soliris.pdf.services import job_file_exists, job_request, job_rerender, job_retry, job_run

KIND_AGREED = "conventions.agreed"
KIND_SIGNATURE = "conventions.party_signature"


# Requests (in the web process, inside the signing transactions) --------------------------


def agreed_job_record(*, actor, version) -> RenderJob:
    """Ask for the agreed charter of ``version`` and record it on the version."""
    job, _created = job_request(actor=actor, kind=KIND_AGREED, parameters=parameters_for(version))
    if version.agreed_job_id != job.pk:
        Version.objects.filter(pk=version.pk).update(agreed_job=job)
        version.agreed_job = job
    return job


def last_step(version, *, before: Signature | None = None) -> RenderJob | None:
    """The latest file of ``version``'s chain (before ``before``): the last party signature's
    job, or the agreed charter's."""
    steps = Signature.objects.filter(version=version, seal_job__isnull=False).select_related("seal_job")
    if before is not None:
        steps = steps.exclude(pk=before.pk)
    last = steps.order_by("-signed_at", "-id").first()
    if last is not None:
        return last.seal_job
    return RenderJob.objects.filter(pk=version.agreed_job_id).first() if version.agreed_job_id else None


def signature_job_record(*, actor, version, signature: Signature) -> RenderJob:
    """Ask for the file with ``signature``'s party signature added, after the ones before."""
    if version.agreed_job_id is None:  # agreed before the chain existed
        agreed_job_record(actor=actor, version=version)
    parameters = {**parameters_for(version), "signature": signature.pk}
    job, _created = job_request(actor=actor, kind=KIND_SIGNATURE, parameters=parameters)
    Signature.objects.filter(pk=signature.pk).update(seal_job=job)
    signature.seal_job = job
    return job


# What each job holds ---------------------------------------------------------------------


def agreed_content(parameters: dict) -> dict:
    return charter_content(parameters, agreed=True)


def stamp_text(signature: Signature) -> str:
    """What the party's box says once signed, in the PDF's language; for an organisation not
    publicly named (the PDF is public once published), neither its name nor its signatory's."""
    when = formats.date_format(timezone.localtime(signature.signed_at), "DATETIME_FORMAT")
    zone = timezone.get_current_timezone_name()
    if not is_publicly_named(signature.organisation):
        return _("Signed electronically\nfor %(organisation)s\non %(date)s (%(zone)s)") % {
            "organisation": HIDDEN_NAME,
            "date": when,
            "zone": zone,
        }
    values = {
        "name": signature.shown_name,
        "function": signature.signer_function,
        "organisation": signature.organisation_name,
        "date": when,
        "zone": zone,
    }
    if signature.signer_function.strip() in ("", "—"):
        return _("Signed electronically by %(name)s\nfor %(organisation)s\non %(date)s (%(zone)s)") % values
    return (
        _("Signed electronically by %(name)s\n%(function)s\nfor %(organisation)s\non %(date)s (%(zone)s)")
        % values
    )


def signature_content(parameters: dict) -> dict:
    signature = (
        Signature.objects.select_related("version__document", "organisation", "user")
        .filter(
            pk=parameters.get("signature"),
            version__document__key=parameters.get("document"),
            version__number=parameters.get("version"),
            version__status__in=[VersionStatus.AGREED, VersionStatus.SIGNED],
        )
        .first()
    )
    if signature is None:
        raise pdf.DocumentUnavailable(_("This signature does not exist."))
    version = signature.version
    previous = last_step(version, before=signature)
    if previous is None:
        raise pdf.DocumentUnavailable(_("The agreed PDF of this version was never asked for."))
    agreed = charter_content(parameters_for(version), agreed=True)
    order = list(version.signatures.select_related("organisation").order_by("signed_at", "id"))
    signed = order[: order.index(signature) + 1]
    return {
        "document": agreed["document"],
        "number": agreed["number"],
        "snapshot": {
            "title": agreed["snapshot"].get("title", ""),
            "kind": agreed["snapshot"].get("kind", ""),
        },
        "version_hash": agreed["version_hash"],
        "parties": agreed["parties"],
        "previous": str(previous.key),
        "organisation_id": signature.organisation_id,
        "identifier": certificate_names(signature.organisation)[1],
        "stamp": stamp_text(signature),
        "signed_by": [
            s.organisation_name if is_publicly_named(s.organisation) else str(HIDDEN_NAME) for s in signed
        ],
    }


# The worker's part ------------------------------------------------------------------------


def previous_file(key: str) -> bytes:
    """The file of the job ``key``, run here first when it is not done (or failed, or lost
    its file); ``NotReady`` while another worker renders it."""
    job = RenderJob.objects.filter(key=key).first()
    if job is None:
        raise pdf.DocumentUnavailable(_("The document this one is built on is gone."))
    if job.state == RenderJobState.FAILED:
        job = job_retry(actor=None, job=job)
    elif job.state == RenderJobState.DONE and not job_file_exists(job):
        job = job_rerender(actor=None, job=job)
    if job.state != RenderJobState.DONE:
        job = job_run(job.pk) or RenderJob.objects.get(pk=job.pk)
    if job.state == RenderJobState.FAILED:
        raise RuntimeError(f"the document this one is built on failed: {job.error}")
    if job.state != RenderJobState.DONE:
        raise pdf.NotReady(str(job.key))
    with default_storage.open(job.file.name, "rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != job.file_sha256:
        raise RuntimeError(f"the file of render job {job.key} was changed since it was rendered")
    return data


def seal_agreed(data: bytes, inputs: dict, parameters: dict) -> bytes:
    """The agreed charter certified by the platform, with an empty field in each party's box."""
    names = {party["identifier"]: party["name"] for party in inputs.get("to_sign", [])}
    boxes = [
        FieldBox(
            PARTY_FIELD.format(identifier=box.name),
            box.page,
            box.box,
            label=_("Signature of %(organisation)s") % {"organisation": names.get(box.name, "")},
        )
        for box in signature_boxes(data)
    ]
    return certify(data, reason=_("Certified by the Soliris platform"), location="Soliris", fields=boxes)


def build_signature(inputs: dict, parameters: dict, progress) -> bytes:
    """The previous file with this party's signature in its field."""
    data = previous_file(inputs["previous"])
    progress(40)
    organisation = Signature.objects.get(pk=parameters["signature"]).organisation
    key = party_key_for(organisation)
    signer = PartySigner(
        identifier=inputs["identifier"],
        private_key_pem=key.private_key_pem,
        certificate_pem=key.certificate_pem,
        label=str(key.key),
        reason=_("Signed by this party on the Soliris platform"),
    )
    return sign_for_party(data, signer, text=inputs["stamp"])


def build_charter(inputs: dict, parameters: dict, progress) -> bytes | None:
    """The last party's file with a document timestamp (none without ``SOLIRIS_TSA_URL``);
    ``None`` for a version signed before the chain: rendered and sealed whole."""
    if not inputs.get("previous"):
        return None
    data = previous_file(inputs["previous"])
    progress(60)
    url = setting("SOLIRIS_TSA_URL")
    return add_timestamp(data, url) if url else data


# The kinds ---------------------------------------------------------------------------------


def can_view_step(user, parameters: dict) -> bool:
    """The parties' members only: a charter being signed is never public."""
    document = with_parties(Document.objects.all()).filter(key=parameters.get("document")).first()
    return bool(document and getattr(user, "is_authenticated", False) and is_party_member(user, document))


def agreed_title(inputs: dict, parameters: dict) -> str:
    return _("%(title)s — agreed version %(number)s, to be signed") % {
        "title": inputs["snapshot"].get("title", ""),
        "number": inputs["number"],
    }


def signature_title(inputs: dict, parameters: dict) -> str:
    return _("%(title)s — version %(number)s signed by %(organisations)s") % {
        "title": inputs["snapshot"].get("title", ""),
        "number": inputs["number"],
        "organisations": ", ".join(inputs["signed_by"]),
    }


def describe_step(job) -> list[tuple[str, str]]:
    """What the verification page says of a charter being signed."""
    inputs = job.inputs
    return [
        (_("Document"), inputs.get("snapshot", {}).get("title", "")),
        (_("Version"), str(inputs.get("number", ""))),
        (_("Parties"), ", ".join(party["name"] for party in inputs.get("parties", []))),
        (_("Signed so far by"), ", ".join(inputs.get("signed_by", [])) or _("no party yet")),
        (_("Fingerprint of the version"), inputs.get("version_hash", "")),
    ]


def not_rendered(inputs, parameters, progress) -> str:
    raise RuntimeError("a party signature is built on the file before it, never rendered")
