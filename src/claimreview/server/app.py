"""The FastAPI application: ``create_app(settings)`` builds everything; nothing happens at import time.

The app keeps no state that matters between requests (only the engine), so several processes can share
one PostgreSQL database behind a load balancer.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, BeforeValidator
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError, ProgrammingError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimreview import __version__
from claimreview import consensus as rules
from claimreview import wire as s
from claimreview.server import accounts, db, documents, epoch, events, factchecks, health, inbox
from claimreview.wire import API_PREFIX, API_VERSION, DEFAULT_MAX_BODY

log = logging.getLogger("claimreview.server")
Page = TypeVar("Page", s.EventPage, s.DocumentPage, s.ClaimPage, s.FactCheckPage)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class ServerSettings:
    db_url: str
    max_body_bytes: int = DEFAULT_MAX_BODY
    # Whether every account may publish documents (small teams); if not, non-admins' go to the inbox.
    reviewers_publish: bool = True
    pool_size: int = db.DEFAULT_POOL_SIZE


# -- body size limit ------------------------------------------------------------------------------


class BodyLimit:
    """Answer 413 for request bodies over ``limit`` bytes, declared or streamed, before parsing them."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await self._reject(scope, receive, send)
                    return
        # Buffer the body (at most `limit` bytes) so a chunked upload cannot get past the check.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await self._reject(scope, receive, send)
                return
            chunks.append(body)
            more = message.get("more_body", False)
        await self.app(scope, _replay([{"type": "http.request", "body": b"".join(chunks)}]), send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {"detail": f"request body larger than {self.limit} bytes; send smaller batches"}, status_code=413
        )
        await response(scope, receive, send)


def _replay(messages: list[Message]) -> Receive:
    queue = list(messages)

    async def receive() -> Message:
        if queue:
            return queue.pop(0)
        return {"type": "http.disconnect"}

    return receive


# -- dependencies ---------------------------------------------------------------------------------

bearer = HTTPBearer(auto_error=False, description="A token from `claimreview server add-reviewer`.")


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(get_engine)]


def current_account(
    engine: EngineDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> accounts.Account:
    if credentials is None:
        raise HTTPException(
            401,
            "missing bearer token; ask an admin for one (claimreview server add-reviewer)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    account = accounts.authenticate(engine, credentials.credentials)
    if account is None:
        raise HTTPException(
            401,
            "unknown or revoked token; ask an admin for a new one",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return account


AccountDep = Annotated[accounts.Account, Depends(current_account)]


def admin_account(account: AccountDep) -> accounts.Account:
    if not account.is_admin:
        raise HTTPException(
            403, f"'{account.name}' is a {account.role}; only admins publish fact-checks"
        )
    return account


AdminDep = Annotated[accounts.Account, Depends(admin_account)]


def publishes_directly(request: Request, account: accounts.Account) -> bool:
    """Whether this account's documents go out at once (else to the admins' inbox)."""
    settings: ServerSettings = request.app.state.settings
    return account.is_admin or settings.reviewers_publish


def _whole(value: object) -> object:
    # A query string "5.0" is an integer by the schema's reading (JSON Schema: 5.0 is an integer).
    if isinstance(value, str) and "." in value:
        try:
            number = float(value)
        except ValueError:
            return value
        if number.is_integer():
            return str(int(number))
    return value


Whole = BeforeValidator(_whole)
After = Annotated[
    int, Query(ge=0, le=s.MAX_CURSOR, description="Return items with seq greater than this."), Whole
]
Limit = Annotated[int, Query(ge=1, le=s.MAX_PAGE), Whole]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": s.ErrorOut, "description": "Body is not parseable JSON"},
    401: {"model": s.ErrorOut, "description": "Missing, unknown or revoked token"},
    403: {"model": s.ErrorOut, "description": "Not allowed for this reviewer"},
    413: {"model": s.ErrorOut, "description": "Body too large"},
    503: {"model": s.ErrorOut, "description": "Database busy, unreachable or not a claimreview database"},
}
UNAVAILABLE: dict[int | str, dict[str, Any]] = {503: ERRORS[503]}


# -- routes ---------------------------------------------------------------------------------------

public = APIRouter(tags=["health"])
router = APIRouter(responses=ERRORS)


@public.get("/health", response_model=s.Health, responses=UNAVAILABLE)
def health_check(request: Request) -> s.Health:
    """No auth: clients check the API version, the server's identity and its log epoch here first.

    Reads the database each time: 503 with the cause when it is unreachable or no longer this server's
    claimreview database (dropped, replaced), so that a load balancer stops sending work here.
    """
    schema: db.SchemaInfo = request.app.state.schema
    found = health.check(request.app.state.engine, schema)
    if isinstance(found, str):
        return _unavailable(found)  # type: ignore[return-value]
    return s.Health(
        status="ok",
        api_version=API_VERSION,
        server_version=__version__,
        schema_version=schema.version,
        server_id=schema.server_id,
        log_epoch=found.epoch,
        event_head=found.head,
    )


@public.get("", response_model=s.ApiInfo)
def api_info(request: Request) -> s.ApiInfo:
    """The API version and the limits this server enforces (clients warn about work it would refuse)."""
    limits: s.Limits = request.app.state.limits
    return s.ApiInfo(api_version=API_VERSION, server_version=__version__, limits=limits)


@router.post("/log/check", response_model=s.LogCheckResult, tags=["events"])
def check_log(body: s.LogCheck, _account: AccountDep, engine: EngineDep) -> s.LogCheckResult:
    """Whether the log still holds what a client saw acknowledged; a proven loss starts a new epoch."""
    current, holds = epoch.verify(engine, body.epoch, body.seq, body.event_id, body.cursor)
    return s.LogCheckResult(log_epoch=current, holds=holds)


@router.get("/me", response_model=s.Me, tags=["accounts"])
def me(request: Request, account: AccountDep) -> s.Me:
    documents = "publish" if publishes_directly(request, account) else "inbox"
    return s.Me(name=account.name, role=account.role, documents=documents)  # type: ignore[arg-type]


@router.post("/events", response_model=s.PushResponse, tags=["events"])
def push_events(body: s.PushRequest, account: AccountDep, engine: EngineDep) -> Response:
    """Store verdict events. Idempotent: an event sent again is reported as ``known``."""
    for event in body.events:
        if event.reviewer is not None and event.reviewer != account.name:
            raise HTTPException(
                403,
                f"event {event.id} is by '{event.reviewer}' but your token is for '{account.name}'; "
                "you can only push your own verdicts",
            )
        if not account.may_record(event.kind):
            allowed = " or ".join(sorted(rules.KIND_ROLES[event.kind]))
            raise HTTPException(
                403, f"'{account.name}' is a {account.role}; {event.kind} events need the role {allowed}"
            )
    own = [e.model_copy(update={"reviewer": account.name}) for e in body.events]
    results = events.push_events(engine, own) if own else []
    tally = {"stored": 0, "known": 0, "rejected": 0}
    for r in results:
        tally[r.status] += 1
    # A result carries a seq or a reason, never a null one.
    return _json(s.PushResponse(**tally, results=results), exclude_none=True)


@router.get("/events", response_model=s.EventPage, tags=["events"])
def pull_events(_account: AccountDep, engine: EngineDep, after: After = 0, limit: Limit = 500) -> Response:
    items, more = events.pull_events(engine, after, limit)
    return _page(s.EventPage, items, more, after)


@router.post("/documents", response_model=s.PublishResponse, tags=["documents"])
def publish(
    body: s.PublishRequest, request: Request, account: AccountDep, engine: EngineDep
) -> s.PublishResponse:
    """Publish documents with their claims. Ids come from the content, as on every client.

    Admins always publish; other accounts too unless the server runs with ``--no-reviewers-publish``, in
    which case their documents wait in the admins' inbox (``queued``) until an admin accepts them.
    """
    if not publishes_directly(request, account):
        try:
            for n, doc in enumerate(body.documents):
                documents.check_offsets(doc, n)
        except documents.PublishError as exc:
            raise HTTPException(422, str(exc)) from exc
        queued, waiting = inbox.submit(engine, body.documents, account.name)
        return s.PublishResponse(documents_added=0, claims_added=0, queued=queued, waiting=waiting)
    try:
        added_docs, added_claims = documents.publish(engine, body.documents, account.name)
    except documents.PublishError as exc:
        # The same shape as every other 422 (the schema's HTTPValidationError), not a bare string.
        problem = {"loc": ("body", "documents"), "msg": str(exc), "type": "value_error"}
        raise RequestValidationError([problem]) from exc
    return s.PublishResponse(documents_added=added_docs, claims_added=added_claims)


@router.post("/documents/missing", response_model=s.MissingResponse, tags=["documents"])
def missing(body: s.MissingRequest, _account: AccountDep, engine: EngineDep) -> s.MissingResponse:
    """Which of these documents the server lacks, or has fewer claims of (so a client can publish them)."""
    wanted = [(d.id, d.claims) for d in body.documents]
    return s.MissingResponse(missing=documents.missing_documents(engine, wanted))


@router.get("/documents", response_model=s.DocumentPage, tags=["documents"])
def pull_documents(
    _account: AccountDep, engine: EngineDep, after: After = 0, limit: Annotated[int, Query(ge=1, le=200)] = 50
) -> Response:
    items, more = documents.pull_documents(engine, after, limit)
    return _page(s.DocumentPage, items, more, after)


@router.get("/claims", response_model=s.ClaimPage, tags=["documents"])
def pull_claims(_account: AccountDep, engine: EngineDep, after: After = 0, limit: Limit = 500) -> Response:
    items, more = documents.pull_claims(engine, after, limit)
    return _page(s.ClaimPage, items, more, after)


@router.post("/factchecks", response_model=s.FactCheckPublishResponse, tags=["factchecks"])
def publish_factchecks(
    body: s.FactCheckPublishRequest, account: AdminDep, engine: EngineDep
) -> s.FactCheckPublishResponse:
    """Publish fact-checks (admins), keyed by review url: one published again with changes replaces it."""
    added, updated, unchanged = factchecks.publish(engine, body.factchecks, account.name)
    return s.FactCheckPublishResponse(added=added, updated=updated, unchanged=unchanged)


@router.get("/factchecks", response_model=s.FactCheckPage, tags=["factchecks"])
def pull_factchecks(
    _account: AccountDep, engine: EngineDep, after: After = 0, limit: Limit = 500
) -> Response:
    items, more = factchecks.pull(engine, after, limit)
    return _page(s.FactCheckPage, items, more, after)


def _page(page: type[Page], items: Sequence[Any], more: bool, after: int) -> Response:
    # The store has validated the items already: construct the page without doing it again.
    next_after = items[-1].seq if items else after
    return _json(page.model_construct(items=list(items), next_after=next_after, more=more))


def _json(body: BaseModel, *, exclude_none: bool = False) -> Response:
    # Serialised by pydantic directly, not through response_model (which validates everything again):
    # these are the hot paths of every sync.
    return Response(body.model_dump_json(exclude_none=exclude_none), media_type="application/json")


# -- errors ---------------------------------------------------------------------------------------


def _printable(value: object) -> str | int:
    if isinstance(value, int):
        return value
    # Field names come from the client; never echo something that cannot be encoded back.
    return str(value).encode("utf-8", "replace").decode("utf-8")[:200]


async def validation_failed(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # Without the echoed input: it can be huge, or not even encodable (lone surrogates).
    detail = [
        {
            "loc": [_printable(p) for p in err.get("loc", ())],
            "msg": str(err.get("msg", "")),
            "type": err["type"],
        }
        for err in exc.errors()[:20]
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def _unavailable(cause: str) -> JSONResponse:
    # One line per 503, with its cause: operators need to tell a dropped database from a full pool.
    log.warning("503: %s", cause)
    return JSONResponse({"detail": cause}, status_code=503, headers={"Retry-After": "1"})


async def database_failed(_request: Request, exc: Exception) -> JSONResponse:
    return _unavailable(health.describe(exc))


def _documented_methods(app: FastAPI) -> dict[str, list[str]]:
    cached: dict[str, list[str]] | None = getattr(app.state, "methods", None)
    if cached is None:
        # Every API path is static (no path parameters), so the OpenAPI keys are the request paths.
        paths = app.openapi().get("paths", {})
        cached = {path: sorted(m.upper() for m in ops) for path, ops in paths.items()}
        app.state.methods = cached
    return cached


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        # Starlette names only the first route that matched the path; list every documented method.
        methods = _documented_methods(request.app).get(request.url.path)
        if methods:
            headers["Allow"] = ", ".join(methods)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)


def create_app(settings: ServerSettings) -> FastAPI:
    engine = db.make_engine(settings.db_url, settings.pool_size)
    try:
        # Refuses (SchemaError, one line from the CLI) a database newer than us or not ours at all.
        schema = db.create_schema(engine)
    except BaseException:
        engine.dispose()
        raise

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="claimreview sync server",
        version=f"{API_VERSION}.0",
        summary="Shared verdict log for claimreview clients.",
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.settings = settings
    app.state.schema = schema
    app.state.limits = s.Limits(body_bytes=settings.max_body_bytes)
    app.include_router(public, prefix=API_PREFIX)
    app.include_router(router, prefix=API_PREFIX)
    app.add_exception_handler(RequestValidationError, validation_failed)
    for error in (OperationalError, ProgrammingError, InterfaceError, PoolTimeoutError):
        app.add_exception_handler(error, database_failed)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory claimreview.server.app:app_from_env`` (reads CLAIMREVIEW_SERVER_DB)."""
    import os

    pool = int(os.environ.get("CLAIMREVIEW_SERVER_POOL_SIZE") or db.DEFAULT_POOL_SIZE)
    url = db.normalize_db_url(os.environ.get("CLAIMREVIEW_SERVER_DB"))
    return create_app(ServerSettings(db_url=url, pool_size=pool))
