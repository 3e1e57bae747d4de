"""Every URL of the conventions app × every role of the cast, on a signed, published document."""

import pytest
from django.urls import reverse

from conventions import services
from conventions.models import Approval, ClauseText, Signature, Version
from conventions.urls import urlpatterns
from tests.conftest import PASSWORD, ROLES
from tests.conventions.conftest import finish_pdf

pytestmark = pytest.mark.django_db

MEMBERS = {"party_viewer", "party_editor", "party_coordinator", "partner_coordinator"}
EDITORS = {"party_editor", "party_coordinator", "partner_coordinator"}
COORDINATORS = {"party_coordinator", "partner_coordinator"}
SIGNATORIES = {"party_coordinator", "partner_coordinator"}


def private(allowed, ok=200, *, anonymous=404):
    """Members with the right get ``ok``, other members 403, non-members 404. A POST without a
    session goes to the log-in, keeping what was posted (``soliris.rescue``): ``anonymous=302``."""

    def expected(role):
        if role in allowed:
            return ok
        if role in MEMBERS:
            return 403
        return anonymous if role == "anonymous" else 404

    return expected


def everyone(status):
    return lambda role: status


# url name: (method, expected status by role)
MATRIX = {
    "document_list": ("get", lambda role: 302 if role == "anonymous" else 200),
    "document_create": (
        "get",
        lambda role: {"anonymous": 302, "party_viewer": 403}.get(role, 200 if role in EDITORS else 404),
    ),
    "document_create_for_project": (
        "get",
        lambda role: {"anonymous": 302, "party_viewer": 403}.get(role, 200 if role in EDITORS else 404),
    ),
    "document_detail": ("get", private(MEMBERS)),
    "document_align": ("get", private(MEMBERS)),
    "document_public": ("get", everyone(200)),
    "document_public_pdf": ("get", everyone(200)),
    "document_publish": ("post", private(COORDINATORS, 302, anonymous=302)),
    "clause_add": ("get", private(EDITORS)),
    "document_settings": ("get", private(EDITORS)),
    "clause_edit": ("get", private(EDITORS)),
    "clause_confirm": ("post", private(EDITORS, 302, anonymous=302)),
    "clause_move": ("post", private(EDITORS, 302, anonymous=302)),
    "clause_remove": ("post", private(EDITORS, 302, anonymous=302)),
    "clause_restore": ("post", private(EDITORS, 302, anonymous=302)),
    "clause_comments": ("get", private(MEMBERS)),
    "thread_reply": ("post", private(MEMBERS, 302, anonymous=302)),
    # Another party than the proposer's (Tarija's coordinator proposed it) decides; only she withdraws.
    "suggestion_accept": ("post", private(EDITORS - {"partner_coordinator"}, 302, anonymous=302)),
    "suggestion_reject": ("post", private(EDITORS - {"partner_coordinator"}, 302, anonymous=302)),
    "suggestion_withdraw": ("post", private({"partner_coordinator"}, 302, anonymous=302)),
    "thread_resolve": ("post", private(MEMBERS, 302, anonymous=302)),
    "version_propose": ("get", private(EDITORS)),
    "version_diff": ("get", private(MEMBERS)),
    "version_detail": ("get", private(MEMBERS)),
    "version_packet": ("get", private(MEMBERS)),
    "version_packet_odt": ("get", private(MEMBERS)),
    "version_approve": ("get", private(COORDINATORS)),
    "version_sign": ("get", private(SIGNATORIES)),
}


@pytest.fixture
def published(cast, signed):
    finish_pdf(signed.versions.get())
    services.document_publish(actor=cast.user("party_coordinator"), document=signed)
    services.document_publish(actor=cast.user("partner_coordinator"), document=signed)
    clause = signed.clauses.first()
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading="Article 1",
        body="Texte modifié après la signature.",
        expected_version=1,
    )
    thread = services.thread_open(
        actor=cast.user("party_viewer"), clause=clause, language="fr", body="Une question."
    )
    services.clause_remove(actor=cast.user("party_editor"), clause=signed.clauses.order_by("position").last())
    services.suggestion_open(
        actor=cast.user("partner_coordinator"),
        clause=clause,
        language="es",
        heading="Artículo 1",
        body="Texto sugerido tras la firma.",
        reason="Sigue el francés.",
    )
    signed.refresh_from_db()
    return signed, clause, thread


def suggestion_key(document) -> str:
    suggestion = document.suggestions.first()
    return suggestion.key if suggestion else "nosuchsuggestion"


def url_for(name, document, clause, thread, cast, project=None):
    removed = document.clauses.order_by("position").last()
    args = {
        "document_list": [],
        "document_create": [cast.partnership.key],
        "document_create_for_project": [project.key if project else "nosuchproject"],
        "clause_add": [document.key],
        "clause_edit": [document.key, clause.key, "es"],
        "clause_confirm": [document.key, clause.key, "es"],
        "clause_move": [document.key, clause.key],
        "clause_remove": [document.key, clause.key],
        "clause_restore": [document.key, removed.key],
        "clause_comments": [document.key, clause.key],
        "thread_reply": [document.key, thread.key],
        "thread_resolve": [document.key, thread.key],
        "suggestion_accept": [document.key, suggestion_key(document)],
        "suggestion_reject": [document.key, suggestion_key(document)],
        "suggestion_withdraw": [document.key, suggestion_key(document)],
        "version_detail": [document.key, 1],
        "version_approve": [document.key, 1],
        "version_sign": [document.key, 1],
        "version_packet": [document.key, 1],
        "version_packet_odt": [document.key, 1, "fr"],
    }.get(name, [document.key])
    return reverse(f"conventions:{name}", args=args)


def test_every_url_of_the_app_is_in_the_matrix():
    names = {pattern.name for pattern in urlpatterns}
    assert names == set(MATRIX), names ^ set(MATRIX)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name, role, cast, as_role, published, cast_project):
    document, clause, thread = published
    method, expected = MATRIX[name]
    client = as_role(role)
    url = url_for(name, document, clause, thread, cast, cast_project)
    data = (
        {"body": "Réponse", "resolved": "1", "direction": "down", "confirmed": "1", "reason": "Non."}
        if method == "post"
        else None
    )
    response = getattr(client, method)(url, data) if data else client.get(url)
    assert response.status_code == expected(role), (name, role, response.status_code)


def test_a_non_party_reads_nothing_by_key(cast, as_role, published):
    document, clause, thread = published
    for role in ("outsider", "invited_coordinator", "staff", "anonymous"):
        client = as_role(role)
        for name in (
            "document_detail",
            "document_align",
            "clause_comments",
            "version_detail",
            "version_diff",
        ):
            response = client.get(url_for(name, document, clause, thread, cast))
            assert response.status_code == 404
            assert document.title.encode() not in response.content


def test_an_unknown_key_or_forged_address_answers_404(as_role, published):
    document, clause, thread = published
    client = as_role("party_editor")
    for url in (
        "/fr/conventions/nosuchkey/",
        f"/fr/conventions/{document.key}/versions/99/",
        f"/fr/conventions/{document.key}/clauses/nosuch/edit/fr/",
        f"/fr/conventions/{document.key}/clauses/{clause.key}/edit/xx/",
        f"/fr/conventions/{document.key}/threads/nosuch/reply/",
        "/fr/conventions/new/nosuchpartnership/",
        "/fr/conventions/new/project/nosuchproject/",
    ):
        assert client.get(url).status_code in (404, 405), url
    response = client.get(f"/fr/conventions/{document.key}/compare/?from=abc&to=-3&lang=zz")
    assert response.status_code == 200


def test_the_public_page_of_an_unpublished_document_is_404(cast, client, document):
    assert client.get(reverse("conventions:document_public", args=[document.key])).status_code == 404
    assert client.get(reverse("conventions:document_public_pdf", args=[document.key])).status_code == 404


def test_the_signed_pdf_of_a_signed_but_unpublished_document_is_not_public(cast, client, as_role, signed):
    version = finish_pdf(signed.versions.get())
    assert client.get(reverse("conventions:document_public_pdf", args=[signed.key])).status_code == 404
    download = reverse("pdf:job_download", args=[version.pdf_job.key])
    assert as_role("outsider").get(download).status_code == 404
    assert as_role("invited_coordinator").get(download).status_code == 404
    assert as_role("party_viewer").get(download).status_code == 200


def test_an_invited_party_cannot_approve(cast, as_role, proposed):
    version = proposed.versions.get()
    client = as_role("invited_coordinator")
    response = client.post(
        reverse("conventions:version_approve", args=[proposed.key, 1]), {"decision": "approved"}
    )
    assert response.status_code == 404
    with pytest.raises(Exception) as error:
        services.version_approve(actor=cast.user("invited_coordinator"), version=version)
    assert error.type.__name__ == "PermissionDenied"
    assert not Approval.objects.filter(version=version).exists()


def test_a_viewer_cannot_edit(cast, as_role, document):
    clause = document.clauses.first()
    client = as_role("party_viewer")
    response = client.post(
        reverse("conventions:clause_edit", args=[document.key, clause.key, "fr"]),
        {"heading": "Piraté", "body": "Texte du lecteur", "expected_version": 1},
    )
    assert response.status_code == 403
    assert (
        ClauseText.objects.get(clause=clause, language="fr").body
        == "Les parties conviennent ensemble du point 1."
    )


def test_only_a_signatory_can_sign(cast, as_role, agreed, make_user):
    from partners.models import Membership, Role

    url = reverse("conventions:version_sign", args=[agreed.key, 1])
    data = {"consent": "on", "password": PASSWORD, "function": "Échevin"}
    assert as_role("party_editor").post(url, data).status_code == 403
    coordinator = make_user("sans-signature@jette.test")
    Membership.objects.create(
        organisation=cast.jette, user=coordinator, role=Role.COORDINATOR, may_sign=False
    )
    client = as_role("anonymous")
    client.force_login(coordinator)
    assert client.post(url, data).status_code == 403
    assert not Signature.objects.exists()
    assert as_role("party_coordinator").post(url, data).status_code == 302
    assert Signature.objects.get().signer_name == cast.user("party_coordinator").get_full_name()
    assert Version.objects.get().status == "agreed"


def test_forms_are_protected_by_csrf(cast, published):
    from django.test import Client

    document, clause, thread = published
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.user("party_editor"))
    response = client.post(
        reverse("conventions:clause_move", args=[document.key, clause.key]), {"direction": "down"}
    )
    assert response.status_code == 403


def test_absurd_numbers_and_inputs_never_cause_a_server_error(cast, as_role, proposed):
    client = as_role("party_coordinator")
    key = proposed.key
    clause = proposed.clauses.first()
    big = "9" * 30
    assert client.get(f"/fr/conventions/{key}/versions/{big}/").status_code == 404
    assert client.get(f"/fr/conventions/{key}/versions/{big}/approval/").status_code == 404
    assert client.get(f"/fr/conventions/{key}/compare/?from={big}&to=-1&lang=xx").status_code == 200
    assert (
        client.post(
            f"/fr/conventions/{key}/clauses/{clause.key}/move/", {"direction": "sideways"}
        ).status_code
        == 302
    )
    response = client.post(
        f"/fr/conventions/{key}/clauses/{clause.key}/edit/fr/",
        {"heading": "x" * 400, "body": "Texte", "expected_version": big},
    )
    assert response.status_code == 200
    response = client.post(
        f"/fr/conventions/{key}/versions/1/approval/", {"decision": "changes_requested", "comment": ""}
    )
    assert response.status_code == 200 and 'class="error"' in response.content.decode()
    response = client.post(
        f"/fr/conventions/new/{cast.partnership.key}/", {"kind": "nope", "template": "nope"}
    )
    assert response.status_code == 200


def test_an_undeclared_permission_name_is_refused_never_granted(cast, document):
    from conventions.permissions import get_document_for_user
    from soliris.permissions import UnknownPermission

    with pytest.raises(UnknownPermission):
        get_document_for_user(cast.user("party_coordinator"), document.key, "conventions.document:approve")


def test_the_signatory_organisations_are_not_kept_on_the_user(cast, document):
    from conventions.permissions import coordinator_organisation_ids, signatory_organisation_ids

    user = cast.user("party_coordinator")
    assert signatory_organisation_ids(user, document) == [cast.jette.pk]
    assert coordinator_organisation_ids(user, document) == [cast.jette.pk]
    assert not [name for name in vars(user) if name.startswith("_soliris_signatory")]


@pytest.mark.parametrize("forged", ["abc\x00def", "a" * 1000, "ABC-def", "%00"])
def test_a_forged_key_in_any_address_is_a_404_never_a_500(cast, document, as_role, forged):
    from urllib.parse import quote

    clause = document.clauses.first()
    client = as_role("party_editor")
    paths = [
        f"/fr/conventions/{quote(forged)}/",
        f"/fr/conventions/{quote(forged)}/public/",
        f"/fr/conventions/new/{quote(forged)}/",
        f"/fr/conventions/new/project/{quote(forged)}/",  # a slug: demo projects have readable keys
        f"/fr/conventions/{document.key}/clauses/{quote(forged)}/comments/",
        f"/fr/conventions/{document.key}/clauses/{quote(forged)}/edit/fr/",
        f"/fr/conventions/{document.key}/threads/{quote(forged)}/reply/",
        f"/fr/conventions/{document.key}/clauses/{clause.key}/comments/",
    ]
    for path in paths[:-1]:
        assert client.get(path).status_code == 404, path
    assert client.get(paths[-1]).status_code == 200
