-- claimreview local store, schema version 3.
-- claim.reasons: why the extractor picked the sentence (JSON list of short codes: figure, named_source, ...).
-- verdict_event.payload: what events of the kinds beyond reviews carry (a correction's new speaker or
-- boundaries, an assignment's reviewers, an editorial decision's rating and summary), as a JSON object.
ALTER TABLE claim ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';
ALTER TABLE verdict_event ADD COLUMN payload TEXT NOT NULL DEFAULT '{}';
CREATE INDEX ix_event_kind ON verdict_event(kind, claim_id);
