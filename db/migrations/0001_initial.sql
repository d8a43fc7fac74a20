-- claimreview local store, schema version 1.
-- Documents and claims are immutable once extracted; verdict_event is an append-only log.
-- claim.consensus is a cache of the rule in consensus.py, rewritten in the same transaction as each event.

CREATE TABLE document (
    id        TEXT PRIMARY KEY,
    uri       TEXT NOT NULL,
    title     TEXT NOT NULL DEFAULT '',
    publisher TEXT,
    published TEXT,
    url       TEXT,
    text      TEXT NOT NULL,
    sha256    TEXT NOT NULL UNIQUE,
    added_at  TEXT NOT NULL
);

CREATE TABLE claim (
    id                TEXT PRIMARY KEY,
    document_id       TEXT NOT NULL REFERENCES document(id),
    text              TEXT NOT NULL,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    speaker           TEXT,
    score             REAL NOT NULL DEFAULT 0,
    extractor         TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    consensus         TEXT NOT NULL DEFAULT 'unreviewed'
);
CREATE INDEX ix_claim_document ON claim(document_id, start);
CREATE INDEX ix_claim_consensus ON claim(consensus);

CREATE TABLE verdict_event (
    id         TEXT PRIMARY KEY,
    claim_id   TEXT NOT NULL REFERENCES claim(id),
    reviewer   TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'review',
    label      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    sources    TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    replaces   TEXT,
    server_seq INTEGER
);
CREATE INDEX ix_event_claim ON verdict_event(claim_id, created_at);
CREATE INDEX ix_event_reviewer ON verdict_event(reviewer);
CREATE INDEX ix_event_server_seq ON verdict_event(server_seq);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
