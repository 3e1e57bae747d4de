"""Redis down when a booklet is asked for: the person gets the job's page, not a 500; the job
and its task are on record, and once Redis is back the sweep queues it — against a real Redis
the test starts, stops and starts again."""

from pathlib import Path

import pytest
import redis
from django.utils import timezone

from soliris import outbox
from soliris.celery import app
from soliris.models import OutboxMessage, OutboxState, RenderJob, RenderJobState
from tests.conftest import start_redis
from tests.events.conftest import make_recommendations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def broker(own_redis, settings):
    """The Celery app publishes to the test's own Redis for the length of the test."""
    process, url = own_redis
    previous = app.conf.broker_url

    def use(broker_url):
        # Forget the app's pools (kombu keeps one per broker, reused when we switch back):
        # never close them, or later tests of this process would find them closed.
        app._pool = None
        app.amqp._producer_pool = None
        app.conf.broker_url = broker_url

    use(url.replace("unix://", "redis+socket://"))
    yield process, url.removeprefix("unix://")
    use(previous)


def test_a_booklet_asked_for_while_redis_is_down_is_queued_once_it_is_back(broker, as_role, event, settings):
    process, socket = broker
    make_recommendations(event, 2)
    process.kill()
    process.wait()

    client = as_role("party_coordinator")
    response = client.post(f"/fr/events/{event.slug}/booklet/", {"language": "fr"})
    job = RenderJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/fr/documents/{job.key}/"
    assert client.get(response["Location"]).status_code == 200
    assert job.state == RenderJobState.QUEUED
    task = OutboxMessage.objects.get(payload__task="soliris.tasks.render_document")
    assert task.state == OutboxState.PENDING and task.last_error

    revived = start_redis(Path(socket))
    try:
        delivered = outbox.sweep(now=timezone.now() + timezone.timedelta(hours=2))
        task.refresh_from_db()
        assert delivered == 1, task.last_error
        task.refresh_from_db()
        assert task.state == OutboxState.DELIVERED
        assert redis.Redis(unix_socket_path=socket).llen(settings.CELERY_TASK_DEFAULT_QUEUE) == 1
    finally:
        revived.kill()
        revived.wait()
