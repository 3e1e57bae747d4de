import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    drop = ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
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
        "SOLIRIS_TESTING": "0",
        **extra,
    }


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
