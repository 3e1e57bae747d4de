"""How the registry's data maps onto IATI 2.03: identifiers and codelists.

Identifiers (https://iatistandard.org/en/guidance/standard-guidance/organisation-identifiers/):

- the platform reports every activity as a *secondary reporter* (it reproduces the data of
  its parties, none of which "leads" a shared project): its identifier is
  ``SOLIRIS_IATI_REPORTING_ORG_REF`` (to be replaced by the one IATI assigns when the
  platform registers as a publisher);
- an organisation has no registration number in the registry (the model stores none), so
  its identifier is the platform's identifier, "-", and its public key (``slug``), never a
  database id: ``XI-IATI-SOLIRIS-commune-de-jette``;
- an activity is the platform's identifier, "-", and the project's or partnership's public
  key: ``XI-IATI-SOLIRIS-k3m9x2p7qa``.
"""

from django.conf import settings

from partners.models import DecisionLevel, OrganisationKind, PartnershipStatus
from projects.models import ProjectStatus

VERSION = "2.03"


def reporting_ref() -> str:
    return settings.SOLIRIS_IATI_REPORTING_ORG_REF


def reporting_type() -> str:
    return settings.SOLIRIS_IATI_REPORTING_ORG_TYPE


def reporting_name() -> str:
    return settings.SOLIRIS_IATI_REPORTING_ORG_NAME


def organisation_identifier(organisation) -> str:
    return f"{reporting_ref()}-{organisation.slug}"


def activity_identifier(key: str) -> str:
    return f"{reporting_ref()}-{key}"


# OrganisationType codelist: 11 Local Government, 15 Other Public Sector, 22 National NGO,
# 70 Private Sector, 80 Academic, Training and Research, 90 Other.
ORGANISATION_TYPE = {
    OrganisationKind.COMMUNE: "11",
    OrganisationKind.ASSOCIATION: "22",
    OrganisationKind.DIASPORA: "22",
    OrganisationKind.NGO: "22",
    OrganisationKind.ADVISORY_COUNCIL: "15",
    OrganisationKind.PUBLIC_INSTITUTION: "15",
    OrganisationKind.NETWORK: "22",
    OrganisationKind.UNIVERSITY: "80",
    OrganisationKind.SSE: "70",
    OrganisationKind.CITIZEN_COLLECTIVE: "90",
}


def organisation_type(organisation) -> str:
    return ORGANISATION_TYPE.get(organisation.kind, "90")


# OrganisationRole codelist.
FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING = "1", "2", "3", "4"


def party_roles(party, *, funds: bool) -> list[str]:
    """The IATI roles of a (confirmed or accepted) party: every party carries the activity
    out (Implementing); a party that co-decides answers for it too (Accountable); a party
    that puts money or work in funds it (Funding). Nothing in the registry maps to
    Extending (an organisation managing a funder's budget on its behalf)."""
    roles = [IMPLEMENTING]
    if party.decision_level == DecisionLevel.CO_DECIDES:
        roles.append(ACCOUNTABLE)
    if funds:
        roles.append(FUNDING)
    return sorted(roles)


# ActivityStatus codelist: 1 Pipeline/identification, 2 Implementation, 3 Finalisation,
# 4 Closed, 6 Suspended.
PROJECT_STATUS = {
    ProjectStatus.SUBMITTED: "1",
    ProjectStatus.SELECTED: "1",
    ProjectStatus.RUNNING: "2",
    ProjectStatus.COMPLETED: "3",
    ProjectStatus.EVALUATED: "4",
}
PARTNERSHIP_STATUS = {
    PartnershipStatus.EXPLORING: "1",
    PartnershipStatus.ACTIVE: "2",
    PartnershipStatus.PAUSED: "6",
    PartnershipStatus.ENDED: "4",
}
# The statuses in which a project or partnership has actually started, or ended.
PROJECT_STARTED = {ProjectStatus.RUNNING, ProjectStatus.COMPLETED, ProjectStatus.EVALUATED}
PROJECT_ENDED = {ProjectStatus.COMPLETED, ProjectStatus.EVALUATED}
PARTNERSHIP_STARTED = {PartnershipStatus.ACTIVE, PartnershipStatus.PAUSED, PartnershipStatus.ENDED}
PARTNERSHIP_ENDED = {PartnershipStatus.ENDED}

# ActivityDateType codelist.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"

# Vocabularies of ``tag``: 2 UN Sustainable Development Goals, 3 their targets.
SDG_GOAL_VOCABULARY, SDG_TARGET_VOCABULARY = "2", "3"

# DocumentCategory A12: Activity web page.
WEB_PAGE_CATEGORY = "A12"
