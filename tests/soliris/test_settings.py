import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


# What the test run sets (pytest-django exports the test settings module) and a server would not.
_NOT_INHERITED = (
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_HOST",
    "EMAIL_BACKEND",
    "CELERY_QUEUE",
    "SOLIRIS_OUTBOX_EAGER",
)


def run_manage(*args, **env):
    """``manage.py`` in a fresh process with the real settings (``soliris.settings``)."""
    drop = _NOT_INHERITED
    environment = {k: v for k, v in os.environ.items() if k not in drop}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True
    )


def production_env(**extra):
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "soliris.example.org",
        # Named, never reached: `check` and `shell -c` do not connect.
        "DATABASE_URL": "postgresql://soliris@127.0.0.1:5432/soliris",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "EMAIL_HOST": "smtp.example.org",
        "SOLIRIS_SIGNING_CERT": "/run/secrets/signing-cert.pem",
        "SOLIRIS_SIGNING_KEY": "/run/secrets/signing-key.pem",
        **extra,
    }


def setting(name, **env):
    """The value of ``settings.<name>`` as a fresh process with this environment reads it."""
    script = f"from django.conf import settings; print(repr(settings.{name}))"
    result = run_manage("shell", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_check_deploy_reports_nothing_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", **production_env())
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", **production_env(SECRET_KEY=""))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", **production_env(SECRET_KEY="too-short"))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_misspelt_boolean_is_an_error_not_a_silent_default():
    result = run_manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_the_cache_reaches_an_embedded_redis_on_its_unix_socket():
    """``make run`` gives a ``unix://`` REDIS_URL: the cache gets a URL redis-py accepts."""
    from redis.connection import UnixDomainSocketConnection, parse_url

    from soliris.settings import _redis_url

    url = _redis_url("unix:///work/var/redis/redis.sock", 3)
    options = parse_url(url)
    assert options["connection_class"] is UnixDomainSocketConnection
    assert options["path"] == "/work/var/redis/redis.sock" and options["db"] == 3
    assert _redis_url("redis://127.0.0.1:6379/0", 4) == "redis://127.0.0.1:6379/4"


def test_production_workers_keep_their_database_connection_and_development_does_not():
    script = "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])"
    assert run_manage("shell", "-c", script, **production_env()).stdout.split()[-1] == "60"
    assert run_manage("shell", "-c", script, DEBUG="1").stdout.split()[-1] == "0"
    assert run_manage("shell", "-c", script, **production_env(DB_CONN_MAX_AGE="5")).stdout.split()[-1] == "5"


def test_production_refuses_to_start_without_a_database_url():
    """No silent fallback to a PostgreSQL on localhost."""
    result = run_manage("check", **production_env(DATABASE_URL=""))
    assert result.returncode != 0
    assert "DATABASE_URL must name the PostgreSQL database" in result.stderr


def test_production_refuses_to_start_without_a_redis_url():
    result = run_manage("check", **production_env(REDIS_URL=""))
    assert result.returncode != 0
    assert "REDIS_URL must name the Redis server" in result.stderr


@pytest.mark.parametrize("variable", ["SOLIRIS_SIGNING_CERT", "SOLIRIS_SIGNING_KEY"])
def test_production_refuses_to_start_without_its_signing_pair(variable):
    """No key made up on the fly in a folder that no backup knows about."""
    result = run_manage("check", **production_env(**{variable: ""}))
    assert result.returncode != 0
    assert f"{variable} must name" in result.stderr


def test_production_refuses_to_start_without_a_way_to_send_mail():
    """No silent fallback to emails printed on a console nobody reads."""
    result = run_manage("check", **production_env(EMAIL_HOST=""))
    assert result.returncode != 0
    assert "EMAIL_HOST (SMTP) or EMAIL_BACKEND must say how mail is sent" in result.stderr


def test_production_sends_mail_through_an_explicit_backend_without_smtp_host():
    backend = "django.core.mail.backends.locmem.EmailBackend"
    assert setting("EMAIL_BACKEND", **production_env(EMAIL_HOST="", EMAIL_BACKEND=backend)) == repr(backend)
    assert setting("EMAIL_BACKEND", **production_env()) == repr("django.core.mail.backends.smtp.EmailBackend")


def test_development_runs_with_nothing_configured():
    assert setting("DATABASES['default']['NAME']", DEBUG="1") == "'soliris'"
    assert setting("EMAIL_BACKEND", DEBUG="1") == repr("django.core.mail.backends.console.EmailBackend")


def test_the_real_settings_hold_nothing_of_the_tests():
    """The test parts live in soliris.settings_test only: no test app, no test document kind,
    the Redis cache, the real password hashers, the shared queue, nothing delivered in-process."""
    script = (
        "from django.conf import settings; from soliris import pdf;"
        "print('tests.support' in settings.INSTALLED_APPS, sorted(k for k in pdf.kinds() if k.startswith('testing.')),"
        " settings.CACHES['default']['BACKEND'], settings.PASSWORD_HASHERS[0],"
        " settings.CELERY_TASK_DEFAULT_QUEUE, settings.SOLIRIS_OUTBOX_EAGER)"
    )
    result = run_manage("shell", "-c", script, **production_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "False",
        "[]",
        "soliris.cache.TolerantRedisCache",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "soliris",
        "False",
    ]


def test_the_tests_run_their_own_settings(settings):
    from soliris import pdf

    assert os.environ["DJANGO_SETTINGS_MODULE"] == "soliris.settings_test"
    assert {"testing.slow", "testing.signed"} <= set(pdf.kinds())
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    assert queue == (os.environ.get("CELERY_QUEUE") or f"soliris-test-{os.getpid()}")
    assert settings.SOLIRIS_OUTBOX_EAGER is True


# --- The packages the settings run on ------------------------------------------------------


def locked(path: Path) -> dict[str, str]:
    """``{name: version}`` of a requirements file compiled by ``make lock``."""
    import re

    pins = re.findall(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", path.read_text(), flags=re.MULTILINE)
    return {canonical(name): version for name, version in pins}


def canonical(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        name, _, version = requirement.partition("==")
        pins[canonical(name.split("[")[0])] = version.strip()
    return pins


def test_the_lock_files_hold_the_pins_of_pyproject_and_production_no_local_or_test_tool():
    """Fails when a pin changed in pyproject.toml without `make lock`."""
    import tomllib

    project = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]
    base = pinned(project["dependencies"])
    extras = {name: pinned(items) for name, items in project["optional-dependencies"].items()}
    production = locked(BASE_DIR / "requirements" / "production.txt")
    dev = locked(BASE_DIR / "requirements" / "dev.txt")
    assert {name: production.get(name) for name in base} == base
    assert {name: dev.get(name) for name in base | extras["dev"] | extras["local"]} == {
        **base,
        **extras["dev"],
        **extras["local"],
    }
    # Production: no embedded server, no test tool.
    assert (set(extras["local"]) | set(extras["dev"])) & set(production) == set()
    for path in (BASE_DIR / "requirements").glob("*.txt"):
        assert "--hash=sha256:" in path.read_text(), path
