import time

from allauth.account import app_settings as account_settings
from allauth.account.internal.flows.login import get_authentication_records
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from conventions.permissions import (
    coordinator_organisation_ids,
    is_party_editor,
    signatory_organisation_ids,
)
from conventions.services.people import has_full_name

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def reading_language(request) -> str:
    """The language the reader picked (``?lang=``), else the interface's."""
    language = request.GET.get("lang", "")
    return language if language in LANGUAGE_CODES else get_language()


def document_perms(user, document) -> dict:
    return {
        "can_edit": is_party_editor(user, document),
        "can_decide": bool(coordinator_organisation_ids(user, document)),
        "can_sign": bool(signatory_organisation_ids(user, document)),
    }


def needs_full_name(request) -> bool:
    """The signed-in person gave no full name: the page says so, with a link to their profile
    (``conventions/partials/full_name_needed.html``), and refuses the act."""
    return request.user.is_authenticated and not has_full_name(request.user)


def recently_authenticated(request) -> bool:
    """The person logged in or re-authenticated within ``ACCOUNT_REAUTHENTICATION_TIMEOUT``
    (allauth's record of this session's authentications)."""
    records = get_authentication_records(request, request.user)
    if not records:
        return False
    return (
        time.time() - max(record.get("at", 0) for record in records)
        < account_settings.REAUTHENTICATION_TIMEOUT
    )


def back_to_clause(request, document, clause) -> HttpResponseRedirect:
    """Back to the alignment page a decision was taken from (with its languages), else the
    draft, at ``clause``: ``next`` is followed only when it is that page's own address."""
    back, align = request.POST.get("next", ""), reverse("conventions:document_align", args=[document.key])
    if back.split("?", 1)[0] != align or "#" in back:
        back = reverse("conventions:document_detail", args=[document.key])
    return HttpResponseRedirect(back + f"#clause-{clause.key}")


def reauthenticate(request, next_url: str) -> HttpResponseRedirect:
    """To allauth's re-authentication page, and back to ``next_url`` once done."""
    return HttpResponseRedirect(
        f"{reverse('account_reauthenticate')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
    )


def next_action(user, document, current, consented_ids) -> str:
    """What the visitor's organisation does next on the current version, the page's one filled
    button: ``approve`` a proposed version it has not decided on, ``sign`` an agreed one it has
    not signed, ``publish`` a signed one it has not agreed to publish; else ``""`` (read it)."""
    if current is None:
        return ""
    if current.status == "proposed":
        mine = set(coordinator_organisation_ids(user, document))
        decided = {approval.organisation_id for approval in current.approvals.all()}
        return "approve" if mine - decided else ""
    if current.status == "agreed":
        mine = set(signatory_organisation_ids(user, document))
        signed = {signature.organisation_id for signature in current.signatures.all()}
        return "sign" if mine - signed else ""
    if current.status == "signed" and not document.published_version_id:
        mine = set(coordinator_organisation_ids(user, document))
        return "publish" if mine - set(consented_ids) else ""
    return ""
