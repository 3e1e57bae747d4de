"""Every change to a convention or charter: drafts, translations, comments, versions,
approvals, signatures, publication. Views, admin and demo data call these only.

By sub-domain: ``drafts`` (the document and its clauses), ``comments`` (threads),
``versions`` (proposing, approving, asking for changes), ``signatures`` (signing,
publishing), ``pdf`` (the signed PDF's render job). ``locking`` documents the one lock order
they all follow. Everything is re-exported here: ``services.version_approve(...)``.
"""

from django.utils.translation import gettext_lazy

from conventions.services.comments import thread_open, thread_reply, thread_resolve
from conventions.services.drafts import (
    clause_add,
    clause_confirm,
    clause_edit,
    clause_move,
    clause_remove,
    clause_restore,
    document_create,
    document_update,
    ended_partnership_refusal,
)
from conventions.services.pdf import version_pdf_request
from conventions.services.signatures import document_publish, version_sign
from conventions.services.suggestions import (
    document_suggest_only,
    suggestion_accept,
    suggestion_open,
    suggestion_reject,
    suggestion_withdraw,
)
from conventions.services.versions import (
    build_snapshot,
    version_approve,
    version_propose,
    version_request_changes,
)
from soliris import audit

__all__ = [
    "build_snapshot",
    "clause_add",
    "clause_confirm",
    "clause_edit",
    "clause_move",
    "clause_remove",
    "clause_restore",
    "document_create",
    "ended_partnership_refusal",
    "document_publish",
    "document_suggest_only",
    "document_update",
    "suggestion_accept",
    "suggestion_open",
    "suggestion_reject",
    "suggestion_withdraw",
    "thread_open",
    "thread_reply",
    "thread_resolve",
    "version_approve",
    "version_pdf_request",
    "version_propose",
    "version_request_changes",
    "version_sign",
]

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
    "conventions.suggestion.opened": gettext_lazy("suggested a change to a clause"),
    "conventions.suggestion.accepted": gettext_lazy("accepted a suggested change"),
    "conventions.suggestion.rejected": gettext_lazy("rejected a suggested change"),
    "conventions.suggestion.withdrawn": gettext_lazy("withdrew a suggested change"),
    "conventions.document.suggest_only": gettext_lazy("chose whether its party only suggests changes"),
    "conventions.version.proposed": gettext_lazy("proposed a version"),
    "conventions.version.superseded": gettext_lazy("a new draft superseded the version"),
    "conventions.version.approved": gettext_lazy("approved the version"),
    "conventions.version.changes_requested": gettext_lazy("asked for changes"),
    "conventions.version.agreed": gettext_lazy("every party agreed the version"),
    "conventions.version.signed_by": gettext_lazy("signed the version"),
    "conventions.version.signed": gettext_lazy("every party signed the version"),
    "conventions.version.pdf_received": gettext_lazy("the PDF job was received"),
    "conventions.version.pdf_ready": gettext_lazy("the signed PDF is ready"),
    "conventions.document.publication_consented": gettext_lazy("agreed to publish the signed document"),
    "conventions.document.published": gettext_lazy("published the signed document"),
}.items():
    audit.register(_code, _label)
