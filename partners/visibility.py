"""What the public may see of an organisation: one rule, used wherever a name is shown.

An organisation is *publicly named* when it is verified by the platform and has made its
profile public. Any other organisation is, to the public and on every public page, list,
export, feed, PDF and API, "an organisation that has not made its profile public":
counted, never named — not its name, country, locality, role or contribution.

Signed-in people see more where ``partners.permissions.can_view_organisation`` allows it
(their own organisations, their partners'): forms that offer organisations use
:func:`organisations_offered_to`.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from partners.models import Organisation, PartnershipParty, PartyStatus, Visibility
from partners.permissions import can_view_organisation, organisation_is_public, roles_by_organisation

HIDDEN_NAME = _("an organisation that has not made its profile public")


def public_q(prefix: str = "") -> Q:
    """The rule as a filter; ``prefix`` reaches the organisation through a relation
    (``"organisation__"`` on a party, an endorsement…)."""
    return Q(**{f"{prefix}visibility": Visibility.PUBLIC, f"{prefix}verified_at__isnull": False})


def is_publicly_named(organisation) -> bool:
    return organisation_is_public(organisation)


def shown_name(organisation, user=None) -> str:
    """The organisation's name if ``user`` (anonymous by default: the public) may see it,
    otherwise the neutral label. For public pages and PDFs, pass no user."""
    if organisation_is_public(organisation) or (
        user is not None and can_view_organisation(user, organisation)
    ):
        return organisation.name
    return str(HIDDEN_NAME)


def split_public(organisations) -> tuple[list, int]:
    """(the organisations the public may see, how many others): for a public list that
    names the first and counts the rest."""
    shown, hidden = [], 0
    for organisation in organisations:
        if organisation_is_public(organisation):
            shown.append(organisation)
        else:
            hidden += 1
    return shown, hidden


def organisations_offered_to(user, queryset=None):
    """The organisations a form may offer ``user`` (to invite, to pick as a party): the
    publicly named ones, plus those the user may see (their own, their partners': the rule of
    ``partners.permissions.can_view_organisation``)."""
    queryset = queryset if queryset is not None else Organisation.objects.all()
    if getattr(user, "is_staff", False):
        return queryset
    if not getattr(user, "is_authenticated", False):
        return queryset.filter(public_q())
    mine = list(roles_by_organisation(user))
    live = [PartyStatus.ACCEPTED, PartyStatus.INVITED]
    partners = PartnershipParty.objects.filter(
        status__in=live,
        partnership__parties__organisation_id__in=mine,
        partnership__parties__status__in=live,
    ).values("organisation_id")
    return queryset.filter(
        public_q()
        | Q(pk__in=mine)
        | Q(visibility=Visibility.MEMBERS, verified_at__isnull=False)
        | Q(pk__in=partners)
    )


def hidden_count_label(count: int) -> str:
    """ "2 organisations that have not made their profile public": how a public list counts
    the organisations it may not name ("" when none)."""
    if not count:
        return ""
    return ngettext(
        "%(count)s organisation that has not made its profile public",
        "%(count)s organisations that have not made their profile public",
        count,
    ) % {"count": count}


def public_label(organisations, *, with_country=None) -> str:
    """The organisations as a public list names them: the publicly named ones (with their
    country through ``with_country(org)`` when given), then how many others, never named."""
    shown, hidden = split_public(organisations)
    parts = [f"{o.name} ({with_country(o)})" if with_country else o.name for o in shown]
    if hidden:
        parts.append(hidden_count_label(hidden))
    return " · ".join(parts)
