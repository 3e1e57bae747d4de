"""Typed text survives a lost session; a form that is not UTF-8 is a short 400."""

import pytest
from django.test import Client

from soliris.models import RescuedForm
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LONG_TEXT = "Article 1 — Objet\n\n" + "Les parties co-décident de chaque étape. " * 100


def test_a_post_after_the_session_ended_is_kept_and_sent_again_after_log_in(make_user, cast):
    user = cast.user("party_coordinator")
    browser = Client(enforce_csrf_checks=False)
    path = f"/fr/partnerships/{cast.partnership.key}/edit/"
    response = browser.post(path, {"name": "Jette – Tarija", "description": LONG_TEXT, "version": "1"})
    kept = RescuedForm.objects.get()
    assert ["description", LONG_TEXT.rstrip()] in kept.fields  # normalised, as every post
    assert "soliris_rescue" in response.cookies
    # Straight to the log-in, which says the text is kept, and comes back to it.
    assert response.status_code == 302
    login_page = browser.get(response["Location"])
    assert "conservé" in login_page.content.decode() or "kept" in login_page.content.decode()
    next_path = f"/fr/kept/{kept.key}/"
    assert response["Location"].endswith("?next=" + next_path)
    response = browser.post(response["Location"], {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == next_path
    page = browser.get(next_path)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'action="{path}"' in html
    assert "Les parties co-décident" in html
    # Sent again: the view gets the whole text.
    fields = dict(kept.fields)
    response = browser.post(path, fields)
    assert response.status_code in (200, 302)


def test_another_browser_cannot_read_a_kept_form(cast, make_user):
    browser = Client()
    browser.post(f"/fr/partnerships/{cast.partnership.key}/edit/", {"description": LONG_TEXT})
    kept = RescuedForm.objects.get()
    other = Client()
    other.force_login(make_user())
    assert other.get(f"/fr/kept/{kept.key}/").status_code == 404


def test_passwords_and_tokens_are_never_kept(cast):
    Client().post(
        f"/fr/partnerships/{cast.partnership.key}/edit/",
        {"description": "texte", "password": "secret", "csrfmiddlewaretoken": "t"},
    )
    names = [name for name, _value in RescuedForm.objects.get().fields]
    assert names == ["description"]


def test_a_csrf_failure_keeps_the_text_in_the_readers_language(cast):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(cast.user("partner_coordinator"))
    response = browser.post(
        f"/es/partnerships/{cast.partnership.key}/edit/", {"description": LONG_TEXT, "version": "1"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="es"' in html
    assert "Les parties co-décident" in html  # the text, kept on the page
    assert "csrfmiddlewaretoken" in html  # with a fresh token, to send it again
    assert RescuedForm.objects.count() == 1


def test_logging_in_is_never_kept_or_intercepted(make_user):
    user = make_user("plain@example.org")
    response = Client().post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert not RescuedForm.objects.exists()


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset=latin-1",
        "application/x-www-form-urlencoded; charset=nonsense",
        "multipart/form-data; charset=nonsense; boundary=xx",
    ],
)
def test_a_form_that_is_not_utf8_is_a_short_400(content_type):
    client = Client(raise_request_exception=False)
    response = client.generic(
        "POST", "/fr/accounts/login/", b"login=caf\xe9&password=x", content_type=content_type
    )
    assert response.status_code == 400
    assert len(response.content) < 100


def test_a_utf8_form_goes_through():
    client = Client(raise_request_exception=False)
    response = client.generic(
        "POST",
        "/fr/accounts/login/",
        "login=café@example.org&password=x".encode(),
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
    )
    assert response.status_code == 200


def test_posted_text_is_normalised_at_the_boundary():
    from django.http import HttpResponse
    from django.test import RequestFactory

    from soliris.middleware import TextNormalisationMiddleware, normalise_text

    assert normalise_text("Un\r\n\r\nDeux  \r\nTrois\r\n") == "Un\n\nDeux\nTrois"
    assert normalise_text("une ligne ") == "une ligne "  # single lines: the form field strips

    seen = {}

    def view(request):
        seen.update(request.POST.lists())
        return HttpResponse()

    request = RequestFactory().post(
        "/", {"body": "Article 1\r\n\r\nTexte.\r\n", "password": "pass \r\nword", "tags": ["a\r\nb", "c"]}
    )
    TextNormalisationMiddleware(view)(request)
    assert seen == {"body": ["Article 1\n\nTexte."], "password": ["pass \r\nword"], "tags": ["a\nb", "c"]}


def test_a_log_in_form_left_open_too_long_is_refused_in_the_readers_language_without_keeping_it():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/es/accounts/login/", {"login": "someone@example.org", "password": "secret"})
    assert response.status_code == 403
    assert 'lang="es"' in response.content.decode()
    assert not RescuedForm.objects.exists()
