"""SyncClient: retry with backoff on network errors and 5xx, one-line messages for 401/403/422/versions."""

from __future__ import annotations

import socket
from collections.abc import Callable

import httpx
import pytest

from claimreview.sync.client import (
    AuthError,
    ForbiddenError,
    IncompatibleServer,
    ServerUnavailable,
    SyncClient,
    SyncError,
)

HEALTH = {"status": "ok", "api_version": 1, "server_version": "0.1.0"}


def client_for(handler: Callable[[httpx.Request], httpx.Response], **kwargs: object) -> SyncClient:
    sleeps: list[float] = []
    client = SyncClient(
        "http://127.0.0.1:9", "tok", transport=httpx.MockTransport(handler), sleep=sleeps.append, **kwargs
    )  # type: ignore[arg-type]
    client.sleeps = sleeps  # type: ignore[attr-defined]
    return client


def test_retries_5xx_and_network_errors_with_growing_backoff() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ConnectError("refused", request=request)
        if len(calls) == 2:
            raise httpx.ReadTimeout("slow", request=request)
        if len(calls) <= 4:
            return httpx.Response(503, json={"detail": "busy"})
        return httpx.Response(200, json=HEALTH)

    client = client_for(handler, backoff=0.1, max_backoff=10)
    assert client.check_version()["api_version"] == 1
    assert len(calls) == 5
    sleeps = client.sleeps  # type: ignore[attr-defined]
    assert len(sleeps) == 4
    # jitter keeps each pause within [half, full] of an exponentially growing delay
    for attempt, pause in enumerate(sleeps):
        assert 0.1 * 2**attempt / 2 <= pause <= 0.1 * 2**attempt
    assert client.stats.server_errors == [503, 503]


def test_gives_up_with_a_message_that_says_nothing_is_lost() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(502)

    client = client_for(handler, retries=3)
    with pytest.raises(ServerUnavailable, match=r"after 4 attempts.*stay queued"):
        client.me()


def test_real_refused_connection_is_retried_then_reported() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with SyncClient(f"http://127.0.0.1:{port}", "t", retries=2, backoff=0.01) as client:
        with pytest.raises(ServerUnavailable, match="ConnectError"):
            client.check_version()
        assert client.stats.requests == 3


@pytest.mark.parametrize(
    ("status", "error", "words"),
    [
        (401, AuthError, "--token"),
        (403, ForbiddenError, "refused: nope"),
        (422, SyncError, "invalid"),
        (404, IncompatibleServer, "API v1"),
    ],
)
def test_client_errors_are_one_line_and_not_retried(status: int, error: type[Exception], words: str) -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(status, json={"detail": "nope"})

    with pytest.raises(error) as info:
        client_for(handler).me()
    assert words in str(info.value) and "\n" not in str(info.value)
    assert len(calls) == 1


@pytest.mark.parametrize(("version", "upgrade"), [(2, "upgrade claimreview"), (0, "upgrade the server")])
def test_incompatible_api_version_says_what_to_upgrade(version: int, upgrade: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={**HEALTH, "api_version": version})

    with pytest.raises(IncompatibleServer, match=upgrade):
        client_for(handler).check_version()


def test_not_json_is_an_incompatible_server() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>hello</html>")

    with pytest.raises(IncompatibleServer, match="claimreview server"):
        client_for(handler).check_version()


def test_token_goes_in_the_bearer_header() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return httpx.Response(200, json={"name": "a", "role": "reviewer"})

    client_for(handler).me()
    assert seen == ["Bearer tok"]
