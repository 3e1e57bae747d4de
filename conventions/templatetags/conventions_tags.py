from django import template
from django.urls import reverse

from conventions import selectors
from conventions.permissions import may_create_for_partnership, may_create_for_project
from partners.permissions import accepted_party_ids, role_in
from projects.permissions import project_role
from soliris.i18n import language_name

register = template.Library()


@register.filter
def language_list(codes) -> str:
    """``{{ codes|language_list }}``: the languages' names in running text, comma-separated
    ("espagnol, néerlandais"), in the active language."""
    return ", ".join(language_name(code) for code in codes)


@register.simple_tag
def partnership_documents(partnership, user) -> dict:
    """For the partnership page: the documents ``user`` may see, and whether they may start one."""
    member = bool(role_in(user, accepted_party_ids(partnership)))
    return {
        "items": selectors.owner_documents(partnership, member),
        "member": member,
        "can_create": partnership.status != "ended" and may_create_for_partnership(user, partnership),
        "create_url": reverse("conventions:document_create", args=[partnership.key]),
    }


@register.simple_tag
def project_documents(project, user) -> dict:
    """For the project page (its parties prefetched): the same, for the project's confirmed parties."""
    member = project_role(user, project) is not None
    return {
        "items": selectors.owner_documents(project, member),
        "member": member,
        "can_create": may_create_for_project(user, project),
        "create_url": reverse("conventions:document_create_for_project", args=[project.key]),
    }
