import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners import services
from partners.forms import LOGO_MAX_BYTES
from partners.models import Invitation, InvitationStatus, Membership, Organisation, Role
from soliris.audit import history
from tests.partners.conftest import png_bytes

pytestmark = pytest.mark.django_db


def registration(**extra):
    return {
        "name": "Commune de Forest",
        "kind": "commune",
        "country": "BE",
        "locality": "Forest",
        "languages": ["fr", "nl"],
        "description_fr": "Commune bruxelloise.",
        "visibility": "public",
        **extra,
    }


def test_a_signed_in_user_registers_an_organisation_and_becomes_its_coordinator(
    client, make_user, make_user_staff
):
    user = make_user()
    client.force_login(user)
    with pytest.MonkeyPatch.context():
        response = client.post(reverse("partners:organisation_create"), registration())
    organisation = Organisation.objects.get(name="Commune de Forest")
    assert response.status_code == 302
    assert Membership.objects.get(organisation=organisation, user=user).role == Role.COORDINATOR
    assert organisation.verified_at is None
    assert "forest" in organisation.search_document
    assert "belgica" in organisation.search_document  # country name in Spanish, folded
    assert "Commune de Forest" not in client.get("/fr/organisations/").content.decode()


@pytest.fixture
def make_user_staff(make_user):
    return make_user("verifier@soliris.test", staff=True)


def test_staff_are_told_and_verify_from_the_queue(
    client, make_user, make_user_staff, django_capture_on_commit_callbacks
):
    client.force_login(make_user())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partners:organisation_create"), registration())
    assert any("Commune de Forest" in m.subject for m in mail.outbox)
    organisation = Organisation.objects.get(name="Commune de Forest")
    client.force_login(make_user_staff)
    queue = client.get(reverse("partners:verification_queue")).content.decode()
    assert "Commune de Forest" in queue
    client.post(reverse("partners:organisation_verify", kwargs={"slug": organisation.slug}))
    organisation.refresh_from_db()
    assert organisation.is_verified
    client.logout()
    assert "Commune de Forest" in client.get("/fr/organisations/").content.decode()


def test_bad_input_is_refused_with_a_message_and_the_typed_text_kept(client, make_user):
    client.force_login(make_user())
    response = client.post(
        reverse("partners:organisation_create"), registration(name="", website="not a url", locality="Vorst")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Vorst"' in page
    assert response.context["form"].errors.keys() >= {"name", "website"}
    assert not Organisation.objects.filter(locality="Vorst").exists()


def test_a_logo_that_is_not_an_image_is_refused(client, make_user):
    client.force_login(make_user())
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client.post(reverse("partners:organisation_create"), {**registration(), "logo": fake})
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    assert not Organisation.objects.filter(name="Commune de Forest").exists()


def test_an_oversized_logo_is_refused(client, make_user):
    client.force_login(make_user())
    big = png_bytes(size=(1500, 1500), fmt="BMP")
    assert len(big) > LOGO_MAX_BYTES
    response = client.post(
        reverse("partners:organisation_create"),
        {**registration(), "logo": SimpleUploadedFile("logo.bmp", big, content_type="image/bmp")},
    )
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors


def test_a_valid_logo_is_stored_and_streamed_after_the_visibility_check(client, make_user):
    client.force_login(make_user())
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    client.post(reverse("partners:organisation_create"), {**registration(), "logo": logo})
    organisation = Organisation.objects.get(name="Commune de Forest")
    assert organisation.logo
    response = client.get(reverse("partners:organisation_logo", kwargs={"slug": organisation.slug}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    client.logout()  # unverified: nobody outside knows it exists
    assert (
        client.get(reverse("partners:organisation_logo", kwargs={"slug": organisation.slug})).status_code
        == 404
    )


def test_a_coordinator_edits_the_profile_and_the_search_document_follows(cast, as_role):
    client = as_role("party_coordinator")
    url = reverse("partners:organisation_edit", kwargs={"slug": cast.jette.slug})
    response = client.post(
        url, registration(name="Commune de Jette", locality="Jette-Centre", visibility="public", version=1)
    )
    assert response.status_code == 302
    cast.jette.refresh_from_db()
    assert "centre" in cast.jette.search_document
    assert history(cast.jette).filter(action="partners.organisation.updated").exists()


def test_an_invitation_is_emailed_in_its_language_and_accepted_after_log_in(
    cast, as_role, client, make_user, django_capture_on_commit_callbacks
):
    coordinator = as_role("party_coordinator")
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(
            reverse("partners:member_invite", kwargs={"slug": cast.jette.slug}),
            {"email": "nieuw@jette.test", "role": "editor", "function": "Stagiair", "language": "nl"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="nieuw@jette.test")
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    assert "uitgenodigd" in mail.outbox[0].subject.lower() or "Jette" in mail.outbox[0].subject

    client.logout()
    url = reverse("partners:invitation_accept", kwargs={"token": invitation.token})
    page = client.get(url).content.decode()
    assert "/accounts/login/?next=" in page and "/accounts/signup/?next=" in page
    newcomer = make_user("nieuw@jette.test", language="nl")
    client.force_login(newcomer)
    dashboard = client.get("/nl/dashboard/").content.decode()
    assert f"/nl/invitations/{invitation.token}/" in dashboard  # the invitation waits on the dashboard too
    assert client.post(url).status_code == 302
    membership = Membership.objects.get(organisation=cast.jette, user=newcomer)
    assert membership.role == Role.EDITOR and membership.function == "Stagiair"
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert client.post(url).status_code == 200  # used: says so, no second membership
    assert Membership.objects.filter(organisation=cast.jette, user=newcomer).count() == 1


def test_an_expired_invitation_is_refused(cast, client, make_user):
    from django.utils import timezone

    invitation = Invitation.objects.create(
        organisation=cast.jette,
        email="late@jette.test",
        expires_at=timezone.now() - timezone.timedelta(days=1),
    )
    client.force_login(make_user("late@jette.test"))
    response = client.post(
        reverse("partners:invitation_accept", kwargs={"token": invitation.token}), follow=True
    )
    assert "expired" in response.content.decode() or "expir" in response.content.decode()
    assert not Membership.objects.filter(user__email="late@jette.test").exists()


def test_the_last_coordinator_cannot_be_removed_or_demoted(cast, as_role):
    client = as_role("party_coordinator")
    own = Membership.objects.get(organisation=cast.jette, user=cast.user("party_coordinator"))
    response = client.post(
        reverse("partners:member_end", kwargs={"slug": cast.jette.slug, "pk": own.pk}),
        {"confirmed": "1"},
        follow=True,
    )
    assert "coordinator" in response.content.decode() or "coordinat" in response.content.decode()
    own.refresh_from_db()
    assert own.is_active
    client.post(
        reverse("partners:member_role", kwargs={"slug": cast.jette.slug, "pk": own.pk}), {"role": "viewer"}
    )
    own.refresh_from_db()
    assert own.role == Role.COORDINATOR
    with pytest.raises(ValidationError):
        services.member_end(actor=cast.user("party_coordinator"), membership=own)


def test_ending_a_membership_keeps_it_in_the_history(cast, as_role):
    editor = Membership.objects.get(organisation=cast.jette, user=cast.user("party_editor"))
    as_role("party_coordinator").post(
        reverse("partners:member_end", kwargs={"slug": cast.jette.slug, "pk": editor.pk}), {"confirmed": "1"}
    )
    editor.refresh_from_db()
    assert editor.active_until is not None
    page = as_role("party_coordinator").get(
        reverse("partners:organisation_detail", kwargs={"slug": cast.jette.slug})
    )
    assert editor in page.context["ended_memberships"]
    assert history(cast.jette).filter(action="partners.member.ended").exists()


def test_a_coordinator_hands_over_then_leaves(cast, as_role):
    editor = Membership.objects.get(organisation=cast.jette, user=cast.user("party_editor"))
    client = as_role("party_coordinator")
    client.post(
        reverse("partners:member_role", kwargs={"slug": cast.jette.slug, "pk": editor.pk}),
        {"role": "coordinator"},
    )
    own = Membership.objects.get(organisation=cast.jette, user=cast.user("party_coordinator"))
    client.post(
        reverse("partners:member_end", kwargs={"slug": cast.jette.slug, "pk": own.pk}), {"confirmed": "1"}
    )
    own.refresh_from_db()
    assert not own.is_active


def test_when_no_active_member_is_left_the_other_parties_and_staff_are_told_in_their_language(
    cast, django_capture_on_commit_callbacks
):
    tarija_coordinator = Membership.objects.get(
        organisation=cast.tarija, user=cast.user("partner_coordinator")
    )
    staff = cast.user("staff")
    staff.preferred_language = "es"
    staff.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.member_end(actor=cast.user("partner_coordinator"), membership=tarija_coordinator)
    recipients = {m.to[0]: m for m in mail.outbox}
    assert "coordinator@jette.test" in recipients  # the other party's coordinator
    assert "staff@soliris.test" in recipients
    assert "coordinador@tarija.test" not in recipients
    assert "n'a plus aucun membre actif" in recipients["coordinator@jette.test"].subject
    assert "ya no tiene ningún miembro activo" in recipients["staff@soliris.test"].subject
    assert "Jette – Tarija" in recipients["coordinator@jette.test"].body
    assert history(cast.partnership).filter(action="partners.organisation.no_active_member").exists()


def test_a_member_updates_their_own_membership_but_not_the_signature_right(cast, as_role):
    own = Membership.objects.get(organisation=cast.jette, user=cast.user("party_editor"))
    url = reverse("partners:member_edit", kwargs={"slug": cast.jette.slug, "pk": own.pk})
    data = {
        "function": "Chargée de mission",
        "languages": ["fr", "es"],
        "time_zone": "America/La_Paz",
        "communication_preferences": "Courriel le matin",
        "may_sign": "on",
        "version": 1,
    }
    assert as_role("party_editor").post(url, data).status_code == 302
    own.refresh_from_db()
    assert own.function == "Chargée de mission" and own.time_zone == "America/La_Paz" and not own.may_sign
    assert as_role("party_coordinator").post(url, {**data, "version": 2}).status_code == 302
    own.refresh_from_db()
    assert own.may_sign
    other = Membership.objects.get(organisation=cast.jette, user=cast.user("party_viewer"))
    other_url = reverse("partners:member_edit", kwargs={"slug": cast.jette.slug, "pk": other.pk})
    assert as_role("party_editor").get(other_url).status_code == 403


def test_a_bad_time_zone_is_refused_and_the_text_kept(cast, as_role):
    own = Membership.objects.get(organisation=cast.jette, user=cast.user("party_editor"))
    url = reverse("partners:member_edit", kwargs={"slug": cast.jette.slug, "pk": own.pk})
    response = as_role("party_editor").post(
        url, {"function": "Fonction tapée", "time_zone": "Mars/Olympus", "version": 1}
    )
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    assert "Fonction tapée" in response.content.decode()


def test_the_organisation_page_query_count_does_not_grow_with_members_and_partnerships(
    cast, as_role, make_user, make_organisation, make_partnership, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def grow(n):
        for _ in range(n):
            Membership.objects.create(organisation=cast.jette, user=make_user(), role=Role.VIEWER)
            make_partnership("P", [cast.jette, make_organisation()])

    grow(5)
    client = as_role("party_coordinator")
    url = reverse("partners:organisation_detail", kwargs={"slug": cast.jette.slug})
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(45)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_mail_server_failure_does_not_undo_or_break_the_invitation(
    cast, as_role, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_role("party_coordinator").post(
            reverse("partners:member_invite", kwargs={"slug": cast.jette.slug}),
            {"email": "panne@jette.test", "role": "viewer", "language": "fr"},
        )
    assert response.status_code == 302
    assert Invitation.objects.filter(email="panne@jette.test").exists()


def test_an_edit_in_the_admin_keeps_the_directory_current(cast, client, make_user, make_partnership):
    admin = make_user("admin@soliris.test", staff=True)
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    partnership = make_partnership("Jette – Tarija publique", [cast.jette, cast.tarija])
    url = reverse("admin:partners_organisation_change", args=[cast.tarija.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "themes" and k != "logo"}
    data.update(
        name="Municipio de Tarija", visibility="private", languages="es", verified_at_0="", verified_at_1=""
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    partnership.refresh_from_db()
    assert not partnership.is_listed
    assert "municipio" in Organisation.objects.get(pk=cast.tarija.pk).search_document
