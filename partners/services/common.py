"""What the services of every sub-domain share: the permission guard, the coordinators of an
organisation, and the search text kept current after a change."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify

from partners.models import Membership, Organisation, Partnership, PartyStatus, Role
from partners.permissions import public_partnership_q
from partners.search_text import organisation_document, partnership_document
from partners.selectors import forget_listed_counts
from partners.signals import organisation_changed
from soliris import constraints
from soliris.keys import new_key


def require(condition: bool) -> None:
    """The service's own rule, checked whatever the view did: refuse with a 403."""
    if not condition:
        raise PermissionDenied


# The field each constraint of partners is about, by the constraint's violation_error_code:
# its message is shown on that field of the form.
CONSTRAINT_FIELDS = {
    "ends_before_start": "ended_on",
    "already_party": "organisation",
}


def errors_on_fields(error: ValidationError) -> ValidationError:
    """A model's ``ValidationError`` with each constraint's message moved onto its field."""
    return constraints.on_fields(error, CONSTRAINT_FIELDS)


def full_clean(instance, **kwargs) -> None:
    """``instance.full_clean()``; a broken constraint speaks on its field, in the reader's language."""
    constraints.full_clean(instance, CONSTRAINT_FIELDS, **kwargs)


def differs(old, new) -> bool:
    """Whether saving ``new`` over ``old`` changes something (an empty text over a missing
    translation changes nothing)."""
    if old in (None, "") and new in (None, ""):
        return False
    return old != new


def coordinators_of(organisation):
    today = timezone.localdate()
    return [
        m.user
        for m in organisation.memberships.filter(
            role=Role.COORDINATOR, active_until__isnull=True, active_from__lte=today, user__is_active=True
        ).select_related("user")
    ]


def members_of(organisation_ids, *, roles=None) -> list:
    """The active members (of ``roles``, or any role) of the organisations, each once."""
    today = timezone.localdate()
    memberships = Membership.objects.filter(
        organisation_id__in=list(organisation_ids),
        active_until__isnull=True,
        active_from__lte=today,
        user__is_active=True,
    ).select_related("user")
    if roles is not None:
        memberships = memberships.filter(role__in=list(roles))
    users = {}
    for membership in memberships.order_by("id"):
        users.setdefault(membership.user.pk, membership.user)
    return list(users.values())


def except_actor(users, actor) -> list:
    """``users`` without the person who acted (nobody is told of what they just did)."""
    actor_pk = getattr(actor, "pk", None)
    return [user for user in users if user.pk != actor_pk]


class Shown:
    """A value of a field as a mail shows it, in the language active when it is rendered:
    a choice by its label, a number in the reader's format; false when empty."""

    def __init__(self, value, label=None):
        self.value = value
        self.label = label

    def __bool__(self):
        return self.value not in (None, "")

    def __str__(self):
        if not self:
            return ""
        if self.label is not None:
            return str(self.label)
        if isinstance(self.value, Decimal):
            value = self.value
            shown = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
            return number_format(shown)
        return str(self.value)


def changes_of(instance, values: dict) -> list[dict]:
    """What saving ``values`` over ``instance`` changes, field by field: its label and the old
    and new values (:class:`Shown`), in the order of the model's fields."""
    changes = []
    for field in instance._meta.get_fields():
        name = getattr(field, "attname", None)
        if name not in values or not differs(getattr(instance, name), values[name]):
            continue
        old, new = getattr(instance, name), values[name]
        choices = dict(field.flatchoices) if field.choices else {}
        changes.append(
            {
                "name": name,
                "label": field.verbose_name,
                "old": Shown(old, choices.get(old)),
                "new": Shown(new, choices.get(new)),
            }
        )
    return changes


def refresh_partnership_search_text(partnership) -> None:
    """The search text, and whether the partnership is listed in the public directory."""
    organisations = list(
        Organisation.objects.filter(
            partnership_parties__partnership=partnership, partnership_parties__status=PartyStatus.ACCEPTED
        )
    )
    document = partnership_document(partnership, organisations)
    listed = (
        bool(organisations) and Partnership.objects.filter(public_partnership_q(), pk=partnership.pk).exists()
    )
    countries = sorted({str(o.country) for o in organisations})
    Partnership.objects.filter(pk=partnership.pk).update(
        search_document=document, is_listed=listed, countries=countries
    )
    partnership.search_document = document
    partnership.is_listed = listed
    partnership.countries = countries
    forget_listed_counts()
    transaction.on_commit(forget_listed_counts)  # a request may have read in between


def refresh_organisation_search_text(organisation) -> None:
    document = organisation_document(organisation)
    Organisation.objects.filter(pk=organisation.pk).update(search_document=document)
    organisation.search_document = document
    forget_listed_counts()
    transaction.on_commit(forget_listed_counts)
    for partnership in Partnership.objects.filter(parties__organisation=organisation).distinct():
        refresh_partnership_search_text(partnership)
    organisation_changed.send(sender=Organisation, organisation=organisation)


def unique_slug(name: str) -> str:
    """The organisation's address from its name. When the name's slug is taken, a random
    suffix, never a counter: "-2" would tell that a hidden (private or unverified)
    organisation already holds the name."""
    base = (slugify(name) or "organisation")[:68]
    slug = base
    while Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{new_key(6)}"
    return slug
