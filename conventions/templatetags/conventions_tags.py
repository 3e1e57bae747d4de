from django import template

from conventions import selectors
from conventions.permissions import may_create_for_partnership
from partners.permissions import accepted_party_ids, role_in

register = template.Library()


@register.simple_tag
def partnership_documents(partnership, user) -> dict:
    """For the partnership page: the documents ``user`` may see, and whether they may start one."""
    return {
        "items": selectors.partnership_documents(partnership, user),
        "member": bool(role_in(user, accepted_party_ids(partnership))),
        "can_create": may_create_for_partnership(user, partnership),
    }
