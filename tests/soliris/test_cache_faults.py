"""Redis out of reach never stops anyone logging in: the rate limits' cache degrades."""

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def use_cache_at(settings, url):
    settings.CACHES = {
        "default": {
            "BACKEND": "soliris.cache.TolerantRedisCache",
            "LOCATION": url + "?db=1",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def log_in(client, email, password=PASSWORD):
    return client.post("/fr/accounts/login/", {"login": email, "password": password})


def test_log_in_works_with_the_cache_up_and_with_it_stopped(client, settings, make_user, own_redis):
    process, url = own_redis
    use_cache_at(settings, url)
    user = make_user("redis-down@example.org")
    assert log_in(client, user.email).status_code == 302
    client.logout()

    process.kill()
    process.wait()
    response = log_in(client, user.email)
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.get("/fr/dashboard/").status_code == 200


def test_the_rate_limit_holds_while_the_cache_is_up(client, settings, make_user, own_redis):
    _process, url = own_redis
    use_cache_at(settings, url)
    user = make_user("limited@example.org")
    for _ in range(6):
        log_in(client, user.email, "wrong password")
    # The account is limited now: even the right password is refused for a while.
    response = log_in(client, user.email)
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
