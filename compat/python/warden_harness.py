"""Start and stop a `warden serve --dev` process for black-box tests, and build clients for it.

The harness only relies on the server's CLI contract: `warden serve --dev --listen 127.0.0.1:PORT
--account-id ... --root-access-key-id ... --root-secret-access-key ... [--data-dir DIR |
--database-url URL]` prints exactly one line `warden: listening on http://127.0.0.1:PORT` to
stderr once it accepts connections. Every wait is bounded so that a broken server fails the
suite instead of hanging it.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import boto3
from botocore.config import Config

ACCOUNT_ID = "123456789012"
ROOT_ACCESS_KEY_ID = "AKIAE2EROOTKEY000001"
ROOT_SECRET_ACCESS_KEY = "e2eRootSecretKey/0123456789abcdefghijklmn"
ROOT_ARN = f"arn:aws:iam::{ACCOUNT_ID}:root"
REGION = "us-east-1"

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
CLIENT_TIMEOUT_S = 10

REPO_ROOT = Path(__file__).resolve().parents[2]
READY_RE = re.compile(r"^warden: listening on (https?://127\.0\.0\.1:\d+)\s*$")

# Servers still running when the interpreter exits (a crashed fixture) are killed here, so a
# failing session never leaks processes.
_LIVE: set["WardenServer"] = set()


def _kill_leftovers() -> None:
    for server in list(_LIVE):
        server.stop()


atexit.register(_kill_leftovers)


def warden_bin() -> str:
    """The server binary: `WARDEN_BIN`, else the workspace's debug build."""
    path = os.environ.get("WARDEN_BIN") or str(REPO_ROOT / "target" / "debug" / "warden")
    if not os.path.isfile(path):
        raise RuntimeError(f"warden binary not found at {path}: run `cargo build -p warden` or set WARDEN_BIN")
    return path


def free_port() -> int:
    """A port that was free a moment ago (bind port 0 and let the kernel choose)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unique(prefix: str) -> str:
    """A name no other test uses: tests share one server and never depend on a reset."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def client_config(max_attempts: int = 1) -> Config:
    # One attempt: error tests must see the first answer, not five retries of it.
    return Config(
        connect_timeout=CLIENT_TIMEOUT_S,
        read_timeout=CLIENT_TIMEOUT_S,
        retries={"max_attempts": max_attempts, "mode": "standard"},
    )


@dataclass(eq=False)
class WardenServer:
    """One `warden serve --dev` child process."""

    data_dir: str | None = None
    database_url: str | None = None
    extra_args: list[str] = field(default_factory=list)
    url: str = ""
    proc: subprocess.Popen | None = None
    stderr_lines: list[str] = field(default_factory=list)
    _tmp: tempfile.TemporaryDirectory | None = None
    _drop_database: str | None = None

    def start(self) -> "WardenServer":
        port = free_port()
        args = [
            warden_bin(),
            "serve",
            "--dev",
            "--listen",
            f"127.0.0.1:{port}",
            "--account-id",
            ACCOUNT_ID,
            "--root-access-key-id",
            ROOT_ACCESS_KEY_ID,
            "--root-secret-access-key",
            ROOT_SECRET_ACCESS_KEY,
        ]
        if self.database_url:
            args += ["--database-url", self.database_url]
        elif self.data_dir:
            args += ["--data-dir", self.data_dir]
        args += self.extra_args
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        _LIVE.add(self)
        ready = threading.Event()

        def pump() -> None:
            # Keep draining stderr for the whole life of the process so the server never
            # blocks on a full pipe; remember the lines for failure reports.
            assert self.proc is not None and self.proc.stderr is not None
            for line in self.proc.stderr:
                self.stderr_lines.append(line.rstrip("\n"))
                match = READY_RE.match(line)
                if match and not ready.is_set():
                    self.url = match.group(1)
                    ready.set()
            ready.set()

        threading.Thread(target=pump, daemon=True).start()
        if not ready.wait(START_TIMEOUT_S) or not self.url:
            code = self.proc.poll()
            self.stop()
            tail = "\n".join(self.stderr_lines[-30:])
            raise RuntimeError(
                f"warden did not report readiness within {START_TIMEOUT_S}s (exit code {code}); "
                f"args: {args}\nstderr tail:\n{tail}"
            )
        scheme = "https" if "--tls-cert" in self.extra_args else "http"
        expected = f"{scheme}://127.0.0.1:{port}"
        if self.url != expected:
            self.stop()
            raise RuntimeError(f"warden announced {self.url}, expected {expected}")
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            # SIGTERM first: a graceful shutdown writes the background audit writer's events.
            self.proc.terminate()
            try:
                self.proc.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                try:
                    self.proc.wait(timeout=STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    pass
        _LIVE.discard(self)
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
        if self._drop_database is not None:
            _psql(f"drop database if exists {self._drop_database} with (force)")
            self._drop_database = None

    # ----- clients -------------------------------------------------------------------------

    def client(
        self,
        access_key_id: str = ROOT_ACCESS_KEY_ID,
        secret_access_key: str = ROOT_SECRET_ACCESS_KEY,
        service: str = "iam",
        region: str = REGION,
        session_token: str | None = None,
    ):
        session = boto3.session.Session(
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            aws_session_token=session_token,
            region_name=region,
        )
        return session.client(service, endpoint_url=self.url, config=client_config())

    # ----- dev endpoints and the audit CLI ---------------------------------------------------

    def audit_events(self) -> list[dict]:
        """`warden audit --data-dir DIR --output json`: one CloudTrail-style JSON record per line."""
        if not self.data_dir:
            raise RuntimeError("the audit CLI reads a --data-dir; this server has none")
        out = subprocess.run(
            [warden_bin(), "audit", "--data-dir", self.data_dir, "--output", "json"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if out.returncode != 0:
            raise RuntimeError(f"warden audit failed ({out.returncode}): {out.stderr}")
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def _psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", sql],
        check=True,
        capture_output=True,
        timeout=60,
    )


def start_server(private: bool = False, **kwargs) -> WardenServer:
    """A started server; storage from `WARDEN_E2E_DATABASE_URL` (PostgreSQL) or a temporary data dir.

    `private=True`: a deployment of its own even on PostgreSQL (a fresh database, dropped on
    stop), for tests that need an account no other test touches."""
    drop_database = None
    if "database_url" not in kwargs and "data_dir" not in kwargs:
        db = os.environ.get("WARDEN_E2E_DATABASE_URL")
        if db and private:
            drop_database = f"warden_e2e_private_{os.getpid()}_{uuid.uuid4().hex[:12]}"
            _psql(f"create database {drop_database}")
            kwargs["database_url"] = db.rsplit("/", 1)[0] + "/" + drop_database
        elif db:
            kwargs["database_url"] = db
    tmp = None
    if kwargs.get("data_dir") is None and kwargs.get("database_url") is None:
        tmp = tempfile.TemporaryDirectory(prefix="warden-e2e-")
        kwargs["data_dir"] = tmp.name
    server = WardenServer(**kwargs)
    server._tmp = tmp
    server._drop_database = drop_database
    try:
        return server.start()
    except BaseException:
        server.stop()
        raise


def wait_until(predicate, timeout_s: float, interval_s: float = 0.05):
    """Poll `predicate` until it returns a truthy value or the time is up; returns the last value."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval_s)
