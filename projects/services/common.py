"""What the service modules share: action labels, transitions, search document, status changes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy

from partners.visibility import is_publicly_named
from projects.models import (
    INACTIVE_PARTY,
    Project,
    ProjectPartyStatus,
    ProjectStatus,
    ProjectStatusChange,
)
from soliris import audit, constraints, search

S = ProjectStatus

LABELS = {
    "projects.project.created": gettext_lazy("created the project"),
    "projects.project.updated": gettext_lazy("edited the project"),
    "projects.project.status_changed": gettext_lazy("changed the project's status"),
    "projects.project.submitted": gettext_lazy("submitted the project to a call"),
    "projects.party.invited": gettext_lazy("invited a party"),
    "projects.party.confirmed": gettext_lazy("confirmed the party's participation"),
    "projects.party.declined": gettext_lazy("declined to take part"),
    "projects.party.withdrawn": gettext_lazy("withdrew an invitation"),
    "projects.party.updated": gettext_lazy("updated a party's role and contribution"),
    "projects.site.added": gettext_lazy("added a site"),
    "projects.site.removed": gettext_lazy("removed a site"),
    "projects.site.restored": gettext_lazy("put a removed site back"),
    "projects.sdg_link.saved": gettext_lazy("linked a sustainable development goal"),
    "projects.sdg_link.removed": gettext_lazy("removed a sustainable development goal"),
    "projects.sdg_link.restored": gettext_lazy("put a removed sustainable development goal back"),
    "projects.funding.added": gettext_lazy("added a funding line"),
    "projects.funding.removed": gettext_lazy("removed a funding line"),
    "projects.funding.restored": gettext_lazy("put a removed funding line back"),
    "projects.document.uploaded": gettext_lazy("added a document"),
    "projects.submission.selected": gettext_lazy("selected the project"),
    "projects.submission.declined": gettext_lazy("did not select the project"),
    "projects.call.published": gettext_lazy("published the call for projects"),
    "projects.call.updated": gettext_lazy("edited the call for projects"),
    "projects.partnership.goals_set": gettext_lazy("updated the partnership's shared goals"),
}
for _code, _label in LABELS.items():
    audit.register(_code, _label)

# Transitions people make by hand; "confirmed" follows the parties' answers and
# "submitted", "selected", "declined" follow calls.
MANUAL_TRANSITIONS = {
    S.DRAFT: [S.PROPOSED],
    S.PROPOSED: [S.DRAFT],
    S.CONFIRMED: [S.RUNNING],
    S.SELECTED: [S.RUNNING],
    S.DECLINED: [S.RUNNING],
    S.RUNNING: [S.COMPLETED],
    S.COMPLETED: [S.EVALUATED],
}

# What the conflict screen shows of a project saved meanwhile.
PROJECT_CONFLICT_FIELDS = ("title", "summary", "description", "starts_on", "ends_on")


# The form field each constraint's message belongs on (the constraint's violation_error_code).
CONSTRAINT_FIELDS = {
    "ends_before_start": "ends_on",
    "closes_before_opening": "closes_at",
    "already_answered": "call",
    "party_taken": "organisation",
    "goal_taken": "goal",
    "primary_taken": "is_primary",
    "one_source": "source",
    "negative_amount": "amount",
    "goal_shared": "goals",
}


def clean(instance) -> None:
    """``full_clean()``, with each constraint's translated message on the field it is about."""
    constraints.full_clean(instance, CONSTRAINT_FIELDS)


FULL_NAME_REQUIRED = gettext_lazy(
    "Add your full name to your profile first: the other parties see who proposed, confirmed "
    "or decided, by name."
)


def require_full_name(actor) -> None:
    """A person's act on a project (proposing it, answering for a party, deciding on an
    answer) is recorded under their name: refused to a signed-in user who gave none."""
    if getattr(actor, "is_authenticated", False) and not (actor.full_name or "").strip():
        raise ValidationError(FULL_NAME_REQUIRED, code="full_name_required")


# --- Helpers -------------------------------------------------------------------------------


def refresh_search(project: Project) -> None:
    parties = project.parties.select_related("organisation").exclude(status__in=INACTIVE_PARTY)
    sites = list(project.sites.all())
    links = project.sdg_links.select_related("goal")
    parts = []
    for language, _name in settings.LANGUAGES:
        parts += [getattr(project, f"title_{language}"), getattr(project, f"summary_{language}")]
        with translation.override(language):
            parts += [site.country.name for site in sites]
    # Only the publicly named parties: searching a hidden organisation's name finds nothing.
    named = [party.organisation for party in parties if is_publicly_named(party.organisation)]
    parts += [organisation.name for organisation in named]
    parts += [organisation.locality for organisation in named]
    parts += [site.locality for site in sites]
    parts += [f"odd{link.goal.number} sdg{link.goal.number}" for link in links]
    Project.objects.filter(pk=project.pk).update(search_document=search.document(*parts))


def change_status(project: Project, to_status: str, actor, note: str = "") -> None:
    from_status = project.status
    project.status = to_status
    project.save(update_fields=["status", "updated_at"])
    ProjectStatusChange.objects.create(
        project=project, from_status=from_status, to_status=to_status, actor=actor, note=note
    )
    audit.record(
        "projects.project.status_changed",
        actor=actor,
        subject=project,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def follow_parties(project: Project, actor) -> None:
    """Proposed ⇄ confirmed, as the parties answer."""
    parties = list(project.parties.all())
    invited = [p for p in parties if p.status == ProjectPartyStatus.INVITED]
    confirmed = [p for p in parties if p.status == ProjectPartyStatus.CONFIRMED]
    if project.status == S.PROPOSED and not invited and len(confirmed) >= 2:
        change_status(project, S.CONFIRMED, actor)
    elif project.status == S.CONFIRMED and invited:
        change_status(project, S.PROPOSED, actor)


def active_parties(project):
    return project.parties.exclude(status__in=INACTIVE_PARTY)
