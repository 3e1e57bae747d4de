"""The API's data for the tests (rows of every kind, a world with a private and an unverified
organisation among public ones) and the visibility walk over every list and detail."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from conventions import services as convention_services
from conventions.models import Document, DocumentKind, Signature, Version, VersionStatus
from events.models import (
    Endorsement,
    Event,
    FollowUpNote,
    Recommendation,
    RecommendationSection,
    RecommendationStatus,
    Workshop,
)
from partners.models import (
    Organisation,
    Partnership,
    PartnershipParty,
    PartnershipVisibility,
    PartyStatus,
    Theme,
    Visibility,
)
from partners.services.common import refresh_partnership_search_text
from projects.models import (
    Call,
    FundingLine,
    Goal,
    Project,
    ProjectParty,
    ProjectPartyStatus,
    ProjectStatus,
    SDGLink,
    Site,
    Submission,
    SubmissionStatus,
)
from tests.conftest import PASSWORD
from tests.conventions.conftest import make_document

pytestmark = pytest.mark.django_db

API = "/api/v1/"
HIDDEN = "an organisation that has not made its profile public"
LISTS = [
    "organisations",
    "partnerships",
    "projects",
    "calls",
    "events",
    "recommendations",
    "conventions",
    "sdgs",
]


def get_json(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, (path, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def api_path(url: str) -> str:
    return url.split("127.0.0.1:8000", 1)[-1] if "://" in url else url


# --- Rows of every kind, n at a time (the query-count tests) ------------------------------


def make_organisation(n: int, *, visibility=Visibility.PUBLIC, verified=True, country="BE") -> Organisation:
    organisation = Organisation.objects.create(
        slug=f"api-org-{n}",
        name=f"API organisation {n}",
        kind="commune",
        country=country,
        locality=f"Locality {n}",
        description_fr=f"Description {n}",
        visibility=visibility,
        verified_at=timezone.now() if verified else None,
    )
    theme, _ = Theme.objects.get_or_create(slug="api-water", defaults={"name_fr": "Eau", "name_en": "Water"})
    organisation.themes.add(theme)
    return organisation


def make_partnership(n: int, organisations) -> Partnership:
    partnership = Partnership.objects.create(
        name=f"API partnership {n}",
        kind="association",
        initiated_by=organisations[0],
        description_fr="Ensemble",
    )
    for organisation in organisations:
        PartnershipParty.objects.create(
            partnership=partnership, organisation=organisation, status=PartyStatus.ACCEPTED, role="Partenaire"
        )
    refresh_partnership_search_text(partnership)
    return partnership


def make_project(n: int, organisations, *, status=ProjectStatus.RUNNING) -> Project:
    project = Project.objects.create(
        title_fr=f"Projet API {n}", summary_fr="Résumé", proposed_by=organisations[0], status=status
    )
    parties = [
        ProjectParty.objects.create(
            project=project,
            organisation=o,
            status=ProjectPartyStatus.CONFIRMED,
            role="Rôle",
            contribution="Temps",
        )
        for o in organisations
    ]
    Site.objects.create(project=project, country="BE", locality="Jette", change="Un jardin")
    link = SDGLink.objects.create(project=project, goal=Goal.objects.get(number=6), is_primary=True)
    link.targets.set(Goal.objects.get(number=6).targets.all()[:2])
    for party in parties:
        FundingLine.objects.create(
            project=project, party=party, amount=100, label=f"Part {party.organisation.slug}"
        )
    FundingLine.objects.create(project=project, funder_name="Fonds extérieur", amount=50)
    return project


def make_call(n: int, publisher, laureate) -> Call:
    now = timezone.now()
    call = Call.objects.create(
        title_fr=f"Appel API {n}",
        publisher=publisher,
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=3),
    )
    call.goals.set(Goal.objects.filter(number__in=[5, 6]))
    if laureate is not None:
        Submission.objects.create(call=call, project=laureate, status=SubmissionStatus.SELECTED)
    return call


def make_event(n: int, organisers) -> Event:
    start = timezone.now() + timedelta(days=10 + n)
    event = Event.objects.create(
        slug=f"api-event-{n}",
        title_fr=f"Journée API {n}",
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        platform_event=not organisers,
    )
    event.organisers.set(organisers)
    Workshop.objects.create(
        event=event,
        title_fr=f"Atelier {n}",
        starts_at=start + timedelta(hours=1),
        ends_at=start + timedelta(hours=2),
    )
    return event


def make_recommendation(n: int, event, endorsers) -> Recommendation:
    section, _ = RecommendationSection.objects.get_or_create(
        event=event, title_fr="Agir ensemble", position=0
    )
    recommendation = Recommendation.objects.create(
        section=section, number=n, text_fr=f"Recommandation {n}", status=RecommendationStatus.ADOPTED
    )
    recommendation.sdg_goals.set(Goal.objects.filter(number=6))
    for organisation in endorsers:
        Endorsement.objects.create(recommendation=recommendation, organisation=organisation)
    FollowUpNote.objects.create(
        recommendation=recommendation, status=RecommendationStatus.ADOPTED, text="Adoptée"
    )
    return recommendation


def make_published_convention(n: int, partnership, user, signers) -> Document:
    """A signed, published document written straight into the tables (the services' way is
    ``published_convention`` below, slower)."""
    document = Document.objects.create(
        kind=DocumentKind.CONVENTION,
        title=f"Convention API {n}",
        partnership=partnership,
        authentic_languages=["fr"],
    )
    now = timezone.now()
    snapshot = {
        "title": document.title,
        "authentic_languages": ["fr"],
        "clauses": [
            {
                "key": f"clause{n}",
                "original_language": "fr",
                "texts": {"fr": {"heading": "Article 1", "body": "Texte", "state": 20, "is_original": True}},
            }
        ],
    }
    version = Version.objects.create(
        document=document,
        number=1,
        status=VersionStatus.SIGNED,
        snapshot=snapshot,
        proposed_by=user,
        proposed_by_name="Someone",
        proposed_at=now,
        signed_at=now,
    )
    for organisation in signers:
        Signature.objects.create(
            version=version,
            organisation=organisation,
            user=user,
            signer_name="Signer",
            signer_function="Mayor",
            organisation_name=organisation.name,
            consent=True,
            signed_at=now,
        )
    Document.objects.filter(pk=document.pk).update(published_version=version, published_at=now)
    return document


def grow(n: int, make_user, start: int = 1000) -> None:
    """``n`` public rows of every kind, each with its relations, numbered from ``start``."""
    user = make_user()
    for i in range(start, start + n):
        a = make_organisation(2 * i)
        b = make_organisation(2 * i + 1, country="BO")
        partnership = make_partnership(i, [a, b])
        project = make_project(i, [a, b])
        make_call(i, a, project)
        event = make_event(i, [a, b])
        make_recommendation(1, event, [a, b])
        make_published_convention(i, partnership, user, [a, b])


# --- A world with organisations the public may not name -----------------------------------


def published_convention(cast):
    document = make_document(cast, clauses=2, title="Convention de coopération")
    version = convention_services.version_propose(actor=cast.user("party_editor"), document=document)
    for role in ("party_coordinator", "partner_coordinator"):
        convention_services.version_approve(actor=cast.user(role), version=version)
    for role, function in (("party_coordinator", "Échevine"), ("partner_coordinator", "Alcalde")):
        convention_services.version_sign(
            actor=cast.user(role), version=version, consent=True, password=PASSWORD, function=function
        )
    for role in ("party_coordinator", "partner_coordinator"):
        convention_services.document_publish(actor=cast.user(role), document=document)
    document.refresh_from_db()
    return document


# What must never appear in any answer once Tarija is private and STADD unverified.
SECRETS = [
    "Municipio de Tarija",
    "cast-tarija",
    '"BO"',
    "Alcalde",
    "coordinador",
    "STADD",
    "cast-stadd",
    '"TG"',
    "Lom",
]


@pytest.fixture
def world(cast, make_user):
    cast.partnership.name = "Jette et ses partenaires"
    cast.partnership.save()
    convention = published_convention(cast)  # signed by Jette and Tarija, while both were public
    Organisation.objects.filter(pk=cast.tarija.pk).update(visibility=Visibility.PRIVATE)
    Organisation.objects.filter(pk=cast.stadd.pk).update(verified_at=None)
    PartnershipParty.objects.filter(partnership=cast.partnership, organisation=cast.stadd).update(
        status=PartyStatus.ACCEPTED
    )
    refresh_partnership_search_text(cast.partnership)
    assert not Partnership.objects.get(pk=cast.partnership.pk).is_listed  # the directory's own rule
    # Listed nonetheless: the API must not name its hidden parties even then.
    Partnership.objects.filter(pk=cast.partnership.pk).update(is_listed=True)
    hidden = [cast.tarija, cast.stadd]
    everyone = [cast.jette, *hidden]
    project = make_project(1, everyone)
    project.partnership = cast.partnership
    project.save()
    call = make_call(1, cast.tarija, project)  # a verified publisher, its profile private
    event = make_event(1, everyone)
    recommendation = make_recommendation(1, event, everyone)
    private_partnership = make_partnership(2, [cast.jette, cast.periferia])
    Partnership.objects.filter(pk=private_partnership.pk).update(
        visibility=PartnershipVisibility.PARTIES, is_listed=False
    )
    draft = make_project(2, [cast.jette], status=ProjectStatus.DRAFT)
    unpublished = make_document(cast, clauses=1, title="Brouillon")
    return {
        "public": {
            "organisations": cast.jette.slug,
            "partnerships": cast.partnership.key,
            "projects": project.key,
            "calls": call.key,
            "events": event.slug,
            "recommendations": recommendation.key,
            "conventions": convention.key,
            "sdgs": "6",
        },
        "not_public": [
            f"organisations/{cast.tarija.slug}/",
            f"organisations/{cast.stadd.slug}/",
            f"partnerships/{private_partnership.key}/",
            f"projects/{draft.key}/",
            f"conventions/{unpublished.key}/",
            "organisations/no-such-organisation/",
            "projects/nosuchkey/",
            "sdgs/18/",
        ],
    }


def every_answer(client, world) -> list[str]:
    texts = []
    for lang in ("", "?lang=es", "?lang=fr"):
        for name in LISTS:
            texts.append(client.get(f"{API}{name}/{lang}").content.decode())
            texts.append(client.get(f"{API}{name}/{world['public'][name]}/{lang}").content.decode())
    return texts


def test_no_answer_names_a_private_or_unverified_organisation(client, world):
    answers = every_answer(client, world)
    assert all(json.loads(text) for text in answers)
    text = "\n".join(answers)
    for secret in SECRETS:
        assert secret not in text, secret
    assert "Commune de Jette" in text  # the public party is named


def test_hidden_parties_appear_as_the_neutral_label_only(client, world):
    partnership = get_json(client, f"{API}partnerships/{world['public']['partnerships']}/?lang=en")
    hidden = [party for party in partnership["parties"] if not party["named"]]
    assert len(hidden) == 2 and len(partnership["parties"]) == 3
    for party in hidden:
        assert party == {
            "named": False,
            "name": HIDDEN,
            "organisation": None,
            "role": None,
            "decision_level": None,
            "financial_share": None,
            "contributions": None,
        }
    project = get_json(client, f"{API}projects/{world['public']['projects']}/?lang=en")
    assert [p["named"] for p in project["parties"]].count(False) == 2
    hidden_lines = [line for line in project["funding_lines"] if line["source"] == HIDDEN]
    assert len(hidden_lines) == 2 and all(line["label"] == "" for line in hidden_lines)
    call = get_json(client, f"{API}calls/{world['public']['calls']}/?lang=en")
    assert call["publisher"] == HIDDEN and call["publisher_organisation"] is None
    assert [laureate["key"] for laureate in call["laureates"]] == [world["public"]["projects"]]
    recommendation = get_json(client, f"{API}recommendations/{world['public']['recommendations']}/")
    assert [o["slug"] for o in recommendation["endorsements"]["organisations"]] == ["cast-jette"]
    assert recommendation["endorsements"]["others"] == 2
    convention = get_json(client, f"{API}conventions/{world['public']['conventions']}/?lang=en")
    signatures = sorted(convention["signatures"], key=lambda s: s["organisation"])
    assert signatures[0]["organisation"] == "Commune de Jette" and signatures[0]["function"] == "Échevine"
    assert signatures[1] == {**signatures[1], "name": "", "function": ""}
    assert convention["authentic_languages"] == ["fr", "es"]
    key = world["public"]["conventions"]
    assert convention["links"]["html"] == f"http://127.0.0.1:8000/en/conventions/{key}/public/"
    assert convention["signed_pdf"] in (None, f"http://127.0.0.1:8000/en/conventions/{key}/public/signed.pdf")
    in_english = convention["clauses"][0]["texts"]  # not translated into English: the original
    assert (in_english["language"], in_english["fallback"], in_english["state"]) == ("fr", True, "missing")
    clause = get_json(client, f"{API}conventions/{key}/")["clauses"][0]["texts"]
    assert clause["es"]["state"] == "up_to_date" and not clause["es"]["fallback"]
    assert clause["nl"] == {**clause["fr"], "fallback": True, "state": "missing"}


def test_the_organisation_list_leaves_out_private_and_unverified_ones(client, world):
    slugs = [o["slug"] for o in get_json(client, f"{API}organisations/")["results"]]
    assert "cast-jette" in slugs and "cast-periferia" in slugs
    assert "cast-tarija" not in slugs and "cast-stadd" not in slugs


def test_what_is_not_public_is_the_same_json_404_as_what_does_not_exist(client, world):
    answers = set()
    for path in world["not_public"]:
        response = client.get(API + path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        answers.add(response.content)
    assert answers == {b'{"detail":"Not found."}'}


@pytest.mark.parametrize(
    "path", ["nowhere/", "projects/%00/", "projects/" + "a" * 300 + "/", "organisations/x%20y/", "sdgs/abc/"]
)
def test_a_forged_address_is_a_json_404(client, path):
    response = client.get(API + path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
