"""Who is told of what on a convention, in which language, with which link — and who is not.

Each mail through ``soliris.mail.send`` is also an entry of the recipient's notification
centre (``Notification``), written at once; the mail itself leaves after the commit
(``django_capture_on_commit_callbacks(execute=True)`` runs it in these tests).
"""

import pytest
from django.test import Client

from conventions import services
from conventions.diff import plain_word_diff
from conventions.models import ClauseText, TranslationState
from partners.models import Membership
from soliris import outbox
from soliris.models import Notification, NotificationTopic, OutboxKind, OutboxMessage, OutboxState
from soliris.pdf import services as pdf_services
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PARTY_PEOPLE = ("party_viewer", "party_editor", "party_coordinator", "partner_coordinator")
NEVER_TOLD = ("outsider", "invited_coordinator", "staff")


def mails_to(mailoutbox, user):
    return [message for message in mailoutbox if user.email in message.to]


def entries(kind):
    return Notification.objects.filter(kind=f"conventions/email/{kind}")


def told(kind) -> set[str]:
    return set(entries(kind).values_list("user__email", flat=True))


def emails(cast, *roles) -> set[str]:
    return {cast.user(role).email for role in roles}


def opens(user, entry) -> int:
    """The status of the entry's page for ``user`` (logged in)."""
    browser = Client()
    browser.force_login(user)
    return browser.get(entry.path).status_code


def deliver_pending_mails() -> None:
    """Deliver the mails queued in the outbox (not its tasks: no PDF is rendered by a worker)."""
    for pk in OutboxMessage.objects.filter(kind=OutboxKind.MAIL, state=OutboxState.PENDING).values_list(
        "pk", flat=True
    ):
        outbox.deliver(pk)


# --- Versions ------------------------------------------------------------------------------


def test_a_proposed_version_asks_the_coordinators_at_once_and_tells_the_others_by_their_choice(
    cast, document, mailoutbox, django_capture_on_commit_callbacks
):
    for role in ("party_viewer", "party_coordinator"):
        user = cast.user(role)
        user.notification_delivery = {NotificationTopic.CONVENTIONS: "daily"}
        user.save(update_fields=["notification_delivery"])
    with django_capture_on_commit_callbacks(execute=True):
        services.version_propose(actor=cast.user("party_editor"), document=document, reason="Lecture")
    assert told("proposed") == emails(cast, "party_viewer", "party_coordinator", "partner_coordinator")
    assert set(entries("proposed").values_list("topic", flat=True)) == {NotificationTopic.CONVENTIONS}
    # The coordinators decide: an action, mailed at once even to one who reads a daily digest.
    assert len(mails_to(mailoutbox, cast.user("party_coordinator"))) == 1
    [spanish] = mails_to(mailoutbox, cast.user("partner_coordinator"))
    assert (
        "propone" in spanish.subject.lower() and f"/es/conventions/{document.key}/versions/1/" in spanish.body
    )
    # The viewer decides nothing: their daily digest holds it.
    assert mails_to(mailoutbox, cast.user("party_viewer")) == []
    assert entries("proposed").get(user=cast.user("party_viewer")).digest == "daily"
    assert not mails_to(mailoutbox, cast.user("party_editor"))  # who proposed it


def test_the_signatories_are_asked_at_once_and_the_pdf_ready_is_told_when_the_worker_has_rendered_it(
    cast, proposed, mailoutbox, django_capture_on_commit_callbacks
):
    version = proposed.versions.get()
    signer = cast.user("partner_coordinator")
    signer.notification_delivery = {NotificationTopic.CONVENTIONS: "weekly"}
    signer.save(update_fields=["notification_delivery"])
    with django_capture_on_commit_callbacks(execute=True):
        services.version_approve(actor=cast.user("party_coordinator"), version=version)
        services.version_approve(actor=signer, version=version)
    assert told("signature_requested") == emails(cast, "party_coordinator", "partner_coordinator")
    [asked] = [m for m in mails_to(mailoutbox, signer) if "firma" in m.subject.lower()]
    assert f"/es/conventions/{proposed.key}/versions/1/" in asked.body

    services.version_sign(
        actor=cast.user("party_coordinator"), version=version, consent=True, password=PASSWORD
    )
    OutboxMessage.objects.all().delete()  # what the fixtures queued and never delivered
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=False):  # the render task is not queued
        services.version_sign(actor=signer, version=version, consent=True, password=PASSWORD)
    deliver_pending_mails()
    assert told("signed") == emails(cast, "party_viewer", "party_editor", "party_coordinator")
    [signed_mail] = mails_to(mailoutbox, cast.user("party_coordinator"))
    assert "PDF" in signed_mail.body and "prêt" in signed_mail.body  # it says the PDF is coming
    assert not entries("pdf_ready").exists()  # not yet: the worker renders it

    version.refresh_from_db()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        job = pdf_services.job_run(version.pdf_job_id)
    assert job.state == "done", job.error
    assert told("pdf_ready") == emails(cast, *PARTY_PEOPLE)
    entry = entries("pdf_ready").get(user=signer)
    assert entry.path == f"/es/documents/{job.key}/download/" and entry.topic == NotificationTopic.CONVENTIONS
    assert opens(signer, entry) == 200
    [ready] = mails_to(mailoutbox, cast.user("party_viewer"))
    assert "PDF" in ready.subject and f"/fr/documents/{job.key}/download/" in ready.body
    assert not mails_to(mailoutbox, signer)  # their weekly digest
    # Rendered again (its file lost): the parties are not told twice.
    pdf_services.job_rerender(actor=None, job=job)
    pdf_services.job_run(job.pk)
    assert entries("pdf_ready").count() == len(PARTY_PEOPLE)


# --- Comments ------------------------------------------------------------------------------


def test_a_comment_tells_the_clauses_writers_in_their_language_with_its_text(
    cast, document, mailoutbox, django_capture_on_commit_callbacks
):
    clause = document.clauses.order_by("position").first()
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_open(
            actor=cast.user("party_viewer"),
            clause=clause,
            language="fr",
            body="Faut-il préciser le calendrier des travaux ?",
        )
    # The French text's writer and the Spanish text's writer; not the author, nor the others.
    assert told("commented") == emails(cast, "party_editor", "partner_coordinator")
    [spanish] = mails_to(mailoutbox, cast.user("partner_coordinator"))
    assert "comentó" in spanish.subject and "cláusula 1" in spanish.subject
    assert "Faut-il préciser le calendrier des travaux" in spanish.body  # the comment itself
    assert "Artículo 1" in spanish.body  # the clause's heading in Spanish
    entry = entries("commented").get(user=cast.user("partner_coordinator"))
    assert entry.path == f"/es/conventions/{document.key}/clauses/{clause.key}/comments/"
    assert entry.topic == NotificationTopic.COMMENTS
    assert "Faut-il préciser le calendrier des travaux" in entry.body  # what a digest lists
    assert opens(cast.user("partner_coordinator"), entry) == 200
    [french] = mails_to(mailoutbox, cast.user("party_editor"))
    assert (
        "Article 1" in french.body
        and f"/fr/conventions/{document.key}/clauses/{clause.key}/comments/" in french.body
    )
    assert not mails_to(mailoutbox, cast.user("party_viewer"))
    for role in ("party_coordinator", *NEVER_TOLD):
        assert not mails_to(mailoutbox, cast.user(role))
        assert not Notification.objects.filter(user=cast.user(role)).exists()


def test_a_reply_tells_the_writers_and_the_earlier_commenters_but_not_its_author(
    cast, document, mailoutbox, django_capture_on_commit_callbacks
):
    clause = document.clauses.order_by("position").first()
    thread = services.thread_open(
        actor=cast.user("party_viewer"), clause=clause, language="fr", body="Une question."
    )
    services.thread_reply(actor=cast.user("party_coordinator"), thread=thread, language="fr", body="Oui.")
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_reply(
            actor=cast.user("partner_coordinator"),
            thread=thread,
            language="es",
            body="De acuerdo, lo precisamos.",
        )
    assert told("replied") == emails(cast, "party_viewer", "party_editor", "party_coordinator")
    [reply] = mails_to(mailoutbox, cast.user("party_viewer"))
    assert "répondu" in reply.subject and "De acuerdo, lo precisamos." in reply.body
    assert f"/fr/conventions/{document.key}/clauses/{clause.key}/comments/" in reply.body
    assert opens(cast.user("party_viewer"), entries("replied").get(user=cast.user("party_viewer"))) == 200
    assert not mails_to(mailoutbox, cast.user("partner_coordinator"))


def test_a_mentioned_person_gets_one_mail_not_two(
    cast, document, mailoutbox, django_capture_on_commit_callbacks
):
    clause = document.clauses.order_by("position").first()
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_open(
            actor=cast.user("party_viewer"),
            clause=clause,
            language="fr",
            body="Qu'en pense Tarija ?",
            mentions=[cast.tarija],
        )
    # Tarija's coordinator wrote the Spanish text and is mentioned: the mention only.
    [mention] = mails_to(mailoutbox, cast.user("partner_coordinator"))
    assert "menciona" in mention.subject and "Qu'en pense Tarija" in mention.body
    assert told("mentioned") == emails(cast, "partner_coordinator")
    assert told("commented") == emails(cast, "party_editor")
    assert entries("mentioned").get().topic == NotificationTopic.COMMENTS
    assert len(mailoutbox) == 2


def test_a_writer_who_left_the_party_is_not_told(
    cast, document, mailoutbox, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    Membership.objects.filter(user=cast.user("party_editor")).update(active_until=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        services.thread_open(
            actor=cast.user("party_viewer"),
            clause=document.clauses.first(),
            language="fr",
            body="Une question.",
        )
    assert told("commented") == emails(cast, "partner_coordinator")
    assert not mails_to(mailoutbox, cast.user("party_editor"))


# --- Translations to review ----------------------------------------------------------------


def edit_original(cast, clause, body, actor="party_editor"):
    text = ClauseText.objects.get(clause=clause, language="fr")
    return services.clause_edit(
        actor=cast.user(actor),
        clause=clause,
        language="fr",
        heading=text.heading,
        body=body,
        expected_version=text.revision,
    )


def test_a_changed_original_asks_who_works_in_the_other_language_to_review_it(
    cast, document, mailoutbox, django_capture_on_commit_callbacks
):
    clause = document.clauses.order_by("position").first()
    with django_capture_on_commit_callbacks(execute=True):
        edit_original(cast, clause, "Les parties conviennent ensemble et par écrit du point 1.")
    assert ClauseText.objects.get(clause=clause, language="es").state == TranslationState.TO_REVIEW
    # Tarija's coordinator works in Spanish; the French speakers are not asked, nor the author.
    assert told("to_review") == emails(cast, "partner_coordinator")
    [review] = mailoutbox
    assert review.to == [cast.user("partner_coordinator").email]
    assert "revisar" in review.subject and "español" in review.subject
    assert "Les parties conviennent ensemble et par écrit du point 1." in review.body  # the new text
    assert "{+et par écrit+}" in review.body  # the word diff against the previous text
    entry = entries("to_review").get()
    assert entry.path == f"/es/conventions/{document.key}/clauses/{clause.key}/edit/es/"
    assert entry.topic == NotificationTopic.COMMENTS
    assert opens(cast.user("partner_coordinator"), entry) == 200
    # Still to review: a second change of the original asks nothing more.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        edit_original(cast, clause, "Les parties conviennent par écrit du point 1.")
    assert mailoutbox == [] and entries("to_review").count() == 1


def test_one_mail_per_change_listing_each_language_and_the_coordinators_when_nobody_works_in_one(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.conventions.conftest import make_document

    document = make_document(cast, clauses=1, languages=("fr", "es", "nl"))
    clause = document.clauses.get()
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="nl",
        heading="Artikel 1",
        body="De partijen komen samen punt 1 overeen.",
        expected_version=0,
    )
    # Nobody prefers Dutch or lists it, but Jette works in Dutch too: its coordinator is asked.
    cast.jette.languages = ["fr", "nl"]
    cast.jette.save(update_fields=["languages"])
    with django_capture_on_commit_callbacks(execute=True):
        edit_original(cast, clause, "Les parties conviennent du point 1.")
    assert told("to_review") == emails(cast, "partner_coordinator", "party_coordinator")
    [to_jette] = mails_to(mailoutbox, cast.user("party_coordinator"))
    assert (
        "néerlandais" in to_jette.subject
        and f"/fr/conventions/{document.key}/clauses/{clause.key}/edit/nl/" in to_jette.body
    )
    Notification.objects.all().delete()
    mailoutbox.clear()
    # Tarija's coordinator lists Dutch among their working languages there.
    Membership.objects.filter(user=cast.user("partner_coordinator")).update(languages=["es", "nl"])
    ClauseText.objects.filter(clause=clause).exclude(language="fr").update(state=TranslationState.UP_TO_DATE)
    with django_capture_on_commit_callbacks(execute=True):
        edit_original(cast, clause, "Les parties conviennent ensemble du point 1.")
    # Two languages to review for Tarija's coordinator: one mail naming both, with both editors.
    [both] = mails_to(mailoutbox, cast.user("partner_coordinator"))
    assert "español" in both.subject and "neerlandés" in both.subject
    assert f"/es/conventions/{document.key}/clauses/{clause.key}/edit/es/" in both.body
    assert f"/es/conventions/{document.key}/clauses/{clause.key}/edit/nl/" in both.body
    # Jette's coordinator is not asked this time: someone works in Dutch.
    assert told("to_review") == emails(cast, "partner_coordinator")
    assert Notification.objects.filter(user=cast.user("partner_coordinator")).count() == 1
    for role in NEVER_TOLD:
        assert not mails_to(mailoutbox, cast.user(role))


def test_editing_a_translation_asks_nobody_to_review(
    cast, document, mailoutbox, django_capture_on_commit_callbacks
):
    clause = document.clauses.first()
    text = ClauseText.objects.get(clause=clause, language="es")
    with django_capture_on_commit_callbacks(execute=True):
        services.clause_edit(
            actor=cast.user("partner_coordinator"),
            clause=clause,
            language="es",
            heading=text.heading,
            body="Las partes acuerdan juntas y por escrito el punto 1.",
            expected_version=text.revision,
        )
    assert mailoutbox == [] and not entries("to_review").exists()


def test_the_plain_word_diff_marks_what_was_removed_and_added():
    assert plain_word_diff("a b c", "a x c") == "a [-b-] {+x+} c"
    assert plain_word_diff("Le point 1.", "Le point 2 !") == "Le point [-1.-] {+2 !+}"
    assert plain_word_diff("même texte", "même  texte") == "même  texte"
