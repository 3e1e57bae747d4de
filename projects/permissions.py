"""Who may do what with projects, calls and a partnership's shared goals.

Parity: rights on a project come from membership of ANY CONFIRMED party, by role (viewer
reads the private parts, editor edits, coordinator decides for its organisation) — never
from having proposed it. An invited party sees the project so that it can answer.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404

from partners.models import Partnership, Role
from partners.permissions import (
    at_least,
    partnership_role,
    partnerships_visible_to,
    role_in,
    roles_by_organisation,
)
from projects.models import Call, ProjectPartyStatus
from projects.selectors import project_with_parties
from soliris.permissions import NotKnown, declare, has


def confirmed_party_ids(project) -> list[int]:
    return [p.organisation_id for p in project.parties.all() if p.status == ProjectPartyStatus.CONFIRMED]


def invited_party_ids(project) -> list[int]:
    return [p.organisation_id for p in project.parties.all() if p.status == ProjectPartyStatus.INVITED]


def project_role(user, project) -> str | None:
    """The user's role on a project: through any confirmed party, the same for all parties."""
    return role_in(user, confirmed_party_ids(project))


@rules.predicate
def can_see_project(user, project):
    return (
        project.is_public
        or project_role(user, project) is not None
        or role_in(user, invited_party_ids(project)) is not None
    )


@rules.predicate
def is_project_viewer(user, project):
    return at_least(project_role(user, project), Role.VIEWER)


@rules.predicate
def is_project_editor(user, project):
    return at_least(project_role(user, project), Role.EDITOR)


@rules.predicate
def is_project_coordinator(user, project):
    return at_least(project_role(user, project), Role.COORDINATOR)


@rules.predicate
def can_answer_for_party(user, party):
    """A coordinator of the party's own organisation confirms or declines its participation."""
    return party.status == ProjectPartyStatus.INVITED and at_least(
        role_in(user, [party.organisation_id]), Role.COORDINATOR
    )


@rules.predicate
def can_edit_party(user, party):
    """A party's role and contribution are written by its own organisation's editors."""
    return party.status in (ProjectPartyStatus.INVITED, ProjectPartyStatus.CONFIRMED) and at_least(
        role_in(user, [party.organisation_id]), Role.EDITOR
    )


@rules.predicate
def can_manage_call(user, call):
    """The publisher's coordinators; platform staff for the platform's own calls."""
    if call.publisher_id is None:
        return bool(getattr(user, "is_staff", False))
    return at_least(role_in(user, [call.publisher_id]), Role.COORDINATOR)


@rules.predicate
def can_decide_submission(user, submission):
    """The decision on an answer is the call's: its managers take it."""
    return can_manage_call(user, submission.call)


@rules.predicate
def can_publish_calls(user):
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_staff) or any(
        role == Role.COORDINATOR for role in roles_by_organisation(user).values()
    )


@rules.predicate
def can_edit_partnership_goals(user, partnership):
    return at_least(partnership_role(user, partnership), Role.EDITOR)


declare("projects.project:view", can_see_project)
declare("projects.project:view_private", is_project_viewer)
declare("projects.project:edit", is_project_editor)
declare("projects.project:decide", is_project_coordinator)
declare("projects.party:answer", can_answer_for_party)
declare("projects.party:edit", can_edit_party)
declare("projects.call:manage", can_manage_call)
declare("projects.call:publish", can_publish_calls)
declare("projects.submission:decide", can_decide_submission)
declare("projects.partnership:edit_goals", can_edit_partnership_goals)


def check(user, perm: str, obj=None) -> None:
    """403 without ``perm``; a name nobody declared raises ``UnknownPermission``, never grants."""
    if not has(user, perm, obj):
        raise PermissionDenied


def get_project_for_user(user, key: str, perm: str = "projects.project:view"):
    """The project, or 404 for those who may not know it exists, or 403 without ``perm``."""
    project = project_with_parties(key)
    if project is None or not can_see_project(user, project):
        raise NotKnown
    check(user, perm, project)
    return project


def get_call_for_user(user, key: str, perm: str | None = None):
    call = Call.objects.select_related("publisher").filter(key=key).first()
    if call is None:
        raise Http404
    if perm:
        check(user, perm, call)
    return call


def get_partnership_for_user(user, key: str, perm: str | None = None):
    partnership = (
        partnerships_visible_to(user, Partnership.objects.all())
        .prefetch_related("parties")
        .filter(key=key)
        .first()
    )
    if partnership is None:
        raise NotKnown
    if perm:
        check(user, perm, partnership)
    return partnership
