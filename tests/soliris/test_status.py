import pytest

pytestmark = pytest.mark.django_db


def test_status_is_for_platform_staff_only(client, make_user):
    client.force_login(make_user())
    assert client.get("/fr/status/").status_code == 403


@pytest.mark.worker
def test_status_shows_the_database_redis_and_a_live_worker(client, staff, celery_worker):
    client.force_login(staff)
    response = client.get("/en/status/")
    body = response.content.decode()
    assert response.status_code == 200, body
    assert "Everything answers." in body
    assert celery_worker.name in body
    assert "PostgreSQL" in body
    assert " ms" in body


def test_status_says_clearly_when_redis_is_down(client, staff, settings, own_redis):
    process, url = own_redis
    settings.REDIS_URL = url
    settings.CELERY_BROKER_URL = url.replace("unix://", "redis+socket://")
    client.force_login(staff)

    up = client.get("/en/status/").content.decode()
    assert up.count("✓ answers") == 2  # database and Redis; this Redis has no worker

    process.terminate()
    process.wait()
    response = client.get("/en/status/")
    body = response.content.decode()
    assert response.status_code == 503
    assert "Something does not answer" in body
    assert body.count("✗ does not answer") == 2  # Redis, and so the workers
    assert body.count("✓ answers") == 1  # the database still does
