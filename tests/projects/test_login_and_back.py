"""A visitor who follows a link to a page that is not public is asked to log in, then brought
back to it; whether the page exists or not, the visitor is told nothing more."""

import pytest
from django.test import Client
from django.utils.html import escape

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PAGE = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}  # a browser


def test_a_visitor_is_sent_to_log_in_and_back_to_a_private_project(project, cast):
    path = f"/es/projects/{project.key}/"
    response = Client().get(path, headers=PAGE)
    assert response.status_code == 302
    assert response["Location"] == f"/es/accounts/login/?next={path}"

    member = cast.user("partner_coordinator")
    browser = Client()
    logged_in = browser.post(response["Location"], {"login": member.email, "password": PASSWORD})
    assert logged_in.status_code == 302 and logged_in["Location"] == path
    page = browser.get(path, headers=PAGE)
    assert page.status_code == 200 and escape(project.title) in page.content.decode()


def test_a_page_that_does_not_exist_answers_a_visitor_the_same_way(project):
    missing = "/fr/projects/doesnotexist/"
    response = Client().get(missing, headers=PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/fr/accounts/login/?next=")


def test_a_member_who_may_not_see_it_still_gets_the_404(project, make_user):
    outsider = Client()
    outsider.force_login(make_user())
    assert outsider.get(f"/fr/projects/{project.key}/", headers=PAGE).status_code == 404


def test_fragments_and_images_are_answered_404(project, cast):
    visitor = Client()
    path = f"/fr/projects/{project.key}/"
    assert visitor.get(path, headers={**PAGE, "HX-Request": "true"}).status_code == 404
    assert visitor.get(path, headers={"Accept": "image/avif,image/webp,*/*"}).status_code == 404
