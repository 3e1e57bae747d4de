"""`make run`'s launcher: embedded servers, web server and worker, and a clean stop."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import psutil
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_under(path: Path) -> list[str]:
    found = []
    for process in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if str(path) in cmdline:
            found.append(cmdline)
    return found


def log_in(port: int, email: str) -> str:
    """Log in with the demo password as a browser would (the login is rate-limited through the
    cache: on the embedded Redis, by its unix socket); the address the form leads to."""
    import re
    from http.cookiejar import CookieJar
    from urllib.parse import urlencode

    from soliris.demo import DEMO_PASSWORD

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    url = f"http://127.0.0.1:{port}/fr/accounts/login/"
    with opener.open(url, timeout=10) as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)
    data = urlencode({"csrfmiddlewaretoken": token, "login": email, "password": DEMO_PASSWORD}).encode()
    request = urllib.request.Request(url, data=data, headers={"Referer": url})
    with opener.open(request, timeout=10) as response:
        return response.geturl()


@pytest.mark.slow
def test_run_starts_everything_on_embedded_servers_and_ctrl_c_stops_it_all(tmp_path):
    # Under the project's var/: the embedded PostgreSQL runs as another system user when the
    # tests run as root, and pytest's temporary folders are private to root.
    var = BASE_DIR / "var" / f"devenv-test-{uuid.uuid4().hex[:8]}"
    var.mkdir(parents=True)
    port = free_port()
    # As `make run` starts it: the development settings, nothing pointing at servers.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "SOLIRIS_OUTBOX_EAGER")
    }
    env.update({"SOLIRIS_VAR_DIR": str(var), "PORT": str(port), "PYTHONUNBUFFERED": "1"})
    log = (tmp_path / "run.log").open("w+b")
    launcher = subprocess.Popen(
        [sys.executable, "-m", "soliris.devenv", "run"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    children = []
    try:
        # Generous: on a loaded two-core machine the worker renders the demo's PDFs (the
        # charter, signature by signature) while the web server answers its first pages.
        deadline = time.monotonic() + 300
        pages = {}
        while time.monotonic() < deadline and len(pages) < 4:
            assert launcher.poll() is None, (tmp_path / "run.log").read_text()
            for language in ("fr", "nl", "en", "es"):
                try:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/{language}/", timeout=30
                    ) as response:
                        pages[language] = response.read().decode()
                except OSError:
                    time.sleep(1)
                    break
        assert len(pages) == 4, (tmp_path / "run.log").read_text()
        assert '<html lang="es">' in pages["es"]
        output = (tmp_path / "run.log").read_text()
        assert f"http://127.0.0.1:{port}/" in output
        assert "coordination@jette.demo" in output
        assert log_in(port, "coordination@jette.demo") == f"http://127.0.0.1:{port}/fr/dashboard/"
        assert processes_under(var), "the embedded servers run under var/"
        children = psutil.Process(launcher.pid).children(recursive=True)
        assert len(children) >= 2, "a web server and a worker"
    finally:
        launcher.send_signal(signal.SIGINT)
        launcher.wait(60)
    time.sleep(1)
    assert launcher.returncode == 0, (tmp_path / "run.log").read_text()
    assert processes_under(var) == [], "something is left running"
    assert [child for child in children if child.is_running() and child.status() != "zombie"] == []
    shutil.rmtree(var, ignore_errors=True)
