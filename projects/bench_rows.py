"""The rows of the projects' benchmark data (``projects.bench``): calls for projects, then the
projects by chunks with their parties, sites, SDG links, funding lines, status changes and
answers to calls. The search documents are those ``projects.services.refresh_search`` writes."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from django.utils import timezone, translation
from django_countries import countries

from projects.bench_texts import CURRENCIES, FUNDERS, LANGUAGES, STATUSES, TEMPLATES, THROUGH_CALLS
from projects.models import (
    Call,
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
from soliris import search
from soliris.benchdata import explicit_dates, key


@lru_cache(maxsize=2048)
def _country_name(code: str, language: str) -> str:
    with translation.override(language):
        return str(countries.name(code))


def _search_document(titles, summaries, sites, named, goal_numbers) -> str:
    """What ``projects.services.refresh_search`` writes, from the values about to be saved:
    ``sites`` (country, locality), ``named`` the publicly named active parties' (name, locality),
    ``goal_numbers`` in the links' order (primary first, then by number)."""

    parts = []
    for index, language in enumerate(LANGUAGES):
        parts += [titles[index], summaries[index]]
        parts += [_country_name(country, language) for country, _locality in sites]
    parts += [name for name, _locality in named]
    parts += [locality for _name, locality in named]
    parts += [locality for _country, locality in sites]
    parts += [f"odd{number} sdg{number}" for number in goal_numbers]
    return search.document(*parts)


def build_calls(count, rng, goals, organisation_ids) -> list:
    """Calls for projects: a few of the platform's, the others published by bench organisations;
    a third of them open now (the home page shows the open ones)."""

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


def build_chunk(first, count, rng, partnerships, members, organisation_rows, goals, targets, calls, counters):
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
