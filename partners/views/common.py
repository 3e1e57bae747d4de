"""What the partnership pages share: the redirect to the partnership, a party by its slug."""

from django.http import Http404
from django.shortcuts import redirect

from partners.models import Organisation, PartyStatus
from partners.permissions import get_partnership_for_user
from partners.visibility import organisations_offered_to


def detail(partnership, anchor=""):
    """Back to the partnership's page (at ``anchor``)."""
    response = redirect("partners:partnership_detail", key=partnership.key)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def party_of(request, key, slug, statuses):
    """The party of organisation ``slug``, for a visitor who may see the partnership."""
    partnership = get_partnership_for_user(request.user, key)
    party = next(
        (p for p in partnership.parties.all() if p.status in statuses and p.organisation.slug == slug), None
    )
    if party is None:
        raise Http404
    return partnership, party


def accepted_organisations(partnership, user):
    """The organisations of the accepted parties that ``user`` may know of, by name (the
    exchange forms' choices)."""
    return organisations_offered_to(
        user,
        Organisation.objects.filter(
            partnership_parties__partnership=partnership, partnership_parties__status=PartyStatus.ACCEPTED
        ),
    ).order_by("name")
