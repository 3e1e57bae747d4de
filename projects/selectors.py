"""Reads: querysets with their related objects loaded, search, facets, dashboard figures."""

from collections import OrderedDict
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partners.models import Role
from partners.permissions import roles_by_organisation
from partners.selectors import public_organisations
from partners.visibility import HIDDEN_NAME, is_publicly_named
from projects.models import (
    INACTIVE_PARTY,
    PUBLIC_STATUSES,
    Call,
    FundingLine,
    Goal,
    PartnershipGoal,
    Project,
    ProjectParty,
    ProjectPartyStatus,
    ProjectStatus,
    SDGLink,
    Submission,
    SubmissionStatus,
    Target,
)
from soliris import audit
from soliris.pagecache import kept_figures

ACTIVE_PARTY = [ProjectPartyStatus.INVITED, ProjectPartyStatus.CONFIRMED]


def public_projects():
    return Project.objects.filter(status__in=PUBLIC_STATUSES)


def visible_projects(user):
    """Public projects, and those where the user belongs to a confirmed or invited party."""
    organisation_ids = list(roles_by_organisation(user))
    if not organisation_ids:
        return public_projects()
    mine = ProjectParty.objects.filter(organisation_id__in=organisation_ids, status__in=ACTIVE_PARTY).values(
        "project_id"
    )
    return Project.objects.filter(Q(status__in=PUBLIC_STATUSES) | Q(pk__in=mine))


def _active_parties_prefetch():
    return Prefetch(
        "parties",
        queryset=ProjectParty.objects.filter(status__in=ACTIVE_PARTY).select_related("organisation"),
        to_attr="active_parties",
    )


def with_list_relations(queryset):
    return queryset.select_related("proposed_by").prefetch_related(
        _active_parties_prefetch(),
        Prefetch("sdg_links", queryset=SDGLink.objects.select_related("goal")),
        "sites",
    )


def project_with_parties(key: str):
    return (
        Project.objects.select_related("proposed_by", "partnership")
        .prefetch_related(Prefetch("parties", queryset=ProjectParty.objects.select_related("organisation")))
        .filter(key=key)
        .first()
    )


def split_parties(parties, user=None, *, insider: bool | None = None) -> tuple[list, int]:
    """(the parties a page may name to ``user``, how many others it only counts).

    The parties of a project see each other (``insider``; by default: the user belongs to one
    of ``parties``). Anyone else sees the publicly named organisations (partners.visibility)
    and their own; the others are counted as HIDDEN_NAME, without country, role or
    contribution. Reads nothing but the user's memberships, cached for the request."""
    parties = list(parties)
    mine = roles_by_organisation(user) if user is not None else {}
    if insider is None:
        insider = any(party.organisation_id in mine for party in parties)
    if insider:
        return parties, 0
    shown = [p for p in parties if is_publicly_named(p.organisation) or p.organisation_id in mine]
    return shown, len(parties) - len(shown)


def organisation_name(organisation, user=None) -> str:
    """The name a public page gives an organisation: its own if publicly named or the user's."""
    if is_publicly_named(organisation) or organisation.pk in roles_by_organisation(user):
        return organisation.name
    return str(HIDDEN_NAME)


def funding_summary(lines, hidden_organisations=()) -> list[dict]:
    """Per currency: the total and each source's share (a party or an outside funder); the
    parties in ``hidden_organisations`` (ids) are counted under HIDDEN_NAME."""
    by_currency: dict[str, OrderedDict] = {}
    for line in lines:
        sources = by_currency.setdefault(line.currency, OrderedDict())
        name = line.source_name
        if line.party_id and line.party.organisation_id in hidden_organisations:
            name = str(HIDDEN_NAME)
        row = sources.setdefault(
            name,
            {"name": name, "is_party": bool(line.party_id), "cash": Decimal(0), "in_kind": Decimal(0)},
        )
        row["cash" if line.kind == "cash" else "in_kind"] += line.amount
    summary = []
    for currency, sources in by_currency.items():
        total = sum((row["cash"] + row["in_kind"] for row in sources.values()), Decimal(0))
        rows = []
        for row in sources.values():
            amount = row["cash"] + row["in_kind"]
            rows.append({**row, "amount": amount, "share": (amount * 100 / total) if total else Decimal(0)})
        summary.append({"currency": currency, "total": total, "rows": rows})
    return summary


def project_detail(project: Project, *, private: bool, user=None, insider: bool = False) -> dict:
    """What the project page shows; ``private`` adds funding details, documents and history.

    To whoever is not a party (``user``), the parties not publicly named are counted, never
    named (split_parties): not in the table, the sites' territories nor the funding."""
    active = [p for p in project.parties.all() if p.status not in INACTIVE_PARTY]
    parties, hidden_count = split_parties(active, user, insider=True if private or insider else None)
    shown_ids = {p.organisation_id for p in parties}
    hidden_ids = {p.organisation_id for p in active} - shown_ids
    declined = [p for p in project.parties.all() if p.status in INACTIVE_PARTY]
    lines = list(FundingLine.objects.filter(project=project).select_related("party__organisation"))
    sites = list(project.sites.all())
    party_countries = {}
    for party in parties:
        party_countries.setdefault(party.organisation.country.code, []).append(party.organisation)
    for site in sites:
        site.territory_of = party_countries.get(site.country.code, [])
    proposer = project.proposed_by
    context = {
        "parties": parties,
        "hidden_parties": hidden_count,
        "proposed_by_name": proposer.name if proposer.pk in shown_ids else organisation_name(proposer, user),
        "declined_parties": declined,
        "sites": sites,
        "sdg_links": list(
            project.sdg_links.select_related("goal").prefetch_related(
                Prefetch("targets", queryset=Target.objects.order_by("position"))
            )
        ),
        "funding_lines": lines,
        "funding": funding_summary(lines, hidden_ids),
        "submissions": list(project.submissions.select_related("call__publisher")),
        "status_changes": list(project.status_changes.select_related("actor")),
    }
    if private:
        context["documents"] = list(project.documents.select_related("uploaded_by"))
        context["history"] = list(audit.history(project)[:100])
    return context


def project_history(project: Project, *, limit: int = 200) -> list:
    """The project's audit entries, newest first; a status change carries ``status_change``
    ("Proposed to partners → Draft") in the reader's language."""
    entries = list(audit.history(project)[:limit])
    labels = dict(ProjectStatus.choices)
    for entry in entries:
        if "to_status" in entry.data:
            entry.status_change = (
                f"{labels.get(entry.data.get('from_status'), '—')} → {labels.get(entry.data['to_status'])}"
            )
    return entries


def public_project_count() -> int:
    """The number of public projects, kept until a project changes."""
    return kept_figures("projects:public-count", lambda: public_projects().count(), apps=("projects",))


# --- Calls ---------------------------------------------------------------------------------


def submission_problems(project: Project) -> list[str]:
    """What still stands between the project and its submission (empty: ready)."""
    problems = []
    parties = list(project.parties.select_related("organisation"))
    active = [p for p in parties if p.status not in INACTIVE_PARTY]
    if len([p for p in active if p.status == ProjectPartyStatus.CONFIRMED]) < 2:
        problems.append(_("A joint project needs at least two confirmed parties."))
    for party in active:
        if party.status == ProjectPartyStatus.INVITED:
            problems.append(
                _("%(name)s has not confirmed its participation yet.") % {"name": party.organisation}
            )
        elif not party.is_complete:
            problems.append(
                _("%(name)s has not filled in its role and contribution yet.") % {"name": party.organisation}
            )
    if not project.sdg_links.filter(is_primary=True).exists():
        problems.append(_("Link the project to its primary sustainable development goal."))
    if project.status not in (ProjectStatus.CONFIRMED, ProjectStatus.DECLINED):
        problems.append(
            _("Only a project confirmed by its partners can be submitted (its status is “%(status)s”).")
            % {"status": ProjectStatus(project.status).label}
        )
    return problems


def published_calls():
    """The calls shown to everyone and open to answers: the platform's, and those of an
    organisation the platform has verified (an unverified one prepares its calls meanwhile)."""
    return Call.objects.filter(Q(publisher__isnull=True) | Q(publisher__verified_at__isnull=False))


def calls_for_list():
    return published_calls().select_related("publisher").prefetch_related("goals").order_by("-closes_at")


def open_calls(now=None):
    now = now or timezone.now()
    return calls_for_list().filter(opens_at__lte=now, closes_at__gt=now)


def laureates(call: Call):
    """Selected answers, naming only the parties the public directory shows (verified, public)."""
    return (
        Submission.objects.filter(call=call, status=SubmissionStatus.SELECTED)
        .select_related("project")
        .prefetch_related(
            Prefetch(
                "project__parties",
                queryset=ProjectParty.objects.filter(
                    status=ProjectPartyStatus.CONFIRMED,
                    organisation__in=public_organisations(),
                ).select_related("organisation"),
            )
        )
    )


def call_submissions(call: Call):
    return (
        Submission.objects.filter(call=call)
        .select_related("project", "submitted_by", "decided_by")
        .prefetch_related(
            Prefetch(
                "project__parties",
                queryset=ProjectParty.objects.filter(status=ProjectPartyStatus.CONFIRMED).select_related(
                    "organisation"
                ),
            ),
            Prefetch("project__sdg_links", queryset=SDGLink.objects.select_related("goal")),
        )
    )


# --- Home and dashboard sections ---------------------------------------------------------------


def home_context() -> dict:
    return {
        "projects_open_calls": list(open_calls()[:3]),
        "projects_public_count": public_project_count(),
    }


def dashboard_context(user) -> dict:
    roles = roles_by_organisation(user)
    organisation_ids = list(roles)
    coordinated = [oid for oid, role in roles.items() if role == Role.COORDINATOR]
    parties = ProjectParty.objects.filter(organisation_id__in=organisation_ids, status__in=ACTIVE_PARTY)
    return {
        "my_calls": list(
            Call.objects.filter(publisher_id__in=coordinated)
            .annotate(pending=Count("submissions", filter=Q(submissions__status=SubmissionStatus.SUBMITTED)))
            .order_by("-closes_at")[:10]
        ),
        "my_projects": list(
            Project.objects.filter(pk__in=parties.values("project_id")).order_by("-updated_at")[:10]
        ),
        "my_project_invitations": list(
            parties.filter(status=ProjectPartyStatus.INVITED).select_related("project", "organisation")[:10]
        ),
    }


# The 17 goals are reference data (``load_reference``, at deployment): each process reads them
# once; their translated fields answer in the language active when they are read.
_goals_by_id: dict[int, Goal] = {}


def reference_goals(ids) -> list[Goal]:
    """The goals of ``ids``, by number, from the process's copy (read again for an unknown id;
    replaced whole, so that a thread never sees it half-filled)."""
    global _goals_by_id
    ids = list(ids)
    goals = _goals_by_id
    if any(goal_id not in goals for goal_id in ids):
        goals = {goal.pk: goal for goal in Goal.objects.all()}
        _goals_by_id = goals
    return sorted((goals[goal_id] for goal_id in ids if goal_id in goals), key=lambda g: g.number)


def partnership_goals(partnership) -> list[Goal]:
    """The goals a partnership's parties share: their ids only, the goals from the process's copy
    (a join over the translated titles cost more than the rest of the section, ``make bench``)."""
    return reference_goals(
        PartnershipGoal.objects.filter(partnership=partnership).values_list("goal_id", flat=True)
    )
