-- claimreview local store, schema version 4: published fact-checks (schema.org ClaimReview) and the
-- claims they match.
-- factcheck is keyed by the review's url: a re-import updates the row in place. digest is a hash of the
-- content (what a re-import or a pull compares); server_seq is NULL until the sync server has the row
-- (the publishing outbox, as for verdict events).
-- claim_match holds each claim's matches above the matcher's threshold, best first; it is derived data,
-- recomputed when claims or fact-checks arrive (factchecks/refresh.py), never synced.

CREATE TABLE factcheck (
    url            TEXT PRIMARY KEY,
    claim_reviewed TEXT NOT NULL,
    headline       TEXT,
    rating         TEXT,
    rating_value   REAL,
    best_rating    REAL,
    worst_rating   REAL,
    publisher      TEXT,
    publisher_url  TEXT,
    date_published TEXT,
    claim_author   TEXT,
    claim_date     TEXT,
    appearance_url TEXT,
    language       TEXT,
    digest         TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    server_seq     INTEGER
);
CREATE INDEX ix_factcheck_publisher ON factcheck(publisher);
CREATE INDEX ix_factcheck_server_seq ON factcheck(server_seq);

CREATE TABLE claim_match (
    claim_id        TEXT NOT NULL REFERENCES claim(id),
    factcheck_url   TEXT NOT NULL REFERENCES factcheck(url),
    rank            INTEGER NOT NULL,
    score           REAL NOT NULL,
    matcher_version TEXT NOT NULL,
    computed_at     TEXT NOT NULL,
    PRIMARY KEY (claim_id, rank)
);
CREATE INDEX ix_claim_match_factcheck ON claim_match(factcheck_url);
