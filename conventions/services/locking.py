"""The one lock order of a document's workflow, and the two helpers that take the locks.

Lock order — every service that locks more than one of these takes them in this order,
and never the other way round:

    document  →  version  →  approvals / signatures / publication consents  →  render job

* The **document** row is the serialisation point of everything a document goes through:
  draft edits, numbering, status moves, approvals, signatures, publication, the PDF
  request. A service that writes anything about a document locks it first
  (:func:`lock_document`), even when it only means to change one of its versions.
* The **version** is locked next (:func:`lock_version`), under the document lock.
* **Approvals, signatures and publication consents** are written after both: inserting them
  takes a key-share lock on the version they reference, which the version lock already holds.
* The **render job** (``soliris.pdf.services.job_request``) comes last: it is created or found
  by its content hash, and the version then records it.

Why: ``version_render_pdf`` used to lock the version and then write rows referencing the
document, while ``document_publish`` locked the document and then wrote rows referencing the
version — two transactions each waiting for the other's row. Locking the document first
everywhere leaves only one order, so no such cycle can form.
"""

from conventions.models import Document, Version

DOCUMENT_FIELDS = ("status", "draft_revision", "last_number", "published_version_id", "published_at")


def lock_document(document) -> Document:
    """Lock ``document``'s row for the transaction (first in the lock order) and refresh on
    the caller's object the fields that the workflow moves (status, numbering, publication)."""
    locked = Document.objects.select_for_update().get(pk=document.pk)
    for name in DOCUMENT_FIELDS:
        setattr(document, name, getattr(locked, name))
    return document


def lock_version(version) -> Version:
    """The version as it is now, locked (second in the lock order: lock its document first)."""
    return Version.objects.select_for_update().get(pk=version.pk)
