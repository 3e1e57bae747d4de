"""Who may do what with events and recommendations.

- Events, their programme and their recommendations are public.
- The organisers of an event are the editors and coordinators of its organising
  organisations, plus the platform's staff for an event organised by the platform. Only
  they edit the event, record recommendations and their follow-up, see the attendees and
  export the booklet.
- An event is public once published: organised by the platform or by at least one
  organisation the platform has verified. Until then only its organisers (and the
  platform's staff, who verify) know it exists: 404 to everyone else.
- A coordinator endorses a recommendation on behalf of their organisation, and withdraws it.
- The platform's staff ask for the annual report.
"""

import rules
from django.core.exceptions import PermissionDenied

from events.models import Event, Recommendation
from partners.models import Role
from partners.permissions import at_least, role_in, roles_by_organisation
from soliris.permissions import NotKnown, declare, has


def organiser_ids(event) -> list[int]:
    return [organisation.pk for organisation in event.organisers.all()]


@rules.predicate
def is_organiser(user, event) -> bool:
    if not getattr(user, "is_authenticated", False) or event is None:
        return False
    if event.platform_event and user.is_staff:
        return True
    return at_least(role_in(user, organiser_ids(event)), Role.EDITOR)


def may_know_event(user, event) -> bool:
    """Whether ``user`` may know the event exists: it is published, or they organise it, or
    they are the platform's staff."""
    return event.is_published or getattr(user, "is_staff", False) or is_organiser(user, event)


@rules.predicate
def may_organise_events(user) -> bool:
    """Staff (platform events) and the editors/coordinators of any organisation."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or any(at_least(role, Role.EDITOR) for role in roles_by_organisation(user).values())


def organisations_organised_by(user) -> list[int]:
    """Ids of the organisations in whose name the user may organise (editor or coordinator)."""
    return [pk for pk, role in roles_by_organisation(user).items() if at_least(role, Role.EDITOR)]


def coordinated_organisation_ids(user) -> list[int]:
    return [pk for pk, role in roles_by_organisation(user).items() if role == Role.COORDINATOR]


@rules.predicate
def is_coordinator_somewhere(user) -> bool:
    return bool(coordinated_organisation_ids(user))


@rules.predicate
def is_signed_in(user) -> bool:
    return getattr(user, "is_authenticated", False)


@rules.predicate
def is_recommendation_organiser(user, recommendation) -> bool:
    """An organiser of the event the recommendation was gathered at."""
    return recommendation is not None and is_organiser(user, recommendation.section.event)


declare("events.event:create", may_organise_events)
declare("events.event:view", rules.always_allow)
declare("events.event:edit", is_organiser)
declare("events.event:see_attendees", is_organiser)
declare("events.event:record_recommendations", is_organiser)
declare("events.event:export", is_organiser)
declare("events.event:register", is_signed_in)
declare("events.recommendation:view", rules.always_allow)
declare("events.recommendation:edit", is_recommendation_organiser)
declare("events.recommendation:follow_up", is_recommendation_organiser)
declare("events.recommendation:endorse", is_coordinator_somewhere)
declare("events.recommendation:withdraw", is_coordinator_somewhere)
declare("events.annual_report:request", rules.is_staff)


def get_event_for_user(user, slug: str, perm: str = "events.event:view", queryset=None):
    """The event (public: 404 only when it does not exist), 403 without ``perm`` (a name
    nobody declared raises :class:`~soliris.permissions.UnknownPermission`)."""
    queryset = queryset if queryset is not None else Event.objects.all()
    event = queryset.prefetch_related("organisers").filter(slug=slug).first()
    if event is None or not may_know_event(user, event):
        raise NotKnown
    if not has(user, perm, event):
        raise PermissionDenied
    return event


def get_recommendation_for_user(user, key: str, perm: str = "events.recommendation:view", queryset=None):
    """The recommendation (public: 404 only when it does not exist), 403 without ``perm``."""
    queryset = queryset if queryset is not None else Recommendation.objects.all()
    recommendation = (
        queryset.select_related("section__event")
        .prefetch_related("section__event__organisers")
        .filter(key=key)
        .first()
    )
    if recommendation is None or not may_know_event(user, recommendation.section.event):
        raise NotKnown
    if not has(user, perm, recommendation):
        raise PermissionDenied
    return recommendation
