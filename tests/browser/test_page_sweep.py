"""The page sweep: every URL of the resolver, filled with the demo's objects, for each role
that may see it (a visitor, a member of the object's parties, the platform's staff), in the
four languages, at 1280 and 360 px in Chromium.

On each page: no sideways scroll (the document no wider than the viewport, no box past its
right edge outside a scroll container, no text wider than its box), axe with no serious or
critical violation, and no English msgid of the catalogues on a French, Dutch or Spanish page.
A URL no role can open is a failure, unless it is a download (which must answer its content
type) or an action answering 405 to a GET. A new URL is swept without writing anything; one
with a parameter the demo cannot fill fails (tests/browser/sweep.py has the fillers).

One test per language (xdist shares them out); each loads the demo, opens one browser
context per person, and reports every problem it found in one message. SWEEP_ONLY=<part of
a path> limits a run to the addresses holding it (to look at one page while fixing it).
"""

import io
import os
import re
import time
import zlib
from pathlib import Path

import pytest
from allauth.account.internal.flows import login as login_flow
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from partners import reference as partners_reference
from projects import reference as projects_reference
from soliris.models import User
from tests.browser import sweep
from tests.browser.sweep_text import English

pytestmark = pytest.mark.browser

PROBE = (Path(__file__).parent / "sweep.js").read_text()
WIDTHS = (1280, 360)

# Not pages: what a GET must answer instead, for every role (an action that only posts),
# or the content type one role at least must get (a download).
POST_ONLY = {
    "set_language",
    "undo",
    "notifications_read_all",
    "admin:logout",
    "pdf:job_retry",
    "partners:organisation_verify",
    "partners:member_role",
    "partners:member_end",
    "partners:invitation_cancel",
    "partners:party_leave",
    "partners:checkin_open",
    "projects:project_transition",
    "projects:party_withdraw",
    "projects:site_delete",
    "projects:sdg_link_delete",
    "projects:funding_delete",
    "projects:submission_decide",
    "conventions:document_publish",
    "conventions:clause_confirm",
    "conventions:clause_move",
    "conventions:clause_remove",
    "conventions:clause_restore",
    "conventions:thread_reply",
    "conventions:thread_resolve",
    "conventions:suggestion_accept",
    "conventions:suggestion_reject",
    "conventions:suggestion_withdraw",
    "events:registration_cancel",
    "events:event_cancel",
    "events:workshop_join",
    "events:workshop_leave",
    "events:booklet_request",
    "events:recommendation_endorse",
    "events:recommendation_withdraw",
}
DOWNLOADS = {
    "robots": "text/plain",
    "sitemap_index": "application/xml",
    "sitemap": "application/xml",
    "pdf:certificate_pem": "application/x-pem-file",
    "pdf:certificate_der": "application/pkix-cert",
    "pdf:authority_pem": "application/x-pem-file",
    "pdf:authority_der": "application/pkix-cert",
    "maps:geojson": "application/geo+json",
    "maps:picker": "image/svg+xml",
    "conventions:version_packet_odt": "application/vnd.oasis.opendocument.text",
    "opendata:iati_activities": "application/xml",
    "opendata:iati_organisations": "application/xml",
    "opendata:iati_organisation_activities": "application/xml",
    "opendata:feed_events": "application/atom+xml",
    "opendata:feed_calls": "application/atom+xml",
    "opendata:feed_recommendations": "application/atom+xml",
    "opendata:calendar_events": "text/calendar",
    "opendata:personal_calendar": "text/calendar",
    **{
        f"api:{name}": "application/json"
        for name in ("index",)
        + tuple(
            f"{kind}-{view}"
            for kind in ("organisation", "partnership", "project", "call", "event", "recommendation")
            + ("convention", "goal")
            for view in ("list", "detail")
        )
    },
    "api:schema": "application/vnd.oai.openapi+json",
    # Swagger UI, the API's documentation: a page of another tool, in English, judged by its
    # own test (tests/opendata/test_api_schema.py) and the open-data journey (axe, CSP).
    "api:docs": "text/html",
    "partners:organisation_export_csv": "text/csv",
    "partners:organisation_export_json": "application/json",
    "partners:partnership_export_csv": "text/csv",
    "partners:partnership_export_json": "application/json",
    "my_data_export": "application/json",
    "events:attendee_csv": "text/csv",
    "events:event_calendar": "text/calendar",
    "conventions:document_public_pdf": "application/pdf",
    "pdf:job_download": "application/pdf",
    "projects:document_download": "application/pdf",
    "mfa_download_recovery_codes": "text/plain",
    "admin:jsi18n": "text/javascript",
    "partners:organisation_logo": "image/",
}
# Steps of a flow that only exist inside it: a GET outside it is sent elsewhere, for everyone.
REDIRECTS = {
    "account_confirm_login_code": "the log-in by code, after its code was asked for",
    "mfa_authenticate": "the second factor, between password and session",
    "account_set_password": "a password for an account that has none (every demo account has one)",
}
# Links that open another page for the one person they belong to (a 404 for anyone else).
OPENS = {"notification_open": "an entry of the notification centre: marked read, its page opened"}
# Addresses with nothing behind them in this platform: the admin's "view on site" of a model
# with a page of its own (none defines get_absolute_url): a 404 for any object; and the API's
# catch-all, its JSON 404 for any address it does not serve.
NOT_FOUND = {"admin:view_on_site", "api:not_found"}
# Pages that end the session they are opened in (another person's reset link, confirmation):
# opened, then each person gets a new session.
ENDS_SESSION = {"account_reset_password_from_key", "account_confirm_email", "account_logout"}
# Pages that may answer their state with another status than 200: the status page says 503
# while no worker answers, 200 while one does (a test of the suite may have started one):
# judged as pages either way.
STATUSES = {"status": (200, 503)}
# Answers that are pieces of a page (htmx fragments, redirects): opened, never judged alone.
FRAGMENTS = {"pdf:job_progress"}


class People:
    """One browser context per person, logged in once (a session made on the server)."""

    def __init__(self, browser, base_url, language, demo):
        self.browser, self.base_url, self.language, self.demo = browser, base_url, language, demo
        self.pages = {}
        self.sessions = {}

    def recent(self, email):
        """The session's log-in made a moment ago again: pages behind a reauthentication
        (the second factor's, the erasure) show themselves whatever the sweep's pace."""
        from django.contrib.sessions.backends.db import SessionStore

        if email in self.sessions:
            session = SessionStore(self.sessions[email])
            session[login_flow.AUTHENTICATION_METHODS_SESSION_KEY][-1]["at"] = time.time()
            session.save()

    def page(self, email):
        if email in self.pages:
            return self.pages[email]
        return _timed("context", self._page, email)

    def _page(self, email):
        context = self.browser.new_context(
            base_url=self.base_url, locale=self.language, viewport={"width": WIDTHS[0], "height": 900}
        )
        context.set_default_timeout(20_000)
        cookies = []
        if email:
            client = Client()
            user = User.objects.get(email=email)
            client.force_login(user)
            session = client.session  # logged in a moment ago: no page asks to log in again
            session[login_flow._AUTHENTICATION_METHODS_USER_SESSION_KEY] = login_flow.user_id_to_str(user)
            session[login_flow.AUTHENTICATION_METHODS_SESSION_KEY] = [
                {"method": "password", "at": time.time(), "email": email, "reauthenticated": True}
            ]
            session.save()
            session = self.sessions[email] = session.session_key
            cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": self.base_url})
            cookies.append(
                {"name": "soliris_rescue", "value": self.demo.extra["rescue_cookie"], "url": self.base_url}
            )
        if cookies:
            context.add_cookies(cookies)
        self.pages[email] = context.new_page()
        return self.pages[email]

    def forget(self):
        self.close()
        self.pages = {}

    def close(self):
        for page in self.pages.values():
            page.context.close()


# Where the sweep's time goes (seconds and counts), printed with a failure's report.
TIMES = {}


def _timed(key, fn, *args):
    start = time.perf_counter()
    try:
        return fn(*args)
    finally:
        TIMES[key] = TIMES.get(key, 0) + time.perf_counter() - start
        TIMES[key + "#"] = TIMES.get(key + "#", 0) + 1


# axe-core, as bundled by axe-playwright-python: the rules that can find a serious or critical
# violation (the others cannot fail the sweep, and "region" alone costs as much as the rest).
_AXE_RUN = """() => axe.run(document, {
  resultTypes: ["violations"],
  runOnly: {type: "rule", values: axe._audit.rules
    .filter((rule) => rule.enabled !== false && ["serious", "critical"].includes(rule.impact) && !rule.tags.includes("experimental"))
    .map((rule) => rule.id)},
})"""


def _axe(page):
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("typeof axe !== 'undefined'"):
        _timed("inject", page.evaluate, Axe().axe_script)
    results = _timed("axe", page.evaluate, _AXE_RUN)
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def _layout(page, width, with_text=False):
    data = _timed("probe", page.evaluate, PROBE, with_text)
    problems = []
    if data["width"] > data["viewport"]:
        problems.append(f"document {data['width']} px wide for {data['viewport']}")
    problems += data["pastEdge"][:6] + data["cut"][:6]
    return problems, data


def _check_page(page, address, language, role, english, problems, *, axe=True):
    url = address.url(language)
    where = f"{url} [{role}]"
    for width in WIDTHS:
        if width != WIDTHS[0]:
            _timed("resize", page.set_viewport_size, {"width": width, "height": 900})
            page.wait_for_load_state("load")
        found, data = _layout(page, width, with_text=width == WIDTHS[0])
        problems += [f"{where} {width}px: {p}" for p in found]
        if width == WIDTHS[0]:
            if (data["lang"] or "").split("-")[0] != language:
                problems.append(f"{where}: <html lang={data['lang']!r}>")
            if english is not None:
                problems += [
                    f"{where}: English «{text}»"
                    for text in sorted(
                        _timed("english", english.found, data["chunks"], not address.route.is_admin)
                    )
                ]
    if axe:
        problems += [f"{where} {WIDTHS[-1]}px: {p}" for p in _axe(page)]
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})


@pytest.mark.parametrize("language", sweep.LANGUAGES)
def test_every_page_in_every_language_at_both_widths(
    language, browser, live_server, transactional_db, monkeypatch
):
    # The demo's PDFs are rendered here, never by a worker another test started (it would
    # race the sweep for the job: a download or a verification seen before its file exists).
    monkeypatch.setattr("soliris.pdf.services._enqueue", lambda job_id: None)
    # The reference data its migrations load: gone when an earlier test flushed the tables.
    partners_reference.load()
    projects_reference.load()
    _timed("seed", lambda: call_command("seed_demo", stdout=io.StringIO()))
    demo = sweep.Demo()
    _timed("fresh", sweep.create_fresh_objects, demo)
    all_routes = list(sweep.routes())
    found, problems = _timed("addresses", sweep.addresses, demo, all_routes)
    problems = [f"route {p}" for p in problems]
    english = None if language == "en" else _timed("english-init", English, language)
    start = time.perf_counter()
    people = People(browser, live_server.url, language, demo)
    roles = (("visitor", lambda a: None), ("member", lambda a: a.member), ("staff", lambda a: sweep.STAFF))
    admin = sorted(a.path for a in found if a.route.is_admin)
    try:
        for address in found:
            name = address.route.name or address.route.template
            if address.route.is_admin and admin.index(address.path) % len(
                sweep.LANGUAGES
            ) != sweep.LANGUAGES.index(language):
                continue  # the admin (Django's pages): each address in one language of four
            url = address.url(language)
            if os.environ.get("SWEEP_ONLY") and os.environ["SWEEP_ONLY"] not in url:
                continue
            answers = []
            for role, person in roles:
                if address.route.is_admin and role != "staff":
                    continue
                page = people.page(person(address))
                if name.startswith("mfa_") or name == "account_erase":
                    people.recent(person(address))
                if name in DOWNLOADS or name in POST_ONLY:
                    response = page.request.get(url, max_redirects=0)
                    answers.append((role, response.status, response.headers.get("content-type", "")))
                    continue
                t0 = time.perf_counter()
                answer = _open(page, live_server.url + url, STATUSES.get(name, (200,)))
                key = "shown" if answer["shown"] else "hidden"
                TIMES[key] = TIMES.get(key, 0) + time.perf_counter() - t0
                TIMES[key + "#"] = TIMES.get(key + "#", 0) + 1
                answers.append((role, answer["status"], answer["type"]))
                if not answer["shown"] or name in FRAGMENTS:
                    continue
                _check_page(
                    page, address, language, role, english, problems, axe=_axe_here(url, role, language)
                )
                if name == "pdf:verify" and role == "visitor" and demo.job.file:
                    # The result of a verification: the page the signed PDF's QR code opens.
                    page.set_input_files("main form input[type=file]", demo.job.file.path)
                    with page.expect_navigation(wait_until="load"):
                        page.locator("main form [type=submit]").click()
                    _check_page(page, address, language, "visitor, a verified PDF", english, problems)
            if name in ENDS_SESSION:
                people.forget()
            problems += _judge(name, url, answers, STATUSES.get(name, (200,)))
    finally:
        people.close()
    TIMES["loop"] = time.perf_counter() - start
    print(TIMES)
    assert not problems, f"{len(problems)} problems in {language}:\n" + "\n".join(problems)


def _axe_here(url, role, language) -> bool:
    """axe runs on each address once per role, in one language of four (turn by turn): its
    rules (names, labels, contrast, structure) do not change with the language, and a run
    costs as much as loading the page. The layout and the words are checked in every language."""
    path = url.split("/", 2)[-1]  # the address without its language prefix
    return zlib.crc32(f"{path} {role}".encode()) % len(sweep.LANGUAGES) == sweep.LANGUAGES.index(language)


def _open(page, url, wanted):
    """Opens ``url`` if it answers a page (a status in ``wanted``, HTML); anything else (a redirect, a
    refusal) is only recorded: the browser gets an empty page instead."""
    answer = {}

    def handle(route):
        response = route.fetch(max_redirects=0)
        kind = response.headers.get("content-type", "")
        answer.update(
            status=response.status,
            type=kind,
            shown=response.status in wanted and kind.startswith("text/html"),
        )
        if answer["shown"]:
            route.fulfill(response=response)
        else:
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>-</title>")

    pattern = re.compile(re.escape(url) + "$")
    page.route(pattern, handle)
    try:
        page.goto(url, wait_until="load")
    finally:
        page.unroute(pattern, handle)
    return answer


def _judge(name, url, answers, wanted_status) -> list[str]:
    """A URL some role opens; a download some role gets; an action answering 405."""
    told = ", ".join(f"{role} {status}" for role, status, _ in answers)
    if name in POST_ONLY:
        refused = all(status == 405 or (role == "visitor" and status == 302) for role, status, _ in answers)
        return [] if refused else [f"{url}: a GET answers {told}, not 405"]
    if name in DOWNLOADS:
        wanted = DOWNLOADS[name]
        if any(status == 200 and kind.startswith(wanted) for _, status, kind in answers):
            return []
        return [f"{url}: no role downloads it as {wanted} ({told})"]
    if any(status in wanted_status for _, status, _ in answers):
        return []
    if name in NOT_FOUND and all(status == 404 for _, status, _ in answers):
        return []
    if name in REDIRECTS and all(status == 302 for _, status, _ in answers):
        return []
    if name in OPENS and any(role != "visitor" and status == 302 for role, status, _ in answers):
        return []
    if name.startswith("admin:") and answers and all(status in (302, 403) for _, status, _ in answers):
        return []  # Django's admin: a view its ModelAdmin turns off (403), a redirect to another
    if name.endswith("<path:object_id>/") and all(status == 302 for _, status, _ in answers):
        return []  # an admin object's short address: a redirect to its change page
    return [f"{url}: no role may see it ({told})"]
