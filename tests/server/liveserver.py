"""Real servers for tests: `claimreview serve` in its own process on a loopback port, and fresh PostgreSQL
databases. Shared by tests/server and tests/sync (their conftest files put this folder on sys.path)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import secrets
import socket
import sys
import time
from collections.abc import Iterator
from multiprocessing.process import BaseProcess
from pathlib import Path

import httpx
import pytest
import serve_child

from claimreview.server import store as server_store

PG_HOST = "127.0.0.1"
PG_PORT = 5432
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def claimreview_command() -> list[str]:
    script = Path(sys.executable).with_name("claimreview")
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimreview.cli"]


# `claimreview serve` processes are forked from one forkserver per test process, which has imported the CLI
# and the server once: a cold `claimreview serve` spends about 1 s of CPU importing FastAPI, SQLAlchemy and
# the app before it listens, and the fast lane starts some 45 servers. Each server is still its own process
# (its own log, kill -9 and restart as before), running the CLI's main() on the test's arguments and
# environment. The commands that tests run with subprocess.run still start cold, as a user's would.
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(["claimreview.cli", "claimreview.server.serve"])


class ServerProcess:
    """One `claimreview serve` process; start, kill -9 and restart it on the same port."""

    def __init__(
        self, db_url: str, log_dir: Path, port: int | None = None, extra_args: tuple[str, ...] = ()
    ) -> None:
        self.db_url = db_url
        self.extra_args = extra_args  # more `serve` options, e.g. --no-reviewers-publish
        self.port = port or free_port()
        self.log_path = log_dir / f"server-{self.port}.log"
        self.proc: BaseProcess | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        args = [
            "serve",
            "--db",
            self.db_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            *self.extra_args,
        ]
        self.proc = _FORKS.Process(
            target=serve_child.run_cli,
            args=(args, dict(os.environ), os.getcwd(), str(self.log_path)),
            daemon=True,  # never outlives the test run, even if a test forgets to stop it
        )
        self.proc.start()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.exitcode is not None:
                raise RuntimeError(f"server exited with {self.proc.exitcode}:\n{self.log()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/api/v1/health", timeout=1.0).status_code == 200:
                    return self
            time.sleep(0.02)
        self.kill()
        raise RuntimeError(f"server did not become healthy in {START_TIMEOUT}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """kill -9: no shutdown, no flushing; what the server acknowledged must still be there."""
        if self.proc is not None:
            if self.proc.exitcode is None:
                self.proc.kill()
                self.proc.join(timeout=10)
            self.proc.close()
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None:
            if self.proc.exitcode is None:
                self.proc.terminate()
                self.proc.join(timeout=10)
                if self.proc.exitcode is None:
                    self.proc.kill()
                    self.proc.join(timeout=10)
            self.proc.close()
        self.proc = None


def _pg_connect(dbname: str) -> object:
    import psycopg

    last: Exception | None = None
    for user in ("root", "postgres"):
        try:
            conn = psycopg.connect(
                host=PG_HOST, port=PG_PORT, user=user, dbname=dbname, autocommit=True, connect_timeout=3
            )
            conn.info.user  # noqa: B018 - touch the connection
            return conn
        except psycopg.OperationalError as exc:
            last = exc
    raise ConnectionError(f"PostgreSQL at {PG_HOST}:{PG_PORT} is unreachable ({last})")


class PostgresDatabases:
    """Creates throwaway databases (claimreview_test_<random>) and drops them all at the end."""

    def __init__(self) -> None:
        self.admin = _pg_connect("test")
        self.user = self.admin.info.user  # type: ignore[attr-defined]
        self.created: list[str] = []

    def new(self) -> str:
        name = f"claimreview_test_{secrets.token_hex(6)}"
        self.admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[attr-defined]
        self.created.append(name)
        return f"postgresql+psycopg://{self.user}@{PG_HOST}:{PG_PORT}/{name}"

    def drop_all(self) -> None:
        for name in self.created:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
        self.admin.close()  # type: ignore[attr-defined]


def postgres_or_skip() -> PostgresDatabases:
    try:
        return PostgresDatabases()
    except ConnectionError as exc:
        if os.environ.get("CLAIMREVIEW_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{exc} and CLAIMREVIEW_REQUIRE_POSTGRES=1")
        pytest.skip(str(exc))


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
# For a flow that starts its own servers: the PostgreSQL variant is in the full suite only (CI requires
# it), so the fast lane runs each flow once; test_api keeps one PostgreSQL server in the fast lane.
FLOW_BACKENDS = ["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.slow])]


def new_db_url(backend: str, folder: Path, pg: PostgresDatabases | None) -> str:
    if backend == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / f'server-{secrets.token_hex(4)}.db'}"
    assert pg is not None
    return pg.new()


@contextlib.contextmanager
def running_server(db_url: str, log_dir: Path, *extra_args: str) -> Iterator[ServerProcess]:
    server = ServerProcess(db_url, log_dir, extra_args=extra_args).start()
    try:
        yield server
    finally:
        server.stop()


def add_account(db_url: str, name: str, role: str = "reviewer") -> str:
    engine = server_store.make_engine(db_url)
    try:
        server_store.create_schema(engine)
        return server_store.add_reviewer(engine, name, role)
    finally:
        engine.dispose()


def sample_articles(documents: int = 1, claims_per_document: int = 10, tag: str = "a") -> list[tuple]:
    """Synthetic articles whose every sentence is a claim (offsets exact, ids stable)."""
    from claimreview.models import NewClaim, NewDocument

    articles = []
    for d in range(documents):
        sentences = [
            f"Official {tag}{d} said {i * 7 + d} people left the town on day {i}."
            for i in range(claims_per_document)
        ]
        text = " ".join(sentences)
        claims = []
        pos = 0
        for sentence in sentences:
            start = text.index(sentence, pos)
            claims.append(
                NewClaim(
                    text=sentence,
                    start=start,
                    end=start + len(sentence),
                    speaker=f"Official {tag}{d}",
                    score=0.9,
                    extractor="test",
                    extractor_version="1",
                )
            )
            pos = start + len(sentence)
        articles.append((NewDocument(uri=f"{tag}-{d}.txt", title=f"Article {tag}{d}", text=text), claims))
    return articles
