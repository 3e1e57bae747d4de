"""The draft's views (``conventions.views.drafts``): each one that changes something, through the
client — what is posted, what is saved, and what the person sees next."""

import pytest
from django.urls import reverse
from django.utils import translation

from conventions import selectors, services
from conventions.models import Clause, ClauseText, CommentThread, Document, ThreadStatus, TranslationState
from soliris.models import UndoOffer

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("en"):
        return reverse(f"conventions:{name}", args=args)


def page(response) -> str:
    return response.content.decode()


def test_an_editor_creates_a_document_and_lands_on_its_page(cast, as_role):
    response = as_role("party_editor").post(
        url("document_create", cast.partnership.key),
        {"kind": "charter", "title": "Charte commune", "authentic_languages": ["fr", "es"], "template": ""},
        follow=True,
    )
    document = Document.objects.get(title="Charte commune")
    assert response.redirect_chain[-1][0] == url("document_detail", document.key)
    assert "The document is created. Every party can now edit its draft." in page(response)
    assert document.authentic_languages == ["fr", "es"] and document.partnership == cast.partnership


def test_an_editor_changes_the_title_in_the_settings(cast, as_role, document):
    response = as_role("party_editor").post(
        url("document_settings", document.key),
        {"title": "Convention renouvelée", "authentic_languages": ["fr", "es"], "version": 1},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url("document_detail", document.key)
    assert "The document is updated." in page(response) and "Convention renouvelée" in page(response)
    assert Document.objects.get(pk=document.pk).title == "Convention renouvelée"


def test_two_saves_of_the_settings_from_one_stale_form_show_both_titles(cast, as_role, document):
    settings_url = url("document_settings", document.key)
    stale = as_role("party_editor").get(settings_url).context["form"]["version"].value()
    assert stale == 1
    as_role("partner_coordinator").post(
        settings_url, {"title": "Leur titre", "authentic_languages": ["fr", "es"], "version": stale}
    )
    editor = as_role("party_editor")
    response = editor.post(
        settings_url, {"title": "Mon titre", "authentic_languages": ["fr", "nl"], "version": stale}
    )
    assert response.status_code == 409
    assert response.context["conflict"].current.title == "Leur titre"
    shown = page(response)
    assert 'class="card conflict"' in shown and "Leur titre" in shown and "Mon titre" in shown
    assert "French, Spanish" in shown  # their languages, by name
    assert 'name="version" value="2"' in shown
    form = response.context["form"]
    assert form["version"].value() == "2" and form["title"].value() == "Mon titre"
    assert Document.objects.get(pk=document.pk).title == "Leur titre"
    # Saving again from the conflict page keeps the user's text.
    data = {"title": "Mon titre", "authentic_languages": ["fr", "nl"], "version": form["version"].value()}
    response = editor.post(settings_url, data)
    assert response.status_code == 302
    saved = Document.objects.get(pk=document.pk)
    assert (saved.title, saved.authentic_languages, saved.version) == ("Mon titre", ["fr", "nl"], 3)


def test_saving_the_settings_unchanged_changes_nothing(cast, as_role, document):
    revision = Document.objects.get(pk=document.pk).draft_revision
    response = as_role("party_editor").post(
        url("document_settings", document.key),
        {"title": document.title, "authentic_languages": ["fr", "es"], "version": 1},
    )
    assert response.status_code == 302
    saved = Document.objects.get(pk=document.pk)
    assert (saved.version, saved.draft_revision) == (1, revision)


def test_an_editor_adds_a_clause_at_the_end_of_the_draft(cast, as_role, document):
    response = as_role("party_editor").post(
        url("clause_add", document.key),
        {"language": "fr", "heading": "Article 4", "body": "Les parties se revoient chaque année."},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url("document_detail", document.key) + "#clauses"
    assert "The clause is added to the draft." in page(response)
    assert "Les parties se revoient chaque année." in page(response)
    assert (
        document.clauses.order_by("position").last().texts.get().body
        == "Les parties se revoient chaque année."
    )


def test_an_editor_saves_a_translation_in_the_clause_editor(cast, as_role, document):
    clause = document.clauses.order_by("position").first()
    editor = url("clause_edit", document.key, clause.key, "nl")
    assert 'name="expected_version" value="0"' in page(as_role("party_editor").get(editor))
    response = as_role("party_editor").post(
        editor,
        {"heading": "Artikel 1", "body": "De partijen komen samen overeen.", "expected_version": 0},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url("document_detail", document.key) + f"#clause-{clause.key}"
    assert "Your text is saved." in page(response)
    text = ClauseText.objects.get(clause=clause, language="nl")
    assert (text.body, text.revision, text.state) == (
        "De partijen komen samen overeen.",
        1,
        TranslationState.UP_TO_DATE,
    )


def test_an_editor_confirms_a_translation_still_says_the_same(cast, as_role, document):
    clause = document.clauses.order_by("position").first()
    original = clause.texts.get(language="fr")
    services.clause_edit(
        actor=cast.user("party_editor"),
        clause=clause,
        language="fr",
        heading=original.heading,
        body=original.body + " Sans délai.",
        expected_version=original.revision,
    )
    assert clause.texts.get(language="es").state == TranslationState.TO_REVIEW
    response = as_role("partner_coordinator").post(
        url("clause_confirm", document.key, clause.key, "es"), follow=True
    )
    assert "The translation is confirmed up to date." in page(response)
    assert clause.texts.get(language="es").state == TranslationState.UP_TO_DATE


def test_an_editor_moves_a_clause_up(cast, as_role, document):
    first, second = document.clauses.order_by("position")[:2]
    response = as_role("party_editor").post(
        url("clause_move", document.key, second.key), {"direction": "up"}, follow=True
    )
    assert "The clause is moved." in page(response)
    assert list(document.clauses.order_by("position").values_list("pk", flat=True)[:2]) == [
        second.pk,
        first.pk,
    ]


def test_an_editor_removes_a_clause_and_restores_it(cast, as_role, document):
    clause = document.clauses.order_by("position").first()
    client = as_role("party_editor")
    asked = client.post(url("clause_remove", document.key, clause.key))
    assert asked.status_code == 200 and Clause.objects.get(pk=clause.pk).removed_at is None
    response = client.post(url("clause_remove", document.key, clause.key), {"confirmed": "1"}, follow=True)
    assert "The clause is removed from the draft. Earlier versions keep it." in page(response)
    assert Clause.objects.get(pk=clause.pk).removed_at is not None
    response = client.post(url("clause_restore", document.key, clause.key), follow=True)
    assert "The clause is back at the end of the draft." in page(response)
    restored = Clause.objects.get(pk=clause.pk)
    assert restored.removed_at is None and restored.position == document.clauses.count() + 1


def test_a_removed_clause_comes_back_at_its_place_from_the_undo_button(cast, as_role, document):
    first, second = document.clauses.order_by("position")[:2]
    revision = type(document).objects.get(pk=document.pk).draft_revision
    client = as_role("party_editor")
    client.post(url("clause_remove", document.key, first.key), {"confirmed": "1"})
    offer = UndoOffer.objects.get(kind="conventions.clause")
    other = as_role("partner_coordinator")  # a member of the other party may undo it too
    other.post(f"/fr/undo/{offer.key}/")
    assert list(selectors.draft_clauses(document))[:2] == [first, second]
    assert type(document).objects.get(pk=document.pk).draft_revision == revision + 2  # removed, back
    again = client.post(f"/fr/undo/{offer.key}/", follow=True)
    assert again.status_code == 200


def test_a_member_opens_a_comment_thread_on_a_clause(cast, as_role, document):
    clause = document.clauses.order_by("position").first()
    response = as_role("party_viewer").post(
        url("clause_comments", document.key, clause.key),
        {"body": "Faut-il préciser la durée ?", "mentions": [str(cast.tarija.pk)]},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url("clause_comments", document.key, clause.key)
    assert "Your comment is posted." in page(response) and "Faut-il préciser la durée ?" in page(response)
    thread = CommentThread.objects.get(clause=clause)
    assert list(thread.mentions.all()) == [cast.tarija]


def test_a_member_replies_to_a_thread_and_resolves_it(cast, as_role, document):
    clause = document.clauses.order_by("position").first()
    thread = services.thread_open(
        actor=cast.user("party_viewer"), clause=clause, language="fr", body="Une question."
    )
    client = as_role("partner_coordinator")
    response = client.post(
        url("thread_reply", document.key, thread.key), {"body": "Voici la réponse."}, follow=True
    )
    assert "Your reply is posted." in page(response) and "Voici la réponse." in page(response)
    response = client.post(url("thread_resolve", document.key, thread.key), {"resolved": "1"}, follow=True)
    assert "The thread is resolved." in page(response)
    assert CommentThread.objects.get(pk=thread.pk).status == ThreadStatus.RESOLVED
    response = client.post(url("thread_resolve", document.key, thread.key), {"resolved": "0"}, follow=True)
    assert "The thread is open again." in page(response)
    assert CommentThread.objects.get(pk=thread.pk).status == ThreadStatus.OPEN
