"""Render jobs heal: what the queue lost is queued again, what a dead worker left running
fails with "Try again", and a finished job whose file is gone is rendered again."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from soliris.models import OutboxMessage, RenderJob, RenderJobState
from soliris.pdf import services


def make_job(**fields):
    values = {"kind": "testing.slow", "language": "fr", "content_hash": fields.pop("content_hash", "h")}
    return RenderJob.objects.create(**values, **fields)


def queued_tasks(job):
    return OutboxMessage.objects.filter(payload__task="soliris.tasks.render_document", payload__args=[job.pk])


@pytest.mark.django_db
def test_a_job_queued_too_long_ago_is_queued_again_and_a_fresh_one_is_left_alone():
    lost = make_job(content_hash="lost", queued_at=timezone.now() - timedelta(minutes=30))
    fresh = make_job(content_hash="fresh")
    assert services.job_sweep() == {"requeued": 1, "failed": 0}
    assert queued_tasks(lost).count() == 1
    assert not queued_tasks(fresh).exists()
    # Queued again just now: the next sweep waits before queuing it once more.
    assert services.job_sweep() == {"requeued": 0, "failed": 0}


@pytest.mark.django_db
def test_a_job_whose_worker_went_silent_fails_and_can_be_tried_again(make_user):
    long_ago = timezone.now() - timedelta(minutes=30)
    stalled = make_job(
        content_hash="stalled", state=RenderJobState.RUNNING, progress=60, attempts=1, heartbeat_at=long_ago
    )
    alive = make_job(
        content_hash="alive", state=RenderJobState.RUNNING, attempts=1, heartbeat_at=timezone.now()
    )
    assert services.job_sweep() == {"requeued": 0, "failed": 1}
    stalled.refresh_from_db()
    alive.refresh_from_db()
    assert stalled.state == RenderJobState.FAILED and alive.state == RenderJobState.RUNNING
    services.job_retry(actor=make_user(), job=stalled)
    stalled.refresh_from_db()
    assert stalled.state == RenderJobState.QUEUED and queued_tasks(stalled).count() == 1


@pytest.mark.django_db
def test_a_duplicate_message_leaves_a_live_rendering_alone_but_a_redelivered_one_takes_it_over():
    job = make_job(content_hash="live", state=RenderJobState.RUNNING, attempts=1, heartbeat_at=timezone.now())
    assert services._claim(job.pk) is None
    claimed = services._claim(job.pk, take_over=True)
    assert claimed is not None and claimed.attempts == 2


@pytest.mark.django_db
def test_a_finished_job_whose_file_is_gone_is_rendered_again_on_download(client, make_user):
    user = make_user()
    job = make_job(
        content_hash="restored",
        state=RenderJobState.DONE,
        progress=100,
        requested_by=user,
        file="render/gone/missing.pdf",
        finished_at=timezone.now(),
    )
    client.force_login(user)
    response = client.get(reverse("pdf:job_download", args=[job.key]))
    assert response.status_code == 302
    assert response["Location"] == reverse("pdf:job_detail", args=[job.key])
    job.refresh_from_db()
    assert job.state == RenderJobState.QUEUED and queued_tasks(job).count() == 1
    page = client.get(response["Location"])
    assert page.status_code == 200


@pytest.mark.django_db
def test_a_finished_job_with_its_file_is_downloaded(client, make_user):
    user = make_user()
    name = default_storage.save("render/kept/kept.pdf", ContentFile(b"%PDF-1.7 kept"))
    job = make_job(content_hash="kept", state=RenderJobState.DONE, requested_by=user, file=name)
    client.force_login(user)
    response = client.get(reverse("pdf:job_download", args=[job.key]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 kept"
    default_storage.delete(name)


@pytest.mark.django_db
def test_having_asked_for_a_document_gives_no_lasting_right_to_it(client, make_user):
    former = make_user("former@example.org")
    job = make_job(content_hash="private", requested_by=former, parameters={"reader": "current@example.org"})
    client.force_login(former)
    assert client.get(reverse("pdf:job_detail", args=[job.key])).status_code == 404
    client.force_login(make_user("current@example.org"))
    assert client.get(reverse("pdf:job_detail", args=[job.key])).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_render_that_loses_its_database_is_retried_and_takes_its_job_over(monkeypatch):
    """PostgreSQL restarted mid-render: the task drops the connection and retries with a
    growing delay; the retry takes over the job its first attempt left running."""
    from unittest import mock

    from celery.exceptions import Retry
    from django.db.utils import OperationalError

    from soliris import tasks

    job = make_job(content_hash="db-lost", inputs={"text": "Charte", "seconds": 0})
    calls = []

    def flaky(job_id, *, take_over=False):
        calls.append(take_over)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return services.job_run(job_id, take_over=take_over)

    monkeypatch.setattr(tasks, "job_run", flaky)
    with mock.patch.object(tasks.render_document, "retry", side_effect=Retry("again")) as retry:
        with pytest.raises(Retry):
            tasks.render_document.apply(args=(job.pk,), throw=True)
        assert retry.call_args.kwargs["countdown"] == 1
    # The retry (request.retries = 1) takes the job over.
    tasks.render_document.apply(args=(job.pk,), retries=1, throw=True)
    assert calls == [False, True]
    job.refresh_from_db()
    assert job.state == RenderJobState.DONE
