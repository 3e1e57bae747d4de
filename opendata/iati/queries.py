"""What the IATI exports read: public projects and partnerships with everything an activity
shows, in a fixed number of queries whatever their number."""

from django.db.models import Prefetch

from partners.models import PartnershipParty, PartyStatus
from partners.selectors.directory import public_organisations, public_partnerships
from projects.models import FundingLine, PartnershipGoal, ProjectParty, ProjectPartyStatus, SDGLink, Target
from projects.selectors import public_projects


def projects(organisation=None):
    """Public projects, oldest first, with their confirmed parties, sites, goals and targets,
    and funding lines (six queries); only those ``organisation`` is a confirmed party to."""
    queryset = public_projects()
    if organisation is not None:
        queryset = queryset.filter(
            parties__organisation=organisation, parties__status=ProjectPartyStatus.CONFIRMED
        )
    return queryset.order_by("created_at", "id").prefetch_related(
        Prefetch(
            "parties",
            queryset=ProjectParty.objects.filter(status=ProjectPartyStatus.CONFIRMED)
            .select_related("organisation")
            .order_by("invited_at", "id"),
            to_attr="iati_parties",
        ),
        "sites",
        Prefetch(
            "sdg_links",
            queryset=SDGLink.objects.select_related("goal")
            .order_by("-is_primary", "goal__number")
            .prefetch_related(
                Prefetch("targets", queryset=Target.objects.order_by("goal__number", "position"))
            ),
            to_attr="iati_links",
        ),
        Prefetch(
            "funding_lines",
            queryset=FundingLine.objects.select_related("party__organisation").order_by("id"),
            to_attr="iati_lines",
        ),
    )


def partnerships(organisation=None):
    """Listed partnerships with their accepted parties and shared goals (three queries)."""
    queryset = public_partnerships()
    if organisation is not None:
        queryset = queryset.filter(parties__organisation=organisation, parties__status=PartyStatus.ACCEPTED)
    return queryset.order_by("created_at", "id").prefetch_related(
        Prefetch(
            "parties",
            queryset=PartnershipParty.objects.filter(status=PartyStatus.ACCEPTED)
            .select_related("organisation")
            .order_by("invited_at", "id"),
            to_attr="iati_parties",
        ),
        Prefetch("sdg_goals", queryset=PartnershipGoal.objects.select_related("goal"), to_attr="iati_goals"),
    )


def organisations():
    return public_organisations().order_by("name", "id")


def public_organisation(slug: str):
    """The publicly named organisation of that public key, or None."""
    return public_organisations().filter(slug=slug).first()
