import uuid

import pytest

from soliris.tasks import ping


@pytest.mark.worker
def test_a_task_goes_through_redis_to_a_real_worker_and_back(celery_worker, make_user):
    make_user()
    marker = uuid.uuid4().hex
    result = ping.delay(marker)
    assert result.get(timeout=90) == {"marker": marker, "users": 1}
    assert f"soliris.tasks.ping[{result.id}]" in celery_worker.log()
