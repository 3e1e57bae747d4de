"""Demo organisations, members and partnerships drawn from the seed documents (../shared/seeds),
by sub-domain; ``seed`` is what ``manage.py seed_demo`` runs (idempotent)."""

from partners.demo.checkins import seed_checkins
from partners.demo.exchanges import seed_exchanges
from partners.demo.members import seed_memberships
from partners.demo.narratives import seed_narratives
from partners.demo.organisations import seed_organisations
from partners.demo.partnerships import seed_partnerships
from partners.services import refresh_organisation_search_text


def seed(log, context: dict) -> None:
    organisations = seed_organisations(log, context)
    seed_memberships(log, context, organisations)
    partnerships = seed_partnerships(log, context, organisations)
    context["partnerships"] = partnerships
    seed_exchanges(log, partnerships, organisations, context)
    seed_checkins(log, partnerships, context)
    seed_narratives(log, partnerships, context)
    for organisation in organisations.values():
        refresh_organisation_search_text(organisation)
