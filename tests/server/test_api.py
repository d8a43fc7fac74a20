"""The API over a real connection: auth, roles, validation limits, idempotent push, paging, schemathesis."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from liveserver import BACKENDS, PostgresDatabases, ServerProcess, add_account, sample_articles

from claimreview.server import store as server_store
from claimreview.wire import DocumentIn

EVENTS = "/api/v1/events"


class Live:
    def __init__(self, server: ServerProcess, tokens: dict[str, str], claim_ids: list[str]) -> None:
        self.server = server
        self.tokens = tokens
        self.claim_ids = claim_ids
        self.http = httpx.Client(base_url=server.url, timeout=30)

    def call(self, method: str, path: str, who: str | None = "alice", **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if who is not None:
            headers["Authorization"] = f"Bearer {self.tokens[who]}"
        return self.http.request(method, path, headers=headers, **kwargs)


def event(claim_id: str, n: int = 0, **overrides: Any) -> dict[str, Any]:
    return {
        "id": f"ev-{n}",
        "claim_id": claim_id,
        "label": "confirmed",
        "created_at": f"2024-01-01T00:00:{n % 60:02d}.000000Z",
        **overrides,
    }


@pytest.fixture(scope="module", params=BACKENDS)
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    folder = tmp_path_factory.mktemp("api")
    if request.param == "postgres":
        pg: PostgresDatabases = request.getfixturevalue("pg_databases")
        db_url = pg.new()
    else:
        db_url = f"sqlite:///{folder / 'server.db'}"
    tokens = {
        name: add_account(db_url, name, role) for name, role in (("alice", "reviewer"), ("root", "admin"))
    }
    tokens["revoked"] = add_account(db_url, "mallory")
    engine = server_store.make_engine(db_url)
    server_store.revoke(engine, "mallory")
    articles = [
        {"uri": d.uri, "title": d.title, "text": d.text, "publisher": None, "published": None, "url": None,
         "claims": [c.__dict__ if hasattr(c, "__dict__") else {
             "text": c.text, "start": c.start, "end": c.end, "speaker": c.speaker, "score": c.score,
             "extractor": c.extractor, "extractor_version": c.extractor_version} for c in claims]}
        for d, claims in sample_articles(documents=3, claims_per_document=4)
    ]  # fmt: skip
    server_store.publish(engine, [DocumentIn.model_validate(a) for a in articles], "root")
    with engine.connect() as conn:
        claims = server_store.TABLES["claim"]
        ids = [r.id for r in conn.execute(claims.select().order_by(claims.c.seq))]
    engine.dispose()
    server = ServerProcess(db_url, folder).start()
    try:
        yield Live(server, tokens, [str(i) for i in ids])
    finally:
        server.stop()


def test_health_needs_no_token_and_names_the_api_version(live: Live) -> None:
    r = live.call("GET", "/api/v1/health", who=None)
    assert r.status_code == 200 and r.json()["api_version"] == 1


def test_health_names_the_schema_version_and_the_server_id(live: Live) -> None:
    engine = server_store.make_engine(live.server.db_url)
    try:
        info = server_store.create_schema(engine)
    finally:
        engine.dispose()
    body = live.call("GET", "/api/v1/health", who=None).json()
    assert body["schema_version"] == server_store.SCHEMA_VERSION
    assert body["server_id"] == info.server_id


@pytest.mark.parametrize("path", ["/api/v1/me", EVENTS, "/api/v1/documents", "/api/v1/claims"])
def test_no_token_is_401(live: Live, path: str) -> None:
    r = live.call("GET", path, who=None)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_wrong_token_and_revoked_token_are_401(live: Live) -> None:
    assert (
        live.call("GET", "/api/v1/me", headers={"Authorization": "Bearer nope"}, who=None).status_code == 401
    )
    assert live.call("GET", "/api/v1/me", headers={"Authorization": "Basic abc"}, who=None).status_code == 401
    r = live.call("GET", "/api/v1/me", who="revoked")
    assert r.status_code == 401 and "revoked" in r.json()["detail"]


def test_reviewer_is_taken_from_the_token(live: Live) -> None:
    cid = live.claim_ids[0]
    r = live.call("POST", EVENTS, json={"events": [event(cid, 1, id="mine-1")]})
    assert r.status_code == 200 and r.json()["stored"] == 1
    page = live.call("GET", EVENTS, params={"after": 0, "limit": 1000}).json()
    assert [e["reviewer"] for e in page["items"] if e["id"] == "mine-1"] == ["alice"]


def test_event_for_another_reviewer_is_403_and_stores_nothing(live: Live) -> None:
    cid = live.claim_ids[0]
    r = live.call("POST", EVENTS, json={"events": [event(cid, 2, id="ok-2"), event(cid, 3, reviewer="bob")]})
    assert r.status_code == 403 and "bob" in r.json()["detail"]
    page = live.call("GET", EVENTS, params={"after": 0, "limit": 1000}).json()
    assert "ok-2" not in {e["id"] for e in page["items"]}


def test_roles_adjudication_and_assignment_are_403_for_a_reviewer(live: Live) -> None:
    cid = live.claim_ids[0]
    r = live.call("POST", EVENTS, json={"events": [event(cid, 4, id="adj", kind="adjudication")]})
    assert r.status_code == 403
    assigned = event(cid, 5, id="asg", kind="assignment", label="assigned", payload={"to": ["alice"]})
    r = live.call("POST", EVENTS, json={"events": [assigned]})
    assert r.status_code == 403
    assert "assignment events need the role adjudicator or admin" in r.json()["detail"]
    # Reviewers publish documents on a server with the default --reviewers-publish.
    r = live.call("POST", "/api/v1/documents", json={"documents": []})
    assert r.status_code == 200
    assert live.call("GET", "/api/v1/me").json()["documents"] == "publish"
    r = live.call("POST", EVENTS, json={"events": [event(cid, 4, id="adj", kind="adjudication")]}, who="root")
    assert r.status_code == 200 and r.json()["stored"] == 1


def test_push_is_idempotent_and_reports_known(live: Live) -> None:
    cid = live.claim_ids[1]
    batch = [event(cid, n, id=f"idem-{n}") for n in range(5)]
    first = live.call("POST", EVENTS, json={"events": batch}).json()
    again = live.call("POST", EVENTS, json={"events": batch + batch[:2]}).json()
    assert first["stored"] == 5
    assert (again["stored"], again["known"]) == (0, 7)
    assert [r["seq"] for r in again["results"][:5]] == [r["seq"] for r in first["results"]]
    # Same id, different content: refused, the stored event is untouched.
    changed = live.call("POST", EVENTS, json={"events": [{**batch[0], "label": "denied"}]}).json()
    assert changed["results"][0]["status"] == "rejected"
    page = live.call("GET", EVENTS, params={"after": 0, "limit": 1000}).json()
    ids = [e["id"] for e in page["items"]]
    assert len(ids) == len(set(ids))
    assert [e["label"] for e in page["items"] if e["id"] == "idem-0"] == ["confirmed"]


def test_one_id_with_two_contents_in_one_push_is_refused_whole(live: Live) -> None:
    cid = live.claim_ids[1]
    first = event(cid, 0, id="twice")
    r = live.call("POST", EVENTS, json={"events": [first, {**first, "label": "denied"}]})
    assert r.status_code == 422
    assert "twice" in r.text
    page = live.call("GET", EVENTS, params={"after": 0, "limit": 1000}).json()
    assert "twice" not in [e["id"] for e in page["items"]]


def test_unknown_claim_is_rejected_per_event(live: Live) -> None:
    r = live.call("POST", EVENTS, json={"events": [event("f" * 16, 9, id="lost")]}).json()
    assert r["results"] == [{"id": "lost", "status": "rejected", "reason": "claim is not on the server"}]


def test_pull_pages_by_cursor(live: Live) -> None:
    cid = live.claim_ids[2]
    live.call("POST", EVENTS, json={"events": [event(cid, n, id=f"page-{n}") for n in range(25)]})
    seen: list[str] = []
    after = 0
    for _ in range(100):
        page = live.call("GET", EVENTS, params={"after": after, "limit": 7}).json()
        assert len(page["items"]) <= 7
        seqs = [e["seq"] for e in page["items"]]
        assert seqs == sorted(seqs) and all(s > after for s in seqs)
        seen += [e["id"] for e in page["items"]]
        after = page["next_after"]
        if not page["more"]:
            break
    assert {f"page-{n}" for n in range(25)} <= set(seen)
    assert len(seen) == len(set(seen))


def test_documents_and_claims_pull(live: Live) -> None:
    docs = live.call("GET", "/api/v1/documents", params={"after": 0, "limit": 2}).json()
    assert len(docs["items"]) == 2 and docs["more"] is True
    claims = live.call("GET", "/api/v1/claims", params={"after": 0, "limit": 1000}).json()
    assert [c["id"] for c in claims["items"]] == live.claim_ids


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 422),
        (b"[" * 100_000, 400),
        (b'{"events": "x"}', 422),
        (json.dumps({"events": [], "extra": 1}).encode(), 422),
        (json.dumps({"events": [event("0" * 16, label="maybe")]}).encode(), 422),
        (json.dumps({"events": [event("0" * 16, kind="vote")]}).encode(), 422),
        (json.dumps({"events": [event("0" * 16, note="nul\x00")]}).encode(), 422),
        (b'{"events": [{"id": "x", "claim_id": "0000000000000000", "label": "confirmed", '
         b'"created_at": "2024-01-01T00:00:00.000000Z", "note": "\\ud800"}]}', 422),
        (json.dumps({"events": [event("0" * 16, n) for n in range(1001)]}).encode(), 422),
        (json.dumps({"events": [event("0" * 16, note="x" * 20_001)]}).encode(), 422),
    ],
)  # fmt: skip
def test_malformed_bodies_are_4xx(live: Live, body: bytes, status: int) -> None:
    r = live.call("POST", EVENTS, content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status, r.text


def test_oversized_bodies_are_413_declared_or_streamed(live: Live) -> None:
    big = b'{"events": [' + b" " * (6 * 1024 * 1024) + b"]}"
    r = live.call("POST", EVENTS, content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:
        for _ in range(7):
            yield b" " * (1024 * 1024)

    r = live.call("POST", EVENTS, content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize("params", [{"after": -1}, {"after": 2**70}, {"limit": 0}, {"limit": 10**6}])
def test_bad_cursors_are_422(live: Live, params: dict[str, int]) -> None:
    assert live.call("GET", EVENTS, params=params).status_code == 422


def test_openapi_docs_are_served(live: Live) -> None:
    assert live.call("GET", "/docs", who=None).status_code == 200
    spec = live.call("GET", "/openapi.json", who=None).json()
    assert "/api/v1/events" in spec["paths"]


@pytest.mark.slow
def test_schemathesis_all_checks_clean(live: Live, tmp_path: Path) -> None:
    pytest.importorskip("schemathesis")
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"{live.server.url}/openapi.json",
        "--header",
        f"Authorization: Bearer {live.tokens['root']}",
        "--checks",
        "all",
        # Left out, and only this one: it flags 422s for rules JSON Schema cannot state (claim offsets
        # must match the document text; created_at must be a real time at most a day ahead).
        "--exclude-checks",
        "positive_data_acceptance",
        "--max-examples",
        "25",
        "--phases",
        "coverage,fuzzing",
        "--seed",
        "20261125",
        "--request-timeout",
        "30",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
