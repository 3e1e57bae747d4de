import datetime

import pytest
from django.utils import timezone

from events.models import Event, EventKind, Recommendation, RecommendationSection, Workshop
from events.services import refresh_search_document
from partners.models import Theme
from projects.models import Goal, Project, SDGLink


@pytest.fixture(autouse=True)
def _sdg_reference(request):
    """Tests on a transactional database (the worker's) flush every table, the projects app's
    SDG reference data (loaded by its migration) too: reload it when it is missing."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
    else:
        request.getfixturevalue("db")
    if Goal.objects.count() != 17:
        from projects import reference

        reference.load()


def make_event(
    *, organisers=(), platform_event=False, capacity=None, slug=None, days=30, deadline=None, **extra
):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    event = Event.objects.create(
        slug=slug or f"event-{Event.objects.count() + 1}",
        kind=extra.pop("kind", EventKind.SOLIRIS_DAY),
        title_fr=extra.pop("title_fr", "Journée Soliris"),
        title_es=extra.pop("title_es", "Jornada Soliris"),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=8),
        address="Rue du Lombard 69, 1000 Bruxelles",
        capacity=capacity,
        platform_event=platform_event,
        registration_deadline=deadline,
        **extra,
    )
    event.organisers.set(organisers)
    return event


def make_workshop(event, *, start_hour=10, end_hour=12, capacity=None, title="Atelier", theme=None):
    start = event.starts_at.replace(hour=start_hour)
    return Workshop.objects.create(
        event=event,
        title_fr=title,
        starts_at=start,
        ends_at=start.replace(hour=end_hour),
        capacity=capacity,
        theme=theme,
    )


def make_recommendations(event, count=3, *, section=None, languages=("fr", "nl", "en", "es")):
    section = section or RecommendationSection.objects.create(
        event=event,
        title_fr="Les enjeux du partenariat",
        title_es="Los retos de la alianza",
        introduction_fr="Introduction de la section.",
        position=RecommendationSection.objects.filter(event=event).count() + 1,
    )
    created = []
    start = section.recommendations.count()
    for n in range(start + 1, start + count + 1):
        recommendation = Recommendation.objects.create(
            section=section,
            number=n,
            original_language="fr",
            **{f"text_{code}": f"Recommandation {n} ({code}) co-construite" for code in languages},
        )
        refresh_search_document(recommendation)
        created.append(recommendation)
    return section, created


@pytest.fixture
def theme(db):
    return Theme.objects.create(
        slug="partnership", name_fr="Partenariat", name_es="Alianza", name_nl="Partnerschap"
    )


@pytest.fixture
def event(cast):
    """An upcoming Soliris day organised by Jette (its editors and coordinators organise it)."""
    return make_event(organisers=[cast.jette], slug="journee-soliris-test")


def make_project(cast, title, status, goals, primary, starts_on=None, ends_on=None):
    project = Project.objects.create(
        title=title, proposed_by=cast.jette, status=status, starts_on=starts_on, ends_on=ends_on
    )
    for number in goals:
        SDGLink.objects.create(
            project=project, goal=Goal.objects.get(number=number), is_primary=number == primary
        )
    return project


def projects_of_the_year(cast, year):
    """Three public projects under way in ``year``, and three the report must leave out."""
    make_project(cast, "Sources d'eau", "running", [6, 13], 6, datetime.date(year, 2, 1))
    make_project(cast, "Cours d'école", "selected", [13, 11], 13, datetime.date(year - 1, 9, 1))
    make_project(
        cast,
        "Cantine centrale",
        "completed",
        [2, 13],
        2,
        datetime.date(year - 2, 1, 1),
        datetime.date(year, 3, 1),
    )
    make_project(cast, "Brouillon", "draft", [13], 13, datetime.date(year, 1, 1))
    make_project(
        cast,
        "Terminé avant",
        "completed",
        [13],
        13,
        datetime.date(year - 3, 1, 1),
        datetime.date(year - 1, 12, 31),
    )
    make_project(cast, "Plus tard", "running", [13], 13, datetime.date(year + 1, 1, 1))
