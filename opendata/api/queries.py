"""What each endpoint reads: the apps' public selectors, with every relation a row shows
loaded in a constant number of queries."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from conventions.models import Document
from conventions.models import Signature as ConventionSignature
from events.models import FollowUpNote, Workshop
from events.selectors import published_events, published_recommendations
from partners.models import PartnershipParty, PartyStatus, Theme
from partners.selectors import accepted_parties_prefetch, public_organisations, public_partnerships
from projects.models import (
    PUBLIC_STATUSES,
    FundingLine,
    Goal,
    PartnershipGoal,
    ProjectParty,
    ProjectPartyStatus,
    SDGLink,
    Site,
    Submission,
    SubmissionStatus,
    Target,
)
from projects.selectors import public_projects, published_calls


def _count(queryset, column: str = "organisation"):
    counted = (
        queryset.filter(**{column: OuterRef("pk")})
        .order_by()
        .values(column)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _themes(to_attr: str = "listed_themes"):
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "slug"), to_attr=to_attr)


def organisations():
    listed = PartnershipParty.objects.filter(
        status=PartyStatus.ACCEPTED, partnership__in=public_partnerships()
    )
    confirmed = ProjectParty.objects.filter(
        status=ProjectPartyStatus.CONFIRMED, project__status__in=PUBLIC_STATUSES
    )
    return (
        public_organisations()
        .annotate(public_partnership_count=_count(listed), public_project_count=_count(confirmed))
        .prefetch_related(_themes())
    )


def partnerships():
    return public_partnerships().prefetch_related(
        accepted_parties_prefetch(),
        Prefetch(
            "sdg_goals",
            queryset=PartnershipGoal.objects.select_related("goal").order_by("goal__number"),
            to_attr="shared_goals",
        ),
    )


def projects():
    return (
        public_projects()
        .select_related("partnership")
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=ProjectParty.objects.filter(status=ProjectPartyStatus.CONFIRMED).select_related(
                    "organisation"
                ),
                to_attr="confirmed_parties",
            ),
            Prefetch("sites", queryset=Site.objects.order_by("id"), to_attr="listed_sites"),
            Prefetch(
                "sdg_links",
                queryset=SDGLink.objects.select_related("goal")
                .prefetch_related(
                    Prefetch("targets", queryset=Target.objects.order_by("goal__number", "position"))
                )
                .order_by("-is_primary", "goal__number"),
                to_attr="listed_sdg_links",
            ),
            Prefetch(
                "funding_lines",
                queryset=FundingLine.objects.select_related("party__organisation").order_by("id"),
                to_attr="listed_funding",
            ),
        )
    )


def calls():
    laureates = (
        Submission.objects.filter(status=SubmissionStatus.SELECTED, project__status__in=PUBLIC_STATUSES)
        .select_related("project")
        .order_by("submitted_at", "id")
    )
    return (
        published_calls()
        .select_related("publisher")
        .prefetch_related(
            Prefetch("goals", queryset=Goal.objects.order_by("number")),
            Prefetch("submissions", queryset=laureates, to_attr="listed_laureates"),
        )
    )


def events():
    return published_events().prefetch_related(
        Prefetch(
            "workshops",
            queryset=Workshop.objects.select_related("theme").order_by("starts_at", "id"),
            to_attr="listed_workshops",
        )
    )


def recommendations():
    """Published recommendations (their themes, goals and active endorsements loaded by the
    selector), with their follow-up notes."""
    return published_recommendations().prefetch_related(
        Prefetch("notes", queryset=FollowUpNote.objects.order_by("created_at", "id"))
    )


def conventions():
    """Documents their parties jointly published (``conventions.selectors.published_document``)."""
    return (
        Document.objects.filter(published_version__isnull=False)
        .select_related("published_version__pdf_job")
        .prefetch_related(
            Prefetch(
                "published_version__signatures",
                queryset=ConventionSignature.objects.select_related("organisation").order_by(
                    "signed_at", "id"
                ),
            )
        )
    )


def goals():
    return Goal.objects.prefetch_related(
        Prefetch("targets", queryset=Target.objects.order_by("position", "id"), to_attr="listed_targets")
    )
