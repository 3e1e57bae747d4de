"""Benchmark data of the joint projects, and the project and SDG pages it measures.

In proportion to the number of organisations N (built after ``partners.bench``, on its
partnerships): 2 N projects spread over the bench partnerships, each with the partnership's
accepted organisations as its parties, one or two sites, one to three SDG links (exactly one
primary, with targets of its goal), none to three funding lines and the status history the
services would have written; N / 500 calls for projects (at least 3) answered by the projects
that went through a call; shared goals on a third of the partnerships. Bench projects are
those proposed by a bench organisation (slug ``bench-``). The search documents are written as
``projects.services.refresh_search`` writes them.
"""

import random
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from django.db import transaction
from django.utils import timezone, translation

from soliris.benchdata import analyze, explicit_dates, key, raw_delete

CHUNK = 5_000  # projects written per round: their parts are built, written and forgotten with them
LANGUAGES = ("fr", "nl", "en", "es")
SEARCHED_WORD = "reboisement"  # in the French title of one project in ten or so
FILTERED_GOAL = 6


def sizes_for(organisations: int) -> dict:
    return {"projects": organisations * 2, "calls": max(3, organisations // 500)}


# (primary goal, other goals it often comes with, title per language, summary per language):
# each title is followed by a place ("… à Tarija").
TEMPLATES = [
    (
        6,
        (3, 11),
        (
            "Accès à l'eau potable à",
            "Toegang tot drinkwater in",
            "Access to drinking water in",
            "Agua potable en",
        ),
        (
            "Des bornes-fontaines et un comité de gestion de l'eau élu par les habitants.",
            "Tappunten en een door de bewoners verkozen watercomité.",
            "Standpipes and a water committee elected by the inhabitants.",
            "Piletas públicas y un comité de agua elegido por los vecinos.",
        ),
    ),
    (
        6,
        (11, 12),
        (
            "Assainissement et latrines à",
            "Sanitatie en latrines in",
            "Sanitation and latrines in",
            "Saneamiento en",
        ),
        (
            "Des latrines dans les écoles et une filière de vidange.",
            "Latrines in de scholen en een ledigingsdienst.",
            "School latrines and a emptying service.",
            "Letrinas escolares y un servicio de vaciado.",
        ),
    ),
    (
        15,
        (13, 6),
        ("Reboisement à", "Herbebossing in", "Reforestation in", "Reforestación en"),
        (
            "Reboiser pour protéger les sources et créer des revenus durables.",
            "Herbebossen om de bronnen te beschermen en duurzaam inkomen te scheppen.",
            "Reforesting to protect the springs and create lasting income.",
            "Reforestar para proteger las fuentes y crear ingresos sostenibles.",
        ),
    ),
    (
        4,
        (10, 5),
        ("Bibliothèque scolaire à", "Schoolbibliotheek in", "School library in", "Biblioteca escolar en"),
        (
            "Une bibliothèque ouverte aux élèves et aux familles, animée par des bénévoles.",
            "Een bibliotheek voor leerlingen en gezinnen, gerund door vrijwilligers.",
            "A library open to pupils and families, run by volunteers.",
            "Una biblioteca abierta a alumnos y familias, animada por voluntarios.",
        ),
    ),
    (
        2,
        (12, 1),
        ("Jardins maraîchers à", "Moestuinen in", "Market gardens in", "Huertos comunitarios en"),
        (
            "Des parcelles cultivées par des coopératives de femmes, une cantine scolaire.",
            "Percelen bewerkt door vrouwencoöperaties, een schoolkantine.",
            "Plots farmed by women's cooperatives, a school canteen.",
            "Parcelas cultivadas por cooperativas de mujeres, un comedor escolar.",
        ),
    ),
    (
        7,
        (13, 11),
        ("Énergie solaire à", "Zonne-energie in", "Solar power in", "Energía solar en"),
        (
            "Des panneaux solaires sur le centre de santé et l'école.",
            "Zonnepanelen op het gezondheidscentrum en de school.",
            "Solar panels on the health centre and the school.",
            "Paneles solares en el centro de salud y la escuela.",
        ),
    ),
    (
        16,
        (17, 11),
        (
            "Budget participatif à",
            "Participatieve begroting in",
            "Participatory budgeting in",
            "Presupuesto participativo en",
        ),
        (
            "Les habitants décident d'une part du budget communal, quartier par quartier.",
            "De bewoners beslissen over een deel van de gemeentebegroting, wijk per wijk.",
            "Inhabitants decide on part of the municipal budget, district by district.",
            "Los vecinos deciden una parte del presupuesto municipal, barrio por barrio.",
        ),
    ),
    (
        3,
        (5, 6),
        ("Centre de santé à", "Gezondheidscentrum in", "Health centre in", "Centro de salud en"),
        (
            "Un centre de santé rénové et des agents communautaires formés.",
            "Een gerenoveerd gezondheidscentrum en opgeleide gemeenschapswerkers.",
            "A renovated health centre and trained community health workers.",
            "Un centro de salud renovado y agentes comunitarios formados.",
        ),
    ),
    (
        11,
        (13, 9),
        ("Gestion des déchets à", "Afvalbeheer in", "Waste management in", "Gestión de residuos en"),
        (
            "Le tri à la source, un centre de compostage et des emplois locaux.",
            "Sorteren aan de bron, een composteringscentrum en lokale banen.",
            "Sorting at source, a composting centre and local jobs.",
            "Separación en origen, un centro de compostaje y empleo local.",
        ),
    ),
    (
        8,
        (5, 10),
        (
            "Coopérative artisanale à",
            "Ambachtelijke coöperatie in",
            "Craft cooperative in",
            "Cooperativa artesanal en",
        ),
        (
            "Une coopérative qui vend l'artisanat local à un prix juste.",
            "Een coöperatie die lokaal ambacht tegen een eerlijke prijs verkoopt.",
            "A cooperative selling local crafts at a fair price.",
            "Una cooperativa que vende la artesanía local a precio justo.",
        ),
    ),
    (
        13,
        (11, 15),
        (
            "Adaptation au climat à",
            "Klimaatadaptatie in",
            "Climate adaptation in",
            "Adaptación al clima en",
        ),
        (
            "Un plan communal d'adaptation, des digues végétalisées et une alerte précoce.",
            "Een gemeentelijk adaptatieplan, groene dijken en een vroegtijdig waarschuwingssysteem.",
            "A municipal adaptation plan, green dykes and an early warning system.",
            "Un plan municipal de adaptación, diques verdes y alerta temprana.",
        ),
    ),
]
# How often each status comes up, and the path of status changes that led to it.
STATUSES = [
    ("running", 32, ["draft", "proposed", "confirmed", "running"]),
    ("completed", 18, ["draft", "proposed", "confirmed", "running", "completed"]),
    ("evaluated", 6, ["draft", "proposed", "confirmed", "running", "completed", "evaluated"]),
    ("submitted", 8, ["draft", "proposed", "confirmed", "submitted"]),
    ("selected", 6, ["draft", "proposed", "confirmed", "submitted", "selected"]),
    ("declined", 2, ["draft", "proposed", "confirmed", "submitted", "declined"]),
    ("confirmed", 12, ["draft", "proposed", "confirmed"]),
    ("proposed", 8, ["draft", "proposed"]),
    ("draft", 8, ["draft"]),
]
THROUGH_CALLS = {"submitted", "selected", "declined"}
FUNDERS = [
    "Union européenne",
    "Région de Bruxelles-Capitale",
    "Enabel",
    "Fondation Roi Baudouin",
    "Wallonie-Bruxelles International",
]
CURRENCIES = ["EUR"] * 6 + ["USD", "XOF", "BOB", "PEN"]


def _bench_projects():
    from projects.models import Project

    return Project.objects.filter(proposed_by__slug__startswith="bench-")


def _data_exists(sizes) -> bool:
    from projects.models import Call

    return (
        _bench_projects().count() == sizes["projects"]
        and Call.objects.filter(title_fr__startswith="⟨bench⟩").count() == sizes["calls"]
    )


def clear(log=print) -> None:
    """Remove the bench projects, calls and shared goals (before partners rebuilds its data, whose
    organisations they keep from being deleted; or before building another size)."""
    from projects.models import (
        Call,
        FundingLine,
        PartnershipGoal,
        ProjectParty,
        ProjectStatusChange,
        SDGLink,
        Site,
        Submission,
    )

    projects = _bench_projects()
    calls = Call.objects.filter(title_fr__startswith="⟨bench⟩")
    raw_delete(Submission.objects.filter(call__in=calls))
    raw_delete(Submission.objects.filter(project__in=projects))
    raw_delete(Call.goals.through.objects.filter(call__in=calls))
    raw_delete(calls)
    raw_delete(FundingLine.objects.filter(project__in=projects))
    raw_delete(SDGLink.targets.through.objects.filter(sdglink__project__in=projects))
    raw_delete(SDGLink.objects.filter(project__in=projects))
    raw_delete(Site.objects.filter(project__in=projects))
    raw_delete(ProjectStatusChange.objects.filter(project__in=projects))
    raw_delete(ProjectParty.objects.filter(project__in=projects))
    deleted = raw_delete(projects)
    raw_delete(PartnershipGoal.objects.filter(partnership__name__startswith="⟨bench⟩"))
    if deleted:
        log(f"projects: {deleted} bench projects removed")


@lru_cache(maxsize=2048)
def _country_name(code: str, language: str) -> str:
    from django_countries import countries

    with translation.override(language):
        return str(countries.name(code))


def _search_document(titles, summaries, sites, named, goal_numbers) -> str:
    """What ``projects.services.refresh_search`` writes, from the values about to be saved:
    ``sites`` (country, locality), ``named`` the publicly named active parties' (name, locality),
    ``goal_numbers`` in the links' order (primary first, then by number)."""
    from soliris import search

    parts = []
    for index, language in enumerate(LANGUAGES):
        parts += [titles[index], summaries[index]]
        parts += [_country_name(country, language) for country, _locality in sites]
    parts += [name for name, _locality in named]
    parts += [locality for _name, locality in named]
    parts += [locality for _country, locality in sites]
    parts += [f"odd{number} sdg{number}" for number in goal_numbers]
    return search.document(*parts)


def build(organisations: int = 10_000, log=print) -> None:
    """Build the projects of ``organisations`` (once: a second call with the same size does nothing)."""
    from partners.models import Organisation, Partnership, PartnershipParty, PartyStatus, Visibility
    from projects.models import Call, Goal, PartnershipGoal, Project, Target

    sizes = sizes_for(organisations)
    if _data_exists(sizes):
        log(f"projects: synthetic data set ({organisations} organisations) already there")
        return
    started = time.perf_counter()
    rng = random.Random(20261202)  # noqa: S311 — deterministic synthetic data, not secrets
    with transaction.atomic():
        clear(log)
        organisation_rows = {
            pk: (name, locality, str(country), visibility == Visibility.PUBLIC and verified_at is not None)
            for pk, name, locality, country, visibility, verified_at in Organisation.objects.filter(
                slug__startswith="bench-"
            ).values_list("pk", "name", "locality", "country", "visibility", "verified_at")
        }
        partnerships = list(
            Partnership.objects.filter(name__startswith="⟨bench⟩")
            .order_by("pk")
            .values_list("pk", "started_on")
        )
        members: dict[int, list[int]] = {}
        for partnership_id, organisation_id in (
            PartnershipParty.objects.filter(
                partnership__name__startswith="⟨bench⟩", status=PartyStatus.ACCEPTED
            )
            .order_by("partnership_id", "pk")
            .values_list("partnership_id", "organisation_id")
        ):
            members.setdefault(partnership_id, []).append(organisation_id)
        partnerships = [(pk, started) for pk, started in partnerships if len(members.get(pk, [])) >= 2]
        if not partnerships:
            raise RuntimeError("projects: no bench partnership to build on; build partners' data first")
        goals = dict(Goal.objects.values_list("number", "pk"))
        targets: dict[int, list[int]] = {}
        for target_pk, goal_pk in Target.objects.order_by("goal__number", "position").values_list(
            "pk", "goal_id"
        ):
            targets.setdefault(goal_pk, []).append(target_pk)

        calls = _build_calls(sizes["calls"], rng, goals, list(organisation_rows))
        log(f"projects: {len(calls)} calls for projects")

        counters = {
            "parties": 0,
            "sites": 0,
            "links": 0,
            "targets": 0,
            "funding": 0,
            "changes": 0,
            "answers": 0,
        }
        for first in range(0, sizes["projects"], CHUNK):
            count = min(CHUNK, sizes["projects"] - first)
            _build_chunk(
                first, count, rng, partnerships, members, organisation_rows, goals, targets, calls, counters
            )
        log(
            f"projects: {sizes['projects']} projects, {counters['parties']} parties, {counters['sites']} sites,"
            f" {counters['links']} SDG links ({counters['targets']} targets), {counters['funding']} funding"
            f" lines, {counters['changes']} status changes, {counters['answers']} answers to calls"
        )

        shared = [
            PartnershipGoal(partnership_id=pk, goal_id=goals[number])
            for pk, _started in partnerships
            if rng.random() < 0.35
            for number in rng.sample(sorted(goals), rng.choice([1, 1, 2]))
        ]
        PartnershipGoal.objects.bulk_create(shared, batch_size=2000)
        log(f"projects: {len(shared)} goals shared by partnerships")
    from projects.models import FundingLine, ProjectParty, ProjectStatusChange, SDGLink, Site, Submission

    analyze(
        Project,
        ProjectParty,
        ProjectStatusChange,
        Site,
        SDGLink,
        FundingLine,
        Call,
        Submission,
        PartnershipGoal,
    )
    log(f"projects: data set built in {time.perf_counter() - started:.1f} s")


def _build_calls(count, rng, goals, organisation_ids) -> list:
    """Calls for projects: a few of the platform's, the others published by bench organisations;
    a third of them open now (the home page shows the open ones)."""
    from projects.models import Call

    now = timezone.now()
    calls = []
    for i in range(count):
        opens = now - timedelta(days=rng.randint(10, 2500))
        closes = (
            now + timedelta(days=rng.randint(5, 120))
            if i % 3 == 0
            else opens + timedelta(days=rng.randint(30, 120))
        )
        number = rng.choice(sorted(goals))
        call = Call(
            key=key(i, 101),
            publisher_id=None if i % 4 == 0 else rng.choice(organisation_ids),
            title_fr=f"⟨bench⟩ Appel à projets n° {i} : solidarité internationale",
            title_nl=f"⟨bench⟩ Projectoproep nr. {i}: internationale solidariteit",
            title_en=f"⟨bench⟩ Call for projects no. {i}: international solidarity",
            title_es=f"⟨bench⟩ Convocatoria n.º {i}: solidaridad internacional",
            description_fr="Appel synthétique du banc d'essai, ouvert aux partenariats entre communes.",
            criteria_fr="Un partenariat d'égal à égal, au moins deux parties confirmées.",
            budget=Decimal(rng.randrange(20_000, 500_000, 1000)),
            currency="EUR",
            opens_at=opens,
            closes_at=closes,
        )
        call.goal_numbers = [number] + ([6] if number != 6 and rng.random() < 0.3 else [])
        calls.append(call)
    Call.objects.bulk_create(calls, batch_size=1000)
    Through = Call.goals.through
    Through.objects.bulk_create(
        [Through(call_id=call.pk, goal_id=goals[number]) for call in calls for number in call.goal_numbers],
        batch_size=2000,
    )
    return calls


def _build_chunk(
    first, count, rng, partnerships, members, organisation_rows, goals, targets, calls, counters
):
    from projects.models import (
        FundingLine,
        Project,
        ProjectParty,
        ProjectPartyStatus,
        ProjectStatusChange,
        SDGLink,
        Site,
        Submission,
        SubmissionStatus,
    )

    weights = [weight for _status, weight, _path in STATUSES]
    projects, specs = [], []
    for i in range(first, first + count):
        partnership_id, started_on = partnerships[rng.randrange(len(partnerships))]
        organisation_ids = members[partnership_id]
        proposer = rng.choice(organisation_ids)
        status, _weight, path = rng.choices(STATUSES, weights)[0]
        primary, companions, titles, summaries = rng.choice(TEMPLATES)
        others = [n for n in companions if rng.random() < 0.5][: rng.randint(0, 2)]
        goal_numbers = [primary] + sorted(others)
        site_owners = [proposer] + ([rng.choice(organisation_ids)] if rng.random() < 0.5 else [])
        sites = list(dict.fromkeys((organisation_rows[o][2], organisation_rows[o][1]) for o in site_owners))
        place = sites[-1][1]
        titles = [f"{title} {place}" for title in titles]
        summaries = list(summaries)
        start = (started_on or date(2010, 1, 1)) + timedelta(days=rng.randint(100, 4000))
        created = datetime.combine(
            min(start, date(2026, 6, 1)) - timedelta(days=rng.randint(30, 200)), datetime.min.time()
        )
        created = timezone.make_aware(created + timedelta(minutes=rng.randint(0, 1439)))
        # Drafts and proposals wait for the other parties' answers: only the proposer confirmed.
        waiting = status in ("draft", "proposed")
        # The parties in the order they are written (the proposer first), as the page lists them.
        ordered = [proposer] + [o for o in organisation_ids if o != proposer]
        named = [organisation_rows[o][:2] for o in ordered if organisation_rows[o][3]]
        project = Project(
            key=key(i, 7),
            partnership_id=partnership_id,
            proposed_by_id=proposer,
            status=status,
            starts_on=start,
            ends_on=start + timedelta(days=rng.randint(300, 1500)),
            created_at=created,
            updated_at=created + timedelta(days=rng.randint(0, 400)),
            search_document=_search_document(titles, summaries, sites, named, goal_numbers),
            description_fr="Projet synthétique du banc d'essai : ses parties, ses sites et ses financements.",
        )
        for language, title, summary in zip(LANGUAGES, titles, summaries, strict=True):
            setattr(project, f"title_{language}", title)
            setattr(project, f"summary_{language}", summary)
        projects.append(project)
        specs.append((proposer, ordered, waiting, sites, goal_numbers, path, created))
    with explicit_dates(Project, "created_at", "updated_at"):
        Project.objects.bulk_create(projects, batch_size=2000)

    parties, sites, links, changes, answers = [], [], [], [], []
    party_rows = []
    for project, (proposer, ordered, waiting, site_rows, goal_numbers, path, created) in zip(
        projects, specs, strict=True
    ):
        rows = []
        for organisation_id in ordered:
            confirmed = organisation_id == proposer or not waiting
            party = ProjectParty(
                project_id=project.pk,
                organisation_id=organisation_id,
                status=ProjectPartyStatus.CONFIRMED if confirmed else ProjectPartyStatus.INVITED,
                role=("Pilotage du projet" if organisation_id == proposer else "Mise en œuvre locale")
                if confirmed
                else "",
                contribution="Coordination, suivi financier" if confirmed else "",
                invited_at=created,
                responded_at=created if confirmed else None,
            )
            rows.append(party)
        parties += rows
        party_rows.append(rows)
        for country, locality in site_rows:
            sites.append(
                Site(
                    key=key(counters["sites"] + len(sites), 11),
                    project_id=project.pk,
                    country=country,
                    locality=locality,
                    change="Des équipements et des compétences qui restent sur place.",
                )
            )
        for index, number in enumerate(goal_numbers):
            link = SDGLink(
                key=key(counters["links"] + len(links), 13),
                project_id=project.pk,
                goal_id=goals[number],
                is_primary=index == 0,
                contribution="Le but premier du projet." if index == 0 else "",
            )
            link.target_ids = rng.sample(targets[goals[number]], rng.choice([0, 1, 1, 2]))
            links.append(link)
        at = created
        for previous, status in zip([""] + path[:-1], path, strict=True):
            changes.append(
                ProjectStatusChange(
                    project_id=project.pk, from_status=previous, to_status=status, created_at=at
                )
            )
            at += timedelta(days=rng.randint(5, 90))
        if project.status in THROUGH_CALLS:
            call = rng.choice(calls)
            decision = {"selected": SubmissionStatus.SELECTED, "declined": SubmissionStatus.DECLINED}
            answers.append(
                Submission(
                    key=key(counters["answers"] + len(answers), 17),
                    call=call,
                    project_id=project.pk,
                    status=decision.get(project.status, SubmissionStatus.SUBMITTED),
                    submitted_at=at,
                    decided_at=at + timedelta(days=30) if project.status in decision else None,
                    reason="Le budget de l'appel est épuisé." if project.status == "declined" else "",
                    requested_amount=Decimal(rng.randrange(5_000, 60_000, 500)),
                )
            )
    ProjectParty.objects.bulk_create(parties, batch_size=2000)
    Site.objects.bulk_create(sites, batch_size=2000)
    SDGLink.objects.bulk_create(links, batch_size=2000)
    Through = SDGLink.targets.through
    link_targets = [Through(sdglink_id=link.pk, target_id=t) for link in links for t in link.target_ids]
    Through.objects.bulk_create(link_targets, batch_size=2000)
    ProjectStatusChange.objects.bulk_create(changes, batch_size=2000)
    Submission.objects.bulk_create(answers, batch_size=2000)

    lines = []
    for project, rows in zip(projects, party_rows, strict=True):
        confirmed = [p for p in rows if p.status == ProjectPartyStatus.CONFIRMED]
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
            party = rng.choice(confirmed) if rng.random() < 0.6 else None
            lines.append(
                FundingLine(
                    key=key(counters["funding"] + len(lines), 19),
                    project_id=project.pk,
                    party=party,
                    funder_name="" if party else rng.choice(FUNDERS),
                    label=rng.choice(["Équipement", "Formation", "Coordination", "Travaux", ""]),
                    amount=Decimal(rng.randrange(500, 80_000, 100)),
                    currency=rng.choice(CURRENCIES),
                    kind="in_kind" if party and rng.random() < 0.3 else "cash",
                )
            )
    FundingLine.objects.bulk_create(lines, batch_size=2000)
    for name, rows in (
        ("parties", parties),
        ("sites", sites),
        ("links", links),
        ("targets", link_targets),
        ("funding", lines),
        ("changes", changes),
        ("answers", answers),
    ):
        counters[name] += len(rows)


def pages() -> list:
    """The project and SDG pages, read by a visitor, and their floors."""
    from projects.models import PUBLIC_STATUSES, Goal, ProjectParty, SDGLink
    from projects.selectors import public_projects
    from soliris import search
    from soliris.benchkit import Floor, Page

    listed = public_projects().order_by("-created_at", "-id")
    card = ("title", "key", "status", "proposed_by__name")
    with_goal = listed.filter(pk__in=SDGLink.objects.filter(goal__number=FILTERED_GOAL).values("project_id"))
    # A project with the most to show: several parties, sites, goals and funding lines.
    project = (
        _bench_projects()
        .filter(status__in=PUBLIC_STATUSES, sdg_links__goal__number=FILTERED_GOAL)
        .order_by("pk")
        .first()
        or public_projects().order_by("pk").first()
    )
    goals = Goal.objects.order_by("number")
    goal_card = ("number", "short_title", "colour")
    return [
        Page("projects", "project list", "/fr/projects/", Floor(listed[:20], card)),
        Page(
            "projects",
            f"project list filtered (goal {FILTERED_GOAL})",
            f"/fr/projects/?goal={FILTERED_GOAL}",
            Floor(with_goal[:20], card),
        ),
        Page(
            "projects",
            f"project list searched (q={SEARCHED_WORD})",
            f"/fr/projects/?q={SEARCHED_WORD}",
            Floor(search.filter(listed, SEARCHED_WORD)[:20], card),
        ),
        Page(
            "projects",
            "project page",
            f"/fr/projects/{project.key}/",
            Floor(
                ProjectParty.objects.filter(project=project).order_by("invited_at", "id"),
                ("organisation__name", "organisation__country", "status", "role"),
            ),
        ),
        Page("projects", "SDG list", "/fr/sdgs/", Floor(goals, goal_card)),
        Page(
            "projects",
            f"SDG goal page (goal {FILTERED_GOAL})",
            f"/fr/sdgs/{FILTERED_GOAL}/",
            Floor(with_goal[:100], card),
        ),
        Page("projects", "SDG dashboard", "/fr/sdgs/dashboard/", Floor(goals, goal_card)),
    ]
