-- eventlens store, schema version 3.
-- documents: one row per distinct article (identity: content_hash of the normalised body text). A near-duplicate
--   (the same story republished with small edits) is stored too, with duplicate_of naming the earlier document
--   it resembles most and duplicate_similarity the estimated Jaccard similarity of their word 3-shingles.
-- signatures: the MinHash signature of each document's cleaned text (128 little-endian uint32 values) and the
--   scheme that made it (eventlens.clean.dedup.SCHEME); the near-duplicate index is rebuilt from them.
-- edits: what the cleaner removed or repaired, with spans into documents.text.
-- events: the full event record as JSON, plus flat columns used for filtering.
-- quotes: direct quotations (added in v3): the quoted words with spans into documents.text (parts: one span per
--   piece of a quotation its speech clause interrupts), the speaker (as an event's source) and the ids of the
--   events coded inside.
-- failures: documents that could not be processed, one row per attempt.

CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER NOT NULL,
    applied_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL UNIQUE,
    path          VARCHAR,
    title         VARCHAR,
    url           VARCHAR,
    outlet        VARCHAR,
    lang          VARCHAR,
    published     VARCHAR,
    text          VARCHAR NOT NULL,
    clean_text    VARCHAR,
    n_sentences   INTEGER,
    n_events      INTEGER,
    ingested_at   TIMESTAMP NOT NULL,
    duplicate_of          VARCHAR,       -- doc_id of the earlier near-duplicate, NULL if none (added in v2)
    duplicate_similarity  DOUBLE,        -- estimated Jaccard similarity to duplicate_of (added in v2)
    paragraph_langs       JSON           -- [[start, end, lang, confidence], ...] per paragraph, original offsets (v2)
);

CREATE TABLE IF NOT EXISTS signatures (
    doc_id     VARCHAR PRIMARY KEY,
    scheme     VARCHAR NOT NULL,
    minhash    BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS edits (
    doc_id        VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    edit          VARCHAR NOT NULL,      -- 'removal' or 'repair'
    kind          VARCHAR NOT NULL,      -- e.g. navigation, teaser, glued_word
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    original      VARCHAR,
    replacement   VARCHAR,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS events (
    doc_id           VARCHAR NOT NULL,
    event_id         VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,   -- order of the event within its document
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    cameo            VARCHAR,
    status           VARCHAR,
    actor_codes      VARCHAR[],
    recipient_codes  VARCHAR[],
    source_code      VARCHAR,            -- NULL: the outlet's own voice
    event_date       VARCHAR,            -- as precise as known: YYYY-MM-DD, YYYY-MM or YYYY
    event_from       DATE,               -- first day the event date covers
    event_to         DATE,               -- last day the event date covers
    report_date      DATE,               -- the document's publication date
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    confidence       DOUBLE,
    contexts         JSON,
    actors           JSON,
    recipients       JSON,
    source           JSON,
    date             JSON,
    location         JSON,
    evidence         JSON,
    record           JSON NOT NULL,      -- the whole event record, exactly as the pipeline produced it
    PRIMARY KEY (doc_id, event_id)
);

CREATE TABLE IF NOT EXISTS failures (
    path        VARCHAR NOT NULL,
    doc_id      VARCHAR,
    code        VARCHAR NOT NULL,
    message     VARCHAR NOT NULL,
    failed_at   TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id        VARCHAR NOT NULL,
    quote_id      VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,      -- order of the quotation within its document
    lang          VARCHAR,
    sentence      INTEGER,               -- index of the sentence holding its first piece
    start_offset  INTEGER NOT NULL,      -- the quoted words in documents.text (first piece's start)
    end_offset    INTEGER NOT NULL,      -- ... to the last piece's end, exclusive
    text          VARCHAR NOT NULL,
    parts         JSON,                  -- [[start, end], ...] per piece
    speaker_code  VARCHAR,               -- NULL: no speaker named
    speaker       JSON,
    event_ids     VARCHAR[],
    PRIMARY KEY (doc_id, quote_id)
);
