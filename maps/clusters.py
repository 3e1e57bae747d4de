"""Dense maps stay light: past ``DENSE_POINTS`` organisations in a view, those of one country
that fall in one cell of a grid over the view are drawn as one mark with their number, and
past ``DENSE_ARCS`` partnerships, those joining the same two marks as one line with theirs.

A registry of ten thousand organisations would otherwise send a thousand points and a
thousand arcs, and their tables, to a phone: 1.7 MB for a picture no one can read. A mark of
several leads to the directory of their country, a line of several to the partnerships of
the country at its far end; both tables list the marks and lines as they are drawn. Pure
functions over ``selectors``' rows, no query.
"""

from collections import Counter
from dataclasses import dataclass, field

from maps.projection import project

DENSE_POINTS = 150
DENSE_ARCS = 150
CELLS = 40  # cells across the view's width


@dataclass
class Group:
    """Organisations of one country drawn as one mark: ``actors`` most partnerships first."""

    country: str
    actors: list = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0

    @property
    def size(self) -> int:
        return len(self.actors)

    @property
    def main(self):
        return self.actors[0]

    @property
    def partnerships(self) -> int:
        return sum(actor.partnerships for actor in self.actors)

    @property
    def place(self) -> str:
        """Where the mark stands, in words: its main organisation's locality."""
        return self.main.locality

    @property
    def position(self) -> tuple[float, float]:
        """(latitude, longitude) of the mark: the mean of its organisations' (close together)."""
        return (
            sum(actor.latitude for actor in self.actors) / self.size,
            sum(actor.longitude for actor in self.actors) / self.size,
        )


def group_actors(actors, box) -> list[Group]:
    """``actors`` gathered per country and cell of a grid ``CELLS`` wide over ``box`` (the
    view's x, y, width, height), largest first; a group of one is one organisation."""
    cell = box[2] / CELLS
    groups: dict[tuple, Group] = {}
    for actor in sorted(actors, key=lambda a: (-a.partnerships, a.name)):
        x, y = project(actor.latitude, actor.longitude)
        group = groups.setdefault((actor.country, int(x // cell), int(y // cell)), Group(actor.country))
        group.actors.append(actor)
        group.x += x
        group.y += y
    for group in groups.values():
        group.x /= group.size
        group.y /= group.size
    return sorted(groups.values(), key=lambda g: (-g.size, -g.partnerships, g.main.name))


@dataclass
class Bundle:
    """Partnerships joining the same two marks, drawn as one line."""

    ends: tuple  # two Groups, the one of more organisations first
    links: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.links)

    @property
    def far_country(self) -> str:
        """The country its line leads to: the end's of fewer organisations (abroad, mostly)."""
        return self.ends[1].country

    def statuses(self) -> list[tuple[str, int]]:
        """(status, how many), most first."""
        return Counter(link.status for link in self.links).most_common()


def bundle_links(links, groups) -> list[Bundle]:
    """``links`` gathered by the two marks they join (of ``groups``), most first. A
    partnership whose parties all sit in one mark draws no line (the mark counts it)."""
    group_of = {actor.slug: group for group in groups for actor in group.actors}
    rank = {id(group): index for index, group in enumerate(groups)}
    bundles: dict[tuple, Bundle] = {}
    for link in links:
        ends = {id(g): g for party in link.parties if (g := group_of.get(party.slug)) is not None}
        if len(ends) < 2:
            continue
        ordered = sorted(ends.values(), key=lambda g: rank[id(g)])
        for other in ordered[1:]:  # each to the mark of most organisations, as pairs() does
            key = (id(ordered[0]), id(other))
            bundles.setdefault(key, Bundle((ordered[0], other))).links.append(link)
    return sorted(bundles.values(), key=lambda b: (-b.count, b.ends[0].main.name, b.ends[1].main.name))
