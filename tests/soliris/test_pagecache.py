"""Read pages rendered once and kept until the next committed write (soliris.pagecache).

These tests commit (``transaction=True``): the rule is about what happens at a commit."""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from partners.models import Organisation, Partnership
from soliris import pagecache
from tests.soliris.test_cache_faults import use_cache_at

pytestmark = pytest.mark.django_db(transaction=True)

DIRECTORY = "/fr/organisations/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.SOLIRIS_PAGE_CACHE = True
    settings.SOLIRIS_KEPT_FIGURES = True
    cache.clear()
    yield
    cache.clear()


def kept(response) -> bool:
    return response.get("X-Soliris-Kept") == "1"


def test_a_visitor_page_is_rendered_once_then_served_without_a_query(client, cast):
    first = client.get(DIRECTORY)
    assert first.status_code == 200 and not kept(first)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(DIRECTORY)
    assert kept(second) and len(queries) == 0
    assert "Commune de Jette" in second.content.decode()
    # Its headers are the site's own, set again on each response.
    assert second["Content-Language"] == "fr" and "Content-Security-Policy" in second


def test_every_write_forgets_the_kept_pages_once_committed_whatever_made_it(client, cast):
    client.get(DIRECTORY)
    assert kept(client.get(DIRECTORY))
    # A queryset's update() sends no signal: the write is seen all the same.
    Organisation.objects.filter(pk=cast.jette.pk).update(name="Commune de Jette-Centre")
    page = client.get(DIRECTORY)
    assert not kept(page) and "Commune de Jette-Centre" in page.content.decode()
    assert kept(client.get(DIRECTORY))
    with connection.cursor() as cursor:  # raw SQL too
        cursor.execute("UPDATE partners_organisation SET name = %s WHERE id = %s", ["Jette", cast.jette.pk])
    assert not kept(client.get(DIRECTORY))


def test_the_generation_changes_at_the_commit_not_before_and_not_after_a_rollback(client, cast):
    client.get(DIRECTORY)
    before = cache.get(pagecache.GENERATION_KEY)
    with transaction.atomic():
        Organisation.objects.filter(pk=cast.jette.pk).update(locality="Jette-Nord")
        # A reader now would render the old data: it must store it under the old generation.
        assert cache.get(pagecache.GENERATION_KEY) == before
    after_commit = cache.get(pagecache.GENERATION_KEY)
    assert after_commit != before

    with pytest.raises(RuntimeError), transaction.atomic():
        Organisation.objects.filter(pk=cast.jette.pk).update(locality="nowhere")
        raise RuntimeError
    assert cache.get(pagecache.GENERATION_KEY) == after_commit


def test_sessions_written_with_each_flash_message_do_not_forget_the_pages(client, cast):
    client.get(DIRECTORY)
    session = SessionStore()
    session["seen"] = True
    session.create()  # a session row written, nothing else
    session["seen"] = False
    session.save()
    session.delete()
    assert kept(client.get(DIRECTORY))


def test_each_reader_gets_a_csrf_token_of_their_own_that_the_site_accepts():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(DIRECTORY)
    page = second.get(DIRECTORY)
    assert kept(page)
    body = page.content.decode()
    assert pagecache.CSRF_MARK not in body
    token = body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert _unmask_cipher_token(token) == second.cookies["csrftoken"].value
    answer = second.post("/i18n/setlang/", {"language": "nl", "next": "/nl/", "csrfmiddlewaretoken": token})
    assert answer.status_code == 302


def test_a_member_page_is_kept_for_that_member_only(client, cast):
    partnership = cast.partnership
    Partnership.objects.filter(pk=partnership.pk).update(visibility="parties")
    path = f"/fr/partnerships/{partnership.key}/"
    editor = Client()
    editor.force_login(cast.user("party_editor"))
    assert editor.get(path).status_code == 200
    assert kept(editor.get(path))
    outsider = Client()
    outsider.force_login(cast.user("outsider"))
    assert outsider.get(path).status_code == 404
    assert client.get(path).status_code == 404  # a visitor


def test_flash_messages_htmx_fragments_and_staff_are_never_served_from_the_cache(client, cast):
    client.get(DIRECTORY)
    assert kept(client.get(DIRECTORY))
    # A message waiting: the page is rendered, with it.
    carrier = HttpResponse()
    CookieStorage(RequestFactory().get("/"))._store([Message(constants.SUCCESS, "Enregistré.")], carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value
    page = client.get(DIRECTORY)
    assert not kept(page) and "Enregistré." in page.content.decode()
    assert not kept(client.get(DIRECTORY, headers={"HX-Request": "true"}))
    staff = Client()
    staff.force_login(cast.user("staff"))
    staff.get(DIRECTORY)
    assert not kept(staff.get(DIRECTORY))


def test_with_the_cache_out_of_reach_every_page_is_rendered(client, cast, settings, own_redis):
    process, url = own_redis
    use_cache_at(settings, url)
    client.get(DIRECTORY)
    assert kept(client.get(DIRECTORY))
    process.kill()
    process.wait()
    page = client.get(DIRECTORY)
    assert page.status_code == 200 and not kept(page)
    assert "Commune de Jette" in page.content.decode()


@pytest.mark.parametrize(
    ("sql", "write"),
    [
        ('UPDATE "partners_organisation" SET "name" = %s', True),
        ('INSERT INTO "events_event" ("slug") VALUES (%s)', True),
        ('DELETE FROM "projects_site" WHERE "id" = %s', True),
        ('TRUNCATE "partners_organisation"', True),
        ("WITH moved AS (SELECT 1) UPDATE conventions_clause SET position = 1", True),
        ("WITH counted AS (SELECT 1) SELECT * FROM counted", False),
        ('SELECT "id" FROM "partners_organisation" FOR UPDATE', False),
        ('UPDATE "django_session" SET "session_data" = %s', False),
        ('DELETE FROM "django_session" WHERE "session_key" = %s', False),
    ],
)
def test_what_counts_as_a_write(sql, write):
    assert pagecache._is_write(sql) is write


def test_figures_are_kept_until_a_table_of_their_app_is_written(cast):
    computed = []

    def figures():
        computed.append(1)
        return {"projects": len(computed)}

    def read():
        return pagecache.kept_figures("test:figures", figures, apps=("projects",))

    assert read() == {"projects": 1}
    assert read() == {"projects": 1}  # kept
    Organisation.objects.filter(pk=cast.jette.pk).update(locality="Jette")  # another app's table
    assert read() == {"projects": 1}
    with connection.cursor() as cursor:
        cursor.execute('UPDATE "projects_goal" SET "colour" = "colour"')
    assert read() == {"projects": 2}  # forgotten
    with connection.cursor() as cursor:  # a write whose table cannot be told: every app's go
        cursor.execute("WITH moved AS (SELECT 1) UPDATE projects_goal SET colour = colour")
    assert read() == {"projects": 3}


def test_the_written_app_is_read_off_the_statement():
    assert pagecache._written_app('UPDATE "projects_site" SET "x" = 1') == "projects"
    assert pagecache._written_app('INSERT INTO "partners_exchange" ("title") VALUES (%s)') == "partners"
    assert pagecache._written_app('DELETE FROM "events_event" WHERE "id" = %s') == "events"
    assert pagecache._written_app("WITH moved AS (SELECT 1) UPDATE projects_goal SET colour = 1") is None
