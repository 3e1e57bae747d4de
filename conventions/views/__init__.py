from conventions.views.align import document_align
from conventions.views.comments import clause_comments, thread_reply, thread_resolve
from conventions.views.drafts import (
    clause_add,
    clause_confirm,
    clause_edit,
    clause_move,
    clause_remove,
    clause_restore,
    document_create,
    document_create_for_project,
    document_detail,
    document_list,
    document_settings,
)
from conventions.views.packets import version_packet, version_packet_odt
from conventions.views.suggestions import suggestion_accept, suggestion_reject, suggestion_withdraw
from conventions.views.versions import (
    document_public,
    document_public_pdf,
    document_publish,
    version_approve,
    version_detail,
    version_diff,
    version_propose,
    version_sign,
)

__all__ = [
    "clause_add",
    "clause_comments",
    "clause_confirm",
    "clause_edit",
    "clause_move",
    "clause_remove",
    "clause_restore",
    "document_align",
    "document_create",
    "document_create_for_project",
    "document_detail",
    "document_list",
    "document_settings",
    "document_public",
    "document_public_pdf",
    "document_publish",
    "suggestion_accept",
    "suggestion_reject",
    "suggestion_withdraw",
    "thread_reply",
    "thread_resolve",
    "version_approve",
    "version_detail",
    "version_diff",
    "version_packet",
    "version_packet_odt",
    "version_propose",
    "version_sign",
]
