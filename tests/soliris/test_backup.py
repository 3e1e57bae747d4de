"""A backup restores a working platform: after a disaster and a restore, a signed PDF issued
before it still verifies — which needs the signing key in the backup."""

import shutil

import pytest
from django.core.management import call_command

from soliris import backup
from soliris.models import RenderJob, RenderJobState
from soliris.pdf import services, signing


@pytest.fixture
def own_places(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SOLIRIS_SIGNING_CERT = settings.SOLIRIS_SIGNING_KEY = ""
    return tmp_path


def test_a_backup_round_trip_keeps_signed_pdfs_verifiable(
    transactional_db, make_user, own_places, monkeypatch
):
    # Rendered here, not by a worker that this test process may have started for another test
    # (it would take the job from the queue while this test renders it).
    monkeypatch.setattr(services, "_enqueue", lambda job_id: None)
    job, _created = services.job_request(
        actor=make_user(),
        kind="testing.signed",
        parameters={"language": "fr", "text": "Charte Jette – Tarija"},
    )
    services.job_run(job.pk)
    job.refresh_from_db()
    assert job.state == RenderJobState.DONE
    issued = job.file.read()
    job.file.close()
    assert signing.verify_pdf(issued).valid

    archive = backup.create(own_places / "backups")
    assert archive.exists() and oct(archive.stat().st_mode)[-3:] == "600"

    # The disaster: database emptied, files and key gone.
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(own_places / "media")
    shutil.rmtree(own_places / "var" / "signing")
    assert not signing.verify_pdf(issued).valid  # a new key does not vouch for the old PDFs
    shutil.rmtree(own_places / "var" / "signing")

    manifest = backup.restore(archive)
    restored = RenderJob.objects.get(key=job.key)
    assert restored.state == RenderJobState.DONE
    assert restored.file.read() == issued
    restored.file.close()
    assert signing.verify_pdf(issued).valid
    assert manifest["signing_fingerprint"] == signing.certificate_fingerprint()


def test_a_damaged_archive_is_refused_before_anything_is_restored(transactional_db, own_places):
    import tarfile

    archive = backup.create(own_places / "backups")
    damaged = own_places / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "signing/key.pem":
                content = b"not the key"
                member.size = len(content)
                import io

                data = io.BytesIO(content)
            target.addfile(member, data)
    with pytest.raises(backup.BackupError, match="key.pem"):
        backup.restore(damaged)
