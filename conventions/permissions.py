"""Who may do what on a convention or charter.

Parity: every right comes from an active membership of ANY party of the document — an accepted
party of its partnership or a confirmed party of its project (``Document.party_organisation_ids()``),
by role — viewers read, editors edit the draft,
coordinators decide (approve, publish) for their own organisation; people marked "may sign"
sign for their organisation. Invited parties and platform staff see nothing private.

The organisations a user decides or signs for on a document are computed here, once per
request (:func:`coordinator_organisation_ids`, :func:`signatory_organisation_ids`): the rules,
the views and the services all ask these two functions.
"""

import rules
from django.core.exceptions import PermissionDenied

from conventions import selectors
from partners.models import Role
from partners.permissions import (
    accepted_party_ids,
    active_memberships,
    at_least,
    role_in,
    roles_by_organisation,
)
from projects.permissions import project_role
from soliris.permissions import NotKnown, declare, has, request_cached, require_declared


def document_role(user, document) -> str | None:
    return role_in(user, document.party_organisation_ids())


def coordinator_organisation_ids(user, document) -> list[int]:
    """The party organisations of ``document`` the user decides for (approves, publishes)."""
    if not getattr(user, "is_authenticated", False):
        return []
    party_ids = tuple(document.party_organisation_ids())

    def compute():
        roles = roles_by_organisation(user)
        return [oid for oid in party_ids if roles.get(oid) == Role.COORDINATOR]

    return request_cached(("conventions.coordinator", user.pk, party_ids), compute)


def signatory_organisation_ids(user, document) -> list[int]:
    """The party organisations of ``document`` the user may sign for."""
    if not getattr(user, "is_authenticated", False):
        return []
    party_ids = tuple(document.party_organisation_ids())

    def compute():
        return list(
            active_memberships(user)
            .filter(may_sign=True, organisation_id__in=party_ids)
            .values_list("organisation_id", flat=True)
        )

    return request_cached(("conventions.signatory", user.pk, party_ids), compute)


@rules.predicate
def is_party_member(user, document):
    return at_least(document_role(user, document), Role.VIEWER)


@rules.predicate
def is_party_editor(user, document):
    return at_least(document_role(user, document), Role.EDITOR)


@rules.predicate
def is_party_coordinator(user, document):
    return bool(coordinator_organisation_ids(user, document))


@rules.predicate
def is_party_signatory(user, document):
    return bool(signatory_organisation_ids(user, document))


declare("conventions.document:view", is_party_member)
declare("conventions.document:edit", is_party_editor)
declare("conventions.document:comment", is_party_member)
declare("conventions.version:propose", is_party_editor)
declare("conventions.version:approve", is_party_coordinator)
declare("conventions.version:sign", is_party_signatory)
declare("conventions.document:publish", is_party_coordinator)


def may_create_for_partnership(user, partnership) -> bool:
    return at_least(role_in(user, accepted_party_ids(partnership)), Role.EDITOR)


def may_create_for_project(user, project) -> bool:
    """Editors and coordinators of a confirmed party (``project.parties`` prefetched)."""
    return at_least(project_role(user, project), Role.EDITOR)


def get_document_for_user(user, key: str, perm: str = "conventions.document:view"):
    """The document, or 404 for whoever may not know it exists, 403 for members without ``perm``.

    ``perm`` must be a declared permission name: an unknown one raises ``UnknownPermission``.
    """
    require_declared(perm)
    document = selectors.document_by_key(key)
    if document is None or not is_party_member(user, document):
        raise NotKnown
    if not has(user, perm, document):
        raise PermissionDenied
    return document
