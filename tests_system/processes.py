"""Running the site in real server processes against the test database, for system tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote
from urllib.request import urlopen

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def wait_until(
    condition: Callable[[], bool], timeout: float = 20.0, interval: float = 0.05
) -> None:
    """Wait for ``condition`` to hold, checking every ``interval`` seconds; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting after {timeout}s")
        pause.wait(interval)


def redis_url(database: int) -> str:
    """A Redis database of its own for a test module (14 or 15): that one under a single
    pytest, and another under each pytest-xdist worker (gw1 takes 12 or 13, gw2 10 or 11,
    up to eight workers), so two workers never flush each other's cache."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    return f"redis://127.0.0.1:6379/{database - 2 * worker}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_database_url() -> str:
    """The URL of the database the tests are using, for another process to open."""
    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user = quote(settings.get("USER") or "")
    password = f":{quote(settings['PASSWORD'])}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgresql://{user}{password}@{host}:{port}/{settings['NAME']}"


class Server:
    """gunicorn serving the site on a loopback port, with the test settings and database."""

    def __init__(self, database_url: str | None = None, workers: int = 2, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url or test_database_url()
        self.workers = workers
        self.extra_env = env or {}
        self.process: subprocess.Popen | None = None

    def start(self) -> Server:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "site_config.settings.test",
            "DATABASE_URL": self.database_url,
            **self.extra_env,
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "site_config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--graceful-timeout",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        wait_until(self.is_up, timeout=60)
        return self

    def is_up(self) -> bool:
        if self.process and self.process.poll() is not None:
            raise RuntimeError(f"server exited with {self.process.returncode}")
        try:
            with urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310 - loopback
                return response.status == 200
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL the whole server: master and workers, no chance to tidy up."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
