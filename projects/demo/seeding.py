"""Writing the demo's projects and call: every object found again by a fixed key and updated."""

from datetime import timedelta

from django.utils import timezone

from partners.models import Membership, Role
from projects.demo.data import CALL, PROJECTS
from projects.demo.points import site_point_fields
from projects.models import (
    Call,
    FundingLine,
    Goal,
    PartnershipGoal,
    Project,
    ProjectParty,
    ProjectPartyStatus,
    ProjectStatusChange,
    SDGLink,
    Site,
    Submission,
    SubmissionStatus,
    Target,
)
from projects.services import refresh_search


def _coordinator(user, organisation):
    """The demo person coordinates the organisation (kept if the registry's seed already did it)."""
    if user is None:
        return
    Membership.objects.get_or_create(
        organisation=organisation, user=user, active_until__isnull=True, defaults={"role": Role.COORDINATOR}
    )


def _seed_project(spec, organisations, partnerships, actor, call):
    parties = [organisations[slug] for slug, _role, _contribution in spec["parties"]]
    values = {
        "proposed_by": organisations[spec["proposed_by"]],
        "status": spec["status"],
        "starts_on": spec["starts_on"],
        "ends_on": spec["ends_on"],
        "partnership": partnerships.get(spec["partnership"]) if spec["partnership"] else None,
        "created_by": actor,
    }
    for language in ("fr", "nl", "en", "es"):
        values[f"title_{language}"] = spec["title"][language]
        values[f"summary_{language}"] = spec["summary"].get(language, "")
    project, _created = Project.objects.update_or_create(key=spec["key"], defaults=values)
    party_rows = {}
    for organisation, (_slug, role, contribution) in zip(parties, spec["parties"], strict=True):
        party_rows[organisation.slug], _ = ProjectParty.objects.update_or_create(
            project=project,
            organisation=organisation,
            defaults={
                "status": ProjectPartyStatus.CONFIRMED,
                "role": role,
                "contribution": contribution,
                "responded_at": timezone.now(),
            },
        )
    for number, codes, primary, how in spec["links"]:
        goal = Goal.objects.get(number=number)
        if primary:
            SDGLink.objects.filter(project=project, is_primary=True).exclude(goal=goal).update(
                is_primary=False
            )
        link, _ = SDGLink.objects.update_or_create(
            project=project, goal=goal, defaults={"is_primary": primary, "contribution": how}
        )
        link.targets.set(Target.objects.filter(code__in=codes))
    for country, locality, change in spec["sites"]:
        Site.objects.update_or_create(
            project=project,
            locality=locality,
            defaults={"country": country, "change": change, **site_point_fields(locality)},
        )
    for index, (source, amount, currency, kind, label) in enumerate(spec["funding"]):
        party = party_rows.get(source)
        FundingLine.objects.update_or_create(
            key=f"{spec['key'][:12]}f{index}",
            defaults={
                "project": project,
                "party": party,
                "funder_name": "" if party else source,
                "amount": amount,
                "currency": currency,
                "kind": kind,
                "label": label,
            },
        )
    if not project.status_changes.exists():
        previous = ""
        path = {
            "running": ["draft", "proposed", "confirmed", "running"],
            "completed": ["draft", "proposed", "confirmed", "running", "completed"],
            "submitted": ["draft", "proposed", "confirmed", "submitted"],
        }[spec["status"]]
        for status in path:
            ProjectStatusChange.objects.create(
                project=project, from_status=previous, to_status=status, actor=actor
            )
            previous = status
    if spec.get("call") and call is not None:
        Submission.objects.update_or_create(
            call=call,
            project=project,
            defaults={
                "status": SubmissionStatus.SUBMITTED,
                "submitted_by": actor,
                "requested_amount": spec.get("requested"),
                "key": f"{spec['key'][:12]}s",
            },
        )
    refresh_search(project)
    return project


def seed(log, context: dict) -> None:
    organisations = context["organisations"]
    users = context.get("users", {})
    partnerships = context.get("partnerships") or {}
    now = timezone.now()

    bruxelles = organisations["ville-de-bruxelles"]
    _coordinator(users.get("solidarite@bruxelles.demo"), bruxelles)
    call_values = {
        "publisher": bruxelles,
        "budget": CALL["budget"],
        "currency": "EUR",
        "opens_at": now - timedelta(days=30),
        "closes_at": now + timedelta(days=45),
        "created_by": users.get("solidarite@bruxelles.demo"),
    }
    for field in ("title", "description", "criteria"):
        for language in ("fr", "nl", "en", "es"):
            call_values[f"{field}_{language}"] = CALL[field].get(language, "")
    call, created = Call.objects.get_or_create(key=CALL["key"], defaults=call_values)
    if created:
        call.goals.set(Goal.objects.filter(number__in=CALL["goals"]))

    demo_actors = {
        "jette": "coordination@jette.demo",
        "tarija": "cooperacion@tarija.demo",
        "brasschaat": "internationaal@brasschaat.demo",
        "herent": "internationaal@herent.demo",
        "nimlahakok": "comunidad@nimlahakok.demo",
        "xylm": "contact@xylm.demo",
        "stadd": "contact@stadd.demo",
    }
    for slug, email in demo_actors.items():
        _coordinator(users.get(email), organisations[slug])

    for spec in PROJECTS:
        actor = users.get(demo_actors.get(spec["proposed_by"], ""))
        _seed_project(spec, organisations, partnerships, actor, call)

    for slug, goals in (
        ("herent-nimlahakok", [13]),
        ("brasschaat-tarija", [6, 13]),
        ("jette-tarija", [6, 11]),
    ):
        partnership = partnerships.get(slug)
        if partnership is not None:
            for number in goals:
                PartnershipGoal.objects.get_or_create(
                    partnership=partnership, goal=Goal.objects.get(number=number)
                )

    context["projects"] = {spec["key"]: Project.objects.get(key=spec["key"]) for spec in PROJECTS}
    context["calls"] = {CALL["key"]: call}
    log(f"{len(PROJECTS)} projects, 1 call for projects with 2 answers")
