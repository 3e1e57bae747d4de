"""The platform's own pages in the benchmark: the home page and a member's dashboard.

They build nothing of their own: each app's section reads the data its ``<app>/bench.py``
built (figures of the directory, open calls, upcoming events; the member's partnerships,
projects and documents). Like ``soliris.urls``, this module is the kernel's top layer: it
reaches the apps (their rows are its pages' floors).
"""

from django.utils import timezone

from events.models import Event, published_q
from partners.bench import BENCH_USER_EMAIL
from partners.models import Partnership, PartyStatus
from soliris.benchkit import Floor, Page


def pages() -> list:
    """The home page read by a visitor, the dashboard read by the bench member, their floors."""
    # The home page's cards: the next events (its figures are counts, its calls three rows).
    upcoming = Event.objects.filter(published_q(), ends_at__gte=timezone.now()).order_by("starts_at")[:3]
    # The dashboard's longest section: the member's partnerships.
    mine = (
        Partnership.objects.filter(
            parties__organisation__slug="bench-00000", parties__status=PartyStatus.ACCEPTED
        )
        .distinct()
        .order_by("name")[:50]
    )
    return [
        Page("soliris", "home page", "/fr/", Floor(upcoming, ("title", "slug", "starts_at"))),
        Page(
            "soliris",
            "dashboard",
            "/fr/dashboard/",
            Floor(mine, ("name", "key", "status")),
            user=BENCH_USER_EMAIL,
        ),
    ]
