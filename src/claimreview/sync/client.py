"""HTTP client for the sync server: one ``httpx.Client``, retry with backoff, one-line errors.

Every call the client makes is idempotent on the server (pushes are deduplicated by event id, publishing
by content hash, the rest are reads), so retrying after a timeout or a dropped connection is always safe.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from claimreview import __version__, wire
from claimreview.errors import ClaimreviewError
from claimreview.textsafe import one_line
from claimreview.wire import API_PREFIX, API_VERSION

Answer = TypeVar("Answer", bound=BaseModel)
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class SyncError(ClaimreviewError):
    """Sync could not finish; the message says what to do. Unsent events stay in the outbox."""


class AuthError(SyncError):
    """401: the token is missing, wrong or revoked."""


class ForbiddenError(SyncError):
    """403: the token is fine but the action is not allowed for this reviewer."""


class ServerUnavailable(SyncError):
    """Network failures, timeouts or 5xx outlasted every retry."""


class IncompatibleServer(SyncError):
    """The URL is not a claimreview server speaking our API version."""


class PayloadTooLarge(SyncError):
    """413: the caller should send a smaller batch."""


class Refused(SyncError):
    """422: the server judged the data invalid (the message names the field)."""


@dataclass(slots=True)
class ClientStats:
    requests: int = 0
    retries: int = 0
    # Every 5xx seen, even ones a retry recovered from (the load test asserts there are none).
    server_errors: list[int] = field(default_factory=list)


class SyncClient:
    """Talks to one server as one reviewer. Thread-compatible like httpx.Client; close() when done."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 30.0,
        retries: int = 6,
        backoff: float = 0.25,
        max_backoff: float = 5.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.stats = ClientStats()
        self.server_version: str | None = None  # from /health: says whether "upgrade" is the advice
        self._sleep = sleep
        self._http = httpx.Client(
            base_url=self.base_url,
            headers={
                "Authorization": f"Bearer {token}",
                "User-Agent": f"claimreview/{__version__}",
                "Accept": "application/json",
            },
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- transport ----------------------------------------------------------------------------------

    def request(
        self, method: str, path: str, *, body: BaseModel | Any = None, params: dict[str, Any] | None = None
    ) -> Any:
        """One API call with retries; returns the decoded JSON or raises a SyncError subclass."""
        if isinstance(body, BaseModel):
            content: bytes | None = body.model_dump_json().encode("utf-8")
        else:
            content = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"} if content is not None else None
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.stats.retries += 1
            self.stats.requests += 1
            try:
                response = self._http.request(method, path, content=content, params=params, headers=headers)
            except httpx.TransportError as exc:  # refused, reset, timeout, DNS, protocol errors
                last = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                self._pause(attempt, None)
                continue
            if response.status_code in RETRY_STATUS:
                if response.status_code >= 500:
                    self.stats.server_errors.append(response.status_code)
                last = f"HTTP {response.status_code}"
                self._pause(attempt, response.headers.get("Retry-After"))
                continue
            return self._decode(response, path)
        raise ServerUnavailable(
            f"cannot reach the sync server at {self.base_url} after {self.retries + 1} attempts ({last}); "
            "nothing is lost: unsent verdicts stay queued, run sync again later"
        )

    def _pause(self, attempt: int, retry_after: str | None) -> None:
        if attempt >= self.retries:
            return
        delay = min(self.max_backoff, self.backoff * 2**attempt)
        if retry_after and retry_after.isdigit():
            delay = min(self.max_backoff, max(delay, float(retry_after)))
        # Jitter, so that many clients retrying after one outage do not come back in lockstep.
        self._sleep(delay * (0.5 + random.random() / 2))

    def _decode(self, response: httpx.Response, path: str) -> Any:
        status = response.status_code
        detail = _detail(response)
        if status == 401:
            raise AuthError(
                f"the sync server rejected the token ({detail}); ask an admin for a new one, then run: "
                "claimreview sync --token TOKEN"
            )
        if status == 403:
            raise ForbiddenError(f"the sync server refused: {detail}")
        if status == 413:
            raise PayloadTooLarge(f"the sync server refused a request as too large: {detail}")
        if status == 404 and path.startswith(API_PREFIX):
            raise IncompatibleServer(
                f"{self.base_url} has no claimreview API v{API_VERSION} ({path} not found); check the "
                f"server URL{self._version_advice()}"
            )
        if status == 422:
            raise Refused(f"the sync server refused the data as invalid ({detail}){self._version_advice()}")
        if status >= 400:
            raise SyncError(f"the sync server answered HTTP {status}: {detail}")
        try:
            return response.json()
        except ValueError as exc:
            raise IncompatibleServer(
                f"{self.base_url} did not answer with JSON; is it a claimreview server?"
            ) from exc

    def _version_advice(self) -> str:
        # Only when the versions really differ: same versions disagreeing is a bug or bad data, and
        # "upgrade" would send people on a useless errand.
        if self.server_version is None or self.server_version == __version__:
            return ""
        return (
            f"; the server runs claimreview {self.server_version} and this is {__version__}: "
            "upgrade the older one"
        )

    # -- API ----------------------------------------------------------------------------------------

    def check_version(self) -> dict[str, Any]:
        """Health and version, before anything else; a clear message if the server cannot talk to us."""
        health = self.request("GET", f"{API_PREFIX}/health")
        version = health.get("api_version") if isinstance(health, dict) else None
        if version != API_VERSION:
            newer = isinstance(version, int) and version > API_VERSION
            raise IncompatibleServer(
                f"the sync server at {self.base_url} speaks API v{version}, this claimreview speaks "
                f"v{API_VERSION}; upgrade {'claimreview' if newer else 'the server'}"
            )
        server_version = health.get("server_version")
        self.server_version = server_version if isinstance(server_version, str) else None
        return dict(health)

    def api_info(self) -> wire.ApiInfo | None:
        """The server's published limits; None from a server too old to publish them."""
        try:
            return self.call(wire.ApiInfo, "GET", "")
        except IncompatibleServer:
            return None

    def check_log(self, check: wire.LogCheck) -> wire.LogCheckResult:
        return self.call(wire.LogCheckResult, "POST", "/log/check", body=check)

    def call(
        self,
        answer: type[Answer],
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
    ) -> Answer:
        """``request``, with the answer read as the wire model ``answer``."""
        data = self.request(method, f"{API_PREFIX}{path}", body=body, params=params)
        try:
            return answer.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "the answer"
            raise IncompatibleServer(
                f"{self.base_url} answered {path} with data this claimreview cannot read ({where}: "
                f"{one_line(first['msg'])[:200]}){self._version_advice()}"
            ) from None

    def me(self) -> wire.Me:
        return self.call(wire.Me, "GET", "/me")

    def push(self, events: Sequence[wire.EventIn]) -> wire.PushResponse:
        return self.call(wire.PushResponse, "POST", "/events", body=wire.PushRequest(events=list(events)))

    def pull_events(self, after: int, limit: int = 1000) -> wire.EventPage:
        return self.call(wire.EventPage, "GET", "/events", params={"after": after, "limit": limit})

    def pull_documents(self, after: int, limit: int = 50) -> wire.DocumentPage:
        return self.call(wire.DocumentPage, "GET", "/documents", params={"after": after, "limit": limit})

    def pull_claims(self, after: int, limit: int = 1000) -> wire.ClaimPage:
        return self.call(wire.ClaimPage, "GET", "/claims", params={"after": after, "limit": limit})

    def publish(self, documents: Sequence[wire.DocumentIn]) -> wire.PublishResponse:
        # Built without validation (model_construct) by the caller: the server judges local data, and a
        # 422 becomes a SyncError like any refusal.
        body = wire.PublishRequest.model_construct(documents=list(documents))
        return self.call(wire.PublishResponse, "POST", "/documents", body=body)

    def publish_factchecks(self, checks: Sequence[wire.FactCheckIn]) -> wire.FactCheckPublishResponse:
        body = wire.FactCheckPublishRequest.model_construct(factchecks=list(checks))
        return self.call(wire.FactCheckPublishResponse, "POST", "/factchecks", body=body)

    def pull_factchecks(self, after: int, limit: int = 1000) -> wire.FactCheckPage:
        return self.call(wire.FactCheckPage, "GET", "/factchecks", params={"after": after, "limit": limit})

    def missing_documents(self, counts: Sequence[tuple[str, int]]) -> list[str]:
        body = wire.MissingRequest.model_construct(
            documents=[wire.DocumentCount.model_construct(id=d, claims=n) for d, n in counts]
        )
        return self.call(wire.MissingResponse, "POST", "/documents/missing", body=body).missing


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return f"HTTP {response.status_code}"
    if isinstance(detail, list) and detail:
        first = detail[0]
        if isinstance(first, dict):
            where = ".".join(str(p) for p in first.get("loc", ()))
            return one_line(f"{where}: {first.get('msg', '')}")[:300]
    return one_line(str(detail))[:300] if detail else f"HTTP {response.status_code}"
