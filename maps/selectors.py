"""What the map places: the publicly named organisations (the visibility rule) and the public
partnerships between them, each at its point or, without one, at its country's position.

Reads a fixed number of queries whatever the registry's size; at most ``MAX_POINTS``
organisations and ``MAX_ARCS`` partnerships (those with the most partnerships first), and says
so when it leaves some out.
"""

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Count, Exists, OuterRef, Q

from partners.models import PartnershipParty, PartyStatus
from partners.selectors.directory import public_organisations, public_partnerships
from partners.visibility import public_q
from projects.models import Site
from projects.selectors import public_projects
from soliris.pagecache import kept_figures

DATA = Path(__file__).resolve().parent / "data"
MAX_POINTS = 1000
MAX_ARCS = 1000


@functools.cache
def centroids() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of each country's position, by ISO alpha-2 code."""
    return {code: tuple(point) for code, point in json.loads((DATA / "centroids.json").read_text()).items()}


def position(row) -> tuple[float, float, str] | None:
    """(latitude, longitude, precision) of an organisation or a site: its own point, else its
    country's position (precision "country"); None for a country the table does not know."""
    if row.latitude is not None and row.longitude is not None:
        return row.latitude, row.longitude, row.precision or "locality"
    point = centroids().get(str(getattr(row.country, "code", row.country) or ""))
    return (point[0], point[1], "country") if point else None


@dataclass
class Actor:
    slug: str
    name: str
    kind: str
    country: str
    locality: str
    latitude: float
    longitude: float
    precision: str
    partnerships: int = 0


@dataclass
class Link:
    key: str
    name: str
    status: str
    parties: list = field(default_factory=list)  # Actor, in name order


@dataclass
class MapData:
    actors: list
    links: list
    actors_left_out: int = 0
    links_left_out: int = 0


def _accepted_listed(prefix=""):
    return PartnershipParty.objects.filter(
        status=PartyStatus.ACCEPTED,
        partnership__is_listed=True,
        **{f"{prefix}organisation_id": OuterRef("pk")},
    )


def actor_of(organisation, count=0) -> Actor | None:
    placed = position(organisation)
    if placed is None:
        return None
    return Actor(
        organisation.slug,
        organisation.name,
        organisation.kind,
        str(organisation.country),
        organisation.locality,
        *placed,
        partnerships=count,
    )


COLUMNS = ("id", "slug", "name", "kind", "country", "locality", "latitude", "longitude", "precision")


def map_data(organisations=None, partnerships=None) -> MapData:
    """The actors of ``organisations`` (a queryset of public organisations, all of them by
    default) and the partnerships of ``partnerships`` (public ones) with a party among them."""
    organisations = public_organisations() if organisations is None else organisations.filter(public_q())
    partnerships = public_partnerships() if partnerships is None else partnerships.filter(is_listed=True)
    counted = (
        organisations.order_by()
        .only(*COLUMNS)
        .annotate(
            n=Count(
                "partnership_parties",
                filter=Q(
                    partnership_parties__status=PartyStatus.ACCEPTED,
                    partnership_parties__partnership__is_listed=True,
                ),
            )
        )
        .order_by("-n", "name", "id")
    )
    rows = list(counted[: MAX_POINTS + 1])
    actors_left_out = 0
    if len(rows) > MAX_POINTS:
        rows = rows[:MAX_POINTS]
        actors_left_out = organisations.count() - MAX_POINTS
    actors = {row.pk: actor for row in rows if (actor := actor_of(row, row.n))}
    chosen = (
        partnerships.filter(
            Exists(
                PartnershipParty.objects.filter(
                    partnership_id=OuterRef("pk"),
                    status=PartyStatus.ACCEPTED,
                    organisation_id__in=list(actors),
                )
            )
        )
        .only("id", "key", "name", "status")
        .order_by("name", "id")
    )
    links_rows = list(chosen[: MAX_ARCS + 1])
    links_left_out = 0
    if len(links_rows) > MAX_ARCS:
        links_rows = links_rows[:MAX_ARCS]
        links_left_out = chosen.count() - MAX_ARCS
    parties = (
        PartnershipParty.objects.filter(
            status=PartyStatus.ACCEPTED, partnership_id__in=[p.pk for p in links_rows]
        )
        .filter(public_q("organisation__"))
        .select_related("organisation")
        .only(*(f"organisation__{name}" for name in COLUMNS), "partnership_id", "organisation_id")
        .order_by("organisation__name", "id")
    )
    by_partnership: dict[int, list] = {}
    for party in parties:
        actor = actors.get(party.organisation_id) or actor_of(party.organisation)
        if actor is not None:
            by_partnership.setdefault(party.partnership_id, []).append(actor)
    links = [
        Link(row.key, row.name, row.status, by_partnership.get(row.pk, []))
        for row in links_rows
        if len(by_partnership.get(row.pk, [])) >= 2
    ]
    return MapData(list(actors.values()), links, actors_left_out, links_left_out)


def partnership_map(partnership) -> MapData:
    """One partnership's arc (the partnership page's panel): its public, accepted parties."""
    return map_data(
        organisations=public_organisations().filter(
            Exists(_accepted_listed().filter(partnership_id=partnership.pk))
        ),
        partnerships=public_partnerships().filter(pk=partnership.pk),
    )


@dataclass
class SitePoint:
    key: str
    locality: str
    country: str
    latitude: float
    longitude: float
    precision: str
    project_key: str = ""
    project_name: str = ""
    # A country's sites drawn as one mark (``goal_sites`` past ``SITE_LIMIT``): how many; ``goal``
    # is the goal they were gathered for (the project list's filter).
    count: int = 1
    goal: int | None = None

    @property
    def gathered(self) -> bool:
        """A country's sites as one mark (no single project to open)."""
        return not self.project_key


def site_points(sites, project=None) -> list[SitePoint]:
    """Points for sites (each with its ``project`` loaded, or the given one)."""
    points = []
    for site in sites:
        placed = position(site)
        if placed is None:
            continue
        owner = project or site.project
        points.append(SitePoint(site.key, site.locality, str(site.country), *placed, owner.key, owner.title))
    return points


SITE_LIMIT = 60


def goal_sites(goal_number: int | None = None) -> list[SitePoint]:
    """Where the public projects act (of one goal, if given): their sites, or past
    ``SITE_LIMIT`` one mark per country with its number of sites (a goal's page stays light at
    any size). The count per country is a kept figure (``kept_figures``: read again only after
    a write to the projects' or organisations' tables)."""
    projects = public_projects()
    if goal_number is not None:
        projects = projects.filter(sdg_links__goal__number=goal_number)
    sites = Site.objects.filter(project__in=projects.values("pk"))

    def count():
        counted = sites.order_by().values("country").annotate(n=Count("id")).order_by("-n", "country")
        return [(str(row["country"] or ""), row["n"]) for row in counted]

    per_country = kept_figures(
        f"maps:goal-sites:{goal_number or 'all'}", count, apps=("projects", "partners")
    )
    # The first sites along the primary key (a short index walk at any size), read whether they
    # are drawn or not: the page makes the same queries with few sites and with many.
    rows = list(sites.select_related("project").order_by("id")[:SITE_LIMIT])
    if sum(n for _country, n in per_country) <= SITE_LIMIT:
        return site_points(rows)
    return [
        SitePoint("", "", country, *point, "country", "", "", n, goal=goal_number)
        for country, n in per_country
        if (point := centroids().get(country))
    ]
