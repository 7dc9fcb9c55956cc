"""DuckDB implementation of the store. Each document is written in its own transaction.

Near-duplicates: every stored document keeps a MinHash signature of its cleaned text (table `signatures`).
A store opened for writing rebuilds the LSH index from those signatures the first time it stores a
document, then adds each new one; a new document that resembles an earlier one is stored all the same, with
`duplicate_of` and `duplicate_similarity` set, so `events(no_duplicates=True)` can count a story once.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from eventlens.errors import ConfigError, StoreError
from eventlens.records import SCHEMA_VERSION, STATUSES, Article, Document, Failure

log = logging.getLogger(__name__)

DEFAULT_DB = "eventlens.duckdb"
STORE_SCHEMA_VERSION = 3  # version of schema.sql; bump with a migration (MIGRATIONS) when a table changes

DOCUMENT_COLUMNS = ("doc_id", "content_hash", "path", "title", "url", "outlet", "lang", "published", "text",
                    "clean_text", "n_sentences", "n_events", "ingested_at", "duplicate_of", "duplicate_similarity",
                    "paragraph_langs")
V1_DOCUMENT_COLUMNS = DOCUMENT_COLUMNS[:13]

QUOTES_TABLE = """CREATE TABLE IF NOT EXISTS quotes (
    doc_id        VARCHAR NOT NULL,
    quote_id      VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    lang          VARCHAR,
    sentence      INTEGER,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    parts         JSON,
    speaker_code  VARCHAR,
    speaker       JSON,
    event_ids     VARCHAR[],
    PRIMARY KEY (doc_id, quote_id)
)"""
QUOTE_COLUMNS = ("quote_id", "doc_id", "lang", "sentence", "start_offset", "end_offset", "text", "parts",
                 "speaker", "event_ids")

# version -> statements that bring a store of that version to the next one (data filled in by _backfill_v2)
MIGRATIONS: dict[int, list[str]] = {
    1: ["ALTER TABLE documents ADD COLUMN duplicate_of VARCHAR",
        "ALTER TABLE documents ADD COLUMN duplicate_similarity DOUBLE",
        "ALTER TABLE documents ADD COLUMN paragraph_langs JSON",
        "CREATE TABLE IF NOT EXISTS signatures (doc_id VARCHAR PRIMARY KEY, scheme VARCHAR NOT NULL, "
        "minhash BLOB NOT NULL)"],
    2: [QUOTES_TABLE],
}


def _schema_sql() -> str:
    return resources.files("eventlens.store").joinpath("schema.sql").read_text(encoding="utf-8")


def date_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day an ISO date of any granularity covers ("2024-06" -> June 1st..30th,
    "2024-W36" -> that ISO week's Monday..Sunday)."""
    if not value or not isinstance(value, str):
        return None, None
    parts = value.split("-")
    try:
        if len(parts) == 2 and parts[1][:1] in ("W", "w"):
            monday = dt.date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
            return monday, monday + dt.timedelta(days=6)
        if len(parts) == 1 and len(parts[0]) == 4:
            year = int(parts[0])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day = dt.date.fromisoformat(value)
        return day, day
    except ValueError:
        return None, None


def parse_date_option(value: str | None, field: str) -> dt.date | None:
    """A user-supplied date (YYYY-MM-DD, YYYY-MM or YYYY); ConfigError naming the option if malformed."""
    if value is None:
        return None
    first, _ = date_range(value)
    if first is None:
        raise ConfigError("E801", field=field, why=f"'{value}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return first


@dataclass(frozen=True)
class EventFilters:
    """What `DuckDBStore.events` can filter on. Every field is optional; given fields must all hold."""

    actor: str | None = None  # an actor code, e.g. RUS
    recipient: str | None = None
    party: str | None = None  # actor or recipient
    type: str | None = None  # PLOVER type
    since: str | None = None  # inclusive; compared with the event date or the report date (date_field)
    until: str | None = None
    status: str | None = None
    source: str | None = None  # a source code; MEDIA selects events told in the outlet's own voice
    doc_id: str | None = None
    date_field: str = "event"  # "event" | "report"
    limit: int | None = None
    no_duplicates: bool = False  # leave out events of documents that are near-duplicates of an earlier one

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("list_contains(actor_codes, ?)")
            params.append(self.actor.upper())
        if self.recipient:
            clauses.append("list_contains(recipient_codes, ?)")
            params.append(self.recipient.upper())
        if self.party:
            clauses.append("(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))")
            params += [self.party.upper(), self.party.upper()]
        if self.type:
            clauses.append("type = ?")
            params.append(self.type.upper())
        if self.status:
            if self.status not in STATUSES:
                raise ConfigError("E801", field="status", why=f"'{self.status}' is not one of {', '.join(STATUSES)}")
            clauses.append("status = ?")
            params.append(self.status)
        if self.source:
            if self.source.upper() == "MEDIA":
                clauses.append("source_code IS NULL")
            else:
                clauses.append("source_code = ?")
                params.append(self.source.upper())
        if self.doc_id:
            clauses.append("doc_id = ?")
            params.append(self.doc_id)
        if self.no_duplicates:
            clauses.append("doc_id NOT IN (SELECT doc_id FROM documents WHERE duplicate_of IS NOT NULL)")
        if self.date_field not in ("event", "report"):
            raise ConfigError("E801", field="date-field", why=f"'{self.date_field}' is not 'event' or 'report'")
        since = parse_date_option(self.since, "since")
        until = date_range(self.until)[1] if self.until else None
        if self.until and until is None:
            parse_date_option(self.until, "until")  # raises with the right message
        if self.date_field == "event":
            # an event dated only to a month or year is kept when that period overlaps [since, until]
            if since:
                clauses.append("event_to >= ?")
                params.append(since)
            if until:
                clauses.append("event_from <= ?")
                params.append(until)
        else:
            if since:
                clauses.append("report_date >= ?")
                params.append(since)
            if until:
                clauses.append("report_date <= ?")
                params.append(until)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class DuckDBStore:
    """An open eventlens database. Use `open_store(path)`; close it (or use `with`) when done."""

    def __init__(self, path: str, con: duckdb.DuckDBPyConnection, near_threshold: float | None = None):
        self.path = path
        self.con = con
        self.version = STORE_SCHEMA_VERSION  # what the file holds; lower only for an old file opened read-only
        self.near_threshold = near_threshold
        self._near = None  # the near-duplicate index, built from stored signatures when first needed

    # -- lifecycle -------------------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _stored_version(self) -> int | None:
        """The schema version recorded in the file; None for an empty file; StoreError for a foreign one."""
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "schema_version" not in tables:
            if tables:
                raise StoreError("E701", path=self.path,
                                 why="not an eventlens database (it has other tables); choose another --db file")
            return None
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        found = row[0] if row else None
        if found is not None and (found > STORE_SCHEMA_VERSION or found not in MIGRATIONS and found != STORE_SCHEMA_VERSION):
            raise StoreError("E701", path=self.path,
                             why=f"database schema version {found}, this eventlens reads version "
                                 f"{STORE_SCHEMA_VERSION}; ingest into a new --db file")
        return found

    def _check_readable(self) -> None:
        found = self._stored_version()
        if found is None:
            raise StoreError("E701", path=self.path, why="empty database; fill it with `eventlens ingest`")
        self.version = found  # an older file is read as it is (no near-duplicate links until it is migrated)

    def _init_schema(self) -> None:
        found = self._stored_version()
        if found is not None:
            if found < STORE_SCHEMA_VERSION:
                self._migrate(found)
            return
        self.con.execute("BEGIN")
        try:
            self.con.execute(_schema_sql())
            self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [STORE_SCHEMA_VERSION, _now()])
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError("E701", path=self.path, why=str(exc).splitlines()[0]) from exc

    def _migrate(self, found: int) -> None:
        """Bring an older store to the current version in one transaction (all of it or nothing)."""
        self.con.execute("BEGIN")
        try:
            for version in range(found, STORE_SCHEMA_VERSION):
                for statement in MIGRATIONS[version]:
                    self.con.execute(statement)
            if found < 2:
                self._backfill_v2()
            self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [STORE_SCHEMA_VERSION, _now()])
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError("E701", path=self.path,
                             why=f"could not upgrade the database from schema version {found}: "
                                 f"{str(exc).splitlines()[0]}") from exc
        log.info("upgraded %s from schema version %s to %s", self.path, found, STORE_SCHEMA_VERSION)

    def _backfill_v2(self) -> None:
        """Signatures and near-duplicate links for documents stored before version 2, in ingest order."""
        from eventlens.clean.dedup import SCHEME, to_bytes

        index = self._new_index()
        rows = self.con.execute("SELECT doc_id, coalesce(clean_text, text) FROM documents "
                                "ORDER BY ingested_at, doc_id").fetchall()
        for doc_id, text in rows:
            sig = index.signature(text)
            found = index.match(sig)
            index.insert(doc_id, sig)
            self.con.execute("INSERT INTO signatures VALUES (?, ?, ?)", [doc_id, SCHEME, to_bytes(sig)])
            if found:
                self.con.execute("UPDATE documents SET duplicate_of = ?, duplicate_similarity = ? WHERE doc_id = ?",
                                 [found[0], found[1], doc_id])
        self._near = index

    def _new_index(self):
        from eventlens.clean.dedup import DEFAULT_THRESHOLD, NearDuplicateIndex

        return NearDuplicateIndex(threshold=self.near_threshold or DEFAULT_THRESHOLD)

    def near_index(self):
        """The near-duplicate index of every stored document (rebuilt from the signatures table once). A
        signature made by another scheme (an older eventlens or datasketch) is recomputed from the text."""
        if self._near is None:
            from eventlens.clean.dedup import SCHEME, from_bytes, to_bytes

            index = self._new_index()
            stale = []
            for doc_id, scheme, blob in self.con.execute(
                    "SELECT d.doc_id, s.scheme, s.minhash FROM documents d LEFT JOIN signatures s USING (doc_id) "
                    "ORDER BY d.ingested_at, d.doc_id").fetchall():
                if scheme == SCHEME:
                    index.insert(doc_id, from_bytes(blob))
                    continue
                text = self.con.execute("SELECT coalesce(clean_text, text) FROM documents WHERE doc_id = ?",
                                        [doc_id]).fetchone()[0]
                sig = index.signature(text)
                index.insert(doc_id, sig)
                stale.append([doc_id, SCHEME, to_bytes(sig)])
            if stale:
                self.con.execute("BEGIN")
                self.con.execute("DELETE FROM signatures WHERE doc_id IN (SELECT unnest(?))", [[r[0] for r in stale]])
                self.con.executemany("INSERT INTO signatures VALUES (?, ?, ?)", stale)
                self.con.execute("COMMIT")
            self._near = index
        return self._near

    # -- writing ---------------------------------------------------------------------------------------

    def has(self, content_hash: str) -> str | None:
        """The doc_id of the stored document with this content hash, or None."""
        row = self.con.execute("SELECT doc_id FROM documents WHERE content_hash = ?", [content_hash]).fetchone()
        return row[0] if row else None

    def ingest(self, item: Document | Failure) -> str:
        """Store a processed document ("stored"), or note that it is already there ("duplicate"), or record a
        failure ("failed"). A document is written in one transaction: all of it or nothing."""
        if isinstance(item, Failure):
            self.con.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?)",
                             [item.path, item.doc_id, item.code, item.message, _now()])
            return "failed"
        article = item.article
        chash = article.content_hash
        if self.has(chash):
            return "duplicate"
        doc_id = self._free_doc_id(article.doc_id, chash)
        index = self.near_index()
        sig = index.signature(item.clean.text if item.clean is not None else article.text[article.body_start:])
        near = index.match(sig)
        self.con.execute("BEGIN")
        try:
            self._write_document(item, doc_id, chash, near)
            self.con.execute("INSERT INTO signatures VALUES (?, ?, ?)", [doc_id, *_sig_row(sig)])
            self.con.execute("COMMIT")
        except Exception as exc:  # whatever broke, nothing of this document may stay half-written
            self.con.execute("ROLLBACK")
            raise StoreError("E702", path=article.path or article.doc_id, why=str(exc).splitlines()[0]) from exc
        index.insert(doc_id, sig)
        if near:
            log.info("%s is a near-duplicate of %s (similarity %.2f)", doc_id, *near)
        return "stored"

    def _free_doc_id(self, doc_id: str, chash: str) -> str:
        """Two different articles may share a file stem; the later one gets a hash suffix."""
        taken = self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return f"{doc_id}-{chash[:8]}" if taken else doc_id

    def _write_document(self, doc: Document, doc_id: str, chash: str, near: tuple[str, float] | None) -> None:
        a: Article = doc.article
        clean = doc.clean
        langs = getattr(doc, "paragraph_langs", None)
        self.con.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
            [doc_id, chash, a.path, a.title or (clean.title if clean else None), a.url, a.outlet, doc.lang or a.lang,
             a.published, a.text, clean.text if clean else None, len(doc.sentences), len(doc.events), _now(),
             near[0] if near else None, near[1] if near else None,
             json.dumps([list(p) for p in langs], ensure_ascii=False) if langs else None])
        if clean is not None:
            edits = [("removal", e) for e in clean.removals] + [("repair", e) for e in clean.repairs]
            if edits:
                self.con.executemany(
                    "INSERT INTO edits VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [[doc_id, seq, which, e.kind, e.start, e.end, e.text, e.replacement]
                     for seq, (which, e) in enumerate(edits)])
        report_date = date_range(a.published)[0] if a.published and len(a.published) == 10 else None
        rows = []
        for seq, event in enumerate(doc.events):
            record = event.to_dict()
            record["doc_id"] = doc_id
            rows.append(_event_row(record, seq, report_date))
        if rows:
            self.con.executemany(
                f"INSERT OR IGNORE INTO events VALUES ({', '.join('?' * len(rows[0]))})", rows)
        quotes = [[doc_id, q.quote_id, seq, q.lang, q.sentence, q.start, q.end, q.text,
                   json.dumps([list(p) for p in q.parts]), (q.speaker or {}).get("code"),
                   json.dumps(q.speaker, ensure_ascii=False) if q.speaker else None, list(q.event_ids)]
                  for seq, q in enumerate(getattr(doc, "quotes", None) or [])]
        if quotes:
            self.con.executemany(f"INSERT OR IGNORE INTO quotes VALUES ({', '.join('?' * 12)})", quotes)

    # -- reading ---------------------------------------------------------------------------------------

    def events(self, filters: EventFilters | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        """Stored event records (the output contract), filtered; see EventFilters for the keywords."""
        filters = filters or EventFilters(**kwargs)
        if filters.no_duplicates and self.version < 2:  # an old file opened read-only: no links recorded yet
            filters = dataclasses.replace(filters, no_duplicates=False)
        where, params = filters.where()
        sql = f"SELECT record FROM events{where} ORDER BY report_date NULLS LAST, doc_id, seq"
        if filters.limit:
            sql += f" LIMIT {int(filters.limit)}"
        return [json.loads(row[0]) for row in self.con.execute(sql, params).fetchall()]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored document with its cleaning edits, or None if no document has that id."""
        columns = DOCUMENT_COLUMNS if self.version >= 2 else V1_DOCUMENT_COLUMNS
        row = self.con.execute(f"SELECT {', '.join(columns)} FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        if row is None:
            return None
        out = dict.fromkeys(DOCUMENT_COLUMNS)
        out.update(zip(columns, row, strict=True))
        out["ingested_at"] = str(out["ingested_at"])
        out["paragraph_langs"] = [tuple(p) for p in json.loads(out["paragraph_langs"])] \
            if out["paragraph_langs"] else []
        out["duplicates"] = [] if self.version < 2 else [
            {"doc_id": d, "similarity": sim} for d, sim in self.con.execute(
                "SELECT doc_id, duplicate_similarity FROM documents WHERE duplicate_of = ? ORDER BY ingested_at",
                [doc_id]).fetchall()]
        out["quotes"] = self.quotes(doc_id=doc_id)
        out["removals"], out["repairs"] = [], []
        for which, kind, start, end, text, repl in self.con.execute(
                "SELECT edit, kind, start_offset, end_offset, original, replacement FROM edits "
                "WHERE doc_id = ? ORDER BY seq", [doc_id]).fetchall():
            out["removals" if which == "removal" else "repairs"].append(
                {"kind": kind, "start": start, "end": end, "text": text, "replacement": repl})
        return out

    def quotes(self, doc_id: str | None = None, speaker: str | None = None) -> list[dict[str, Any]]:
        """Stored direct quotations (Quote.to_dict form, with the stored doc_id), of one document and/or one
        speaker code; none in a file from before version 3."""
        if self.version < 3:
            return []
        where, params = [], []
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(doc_id)
        if speaker is not None:
            where.append("speaker_code = ?")
            params.append(speaker.upper())
        sql = ("SELECT quote_id, doc_id, lang, sentence, start_offset, end_offset, text, parts, speaker, event_ids "
               "FROM quotes" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY doc_id, seq")
        out = []
        for qid, did, lang, sentence, start, end, text, parts, speaker_json, event_ids in \
                self.con.execute(sql, params).fetchall():
            out.append({"quote_id": qid, "doc_id": did, "text": text, "start": start, "end": end,
                        "parts": json.loads(parts) if parts else [[start, end]], "sentence": sentence, "lang": lang,
                        "speaker": json.loads(speaker_json) if speaker_json else None,
                        "event_ids": list(event_ids or [])})
        return out

    def near_duplicates(self) -> list[dict[str, Any]]:
        """Every recorded near-duplicate link: doc_id, duplicate_of, similarity."""
        if self.version < 2:
            return []
        return [{"doc_id": d, "duplicate_of": o, "similarity": s} for d, o, s in self.con.execute(
            "SELECT doc_id, duplicate_of, duplicate_similarity FROM documents WHERE duplicate_of IS NOT NULL "
            "ORDER BY ingested_at").fetchall()]

    def doc_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]

    def failures(self) -> list[dict[str, Any]]:
        cols = ("path", "doc_id", "code", "message", "failed_at")
        rows = self.con.execute(f"SELECT {', '.join(cols)} FROM failures ORDER BY failed_at").fetchall()
        return [dict(zip(cols, (str(v) if isinstance(v, dt.datetime) else v for v in r), strict=True))
                for r in rows]

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
                for table in ("documents", "events", "failures")}


def _event_row(record: dict[str, Any], seq: int, report_date: dt.date | None) -> list[Any]:
    date = record.get("date") or {}
    event_from, event_to = date_range(date.get("value"))
    months = date.get("months")  # a season: its first and last month, even when no year value is given
    if months and len(months) == 2:
        event_from, event_to = date_range(months[0])[0], date_range(months[1])[1]
    if date.get("end"):  # a range ("seit 2022", "last weekend"): up to its last day
        event_to = date_range(date["end"])[1] or event_to
    source = record.get("source")
    evidence = record.get("evidence") or {}

    def js(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    return [record["doc_id"], record["event_id"], seq, record["type"], record.get("mode"), record.get("cameo"),
            record.get("status"), [a["code"] for a in record.get("actors", [])],
            [r["code"] for r in record.get("recipients", [])], source.get("code") if source else None,
            date.get("value"), event_from, event_to, report_date, evidence.get("start"), evidence.get("end"),
            record.get("confidence"), js(record.get("contexts", [])), js(record.get("actors", [])),
            js(record.get("recipients", [])), js(source), js(date), js(record.get("location")), js(evidence),
            js(record)]


def _sig_row(sig: Any) -> tuple[str, bytes]:
    from eventlens.clean.dedup import SCHEME, to_bytes

    return SCHEME, to_bytes(sig)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def open_store(path: str | Path = DEFAULT_DB, *, read_only: bool = False,
               near_threshold: float | None = None) -> DuckDBStore:
    """Open (and create if needed) an eventlens database file. StoreError E701 if that is impossible.

    A file of an older schema version is upgraded when opened for writing, and read as it is otherwise.
    `near_threshold` is the similarity from which a new document counts as a near-duplicate (default 0.5)."""
    path = str(path)
    if read_only and path != ":memory:" and not Path(path).exists():
        raise StoreError("E701", path=path, why="no such database; create it with `eventlens ingest`")
    if path != ":memory:" and not Path(path).parent.exists():
        raise StoreError("E701", path=path, why=f"folder {Path(path).parent} does not exist")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError("E701", path=path, why=str(exc).splitlines()[0]) from exc
    store = DuckDBStore(path, con, near_threshold=near_threshold)
    if read_only:
        store._check_readable()
    else:
        store._init_schema()
    return store


def ingest_articles(store: DuckDBStore, pipeline: Any, items: Iterable[Article | Failure], workers: int = 1
                    ) -> Iterator[tuple[Document | Article | Failure, str]]:
    """Process and store articles; yields (item, "stored" | "duplicate" | "failed").

    An article whose content is already stored is not processed again. Processing runs in batches (and in
    `workers` processes); storing stays here, one transaction per document. A document the store cannot
    write is recorded as a failure, and the batch goes on."""
    duplicates: list[Article] = []

    def fresh() -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Article) and store.has(item.content_hash):
                duplicates.append(item)
                continue
            yield item

    for result in pipeline.process_many(fresh(), workers=workers):
        while duplicates:
            yield duplicates.pop(0), "duplicate"
        try:
            outcome = store.ingest(result)
        except StoreError as exc:
            result = Failure(path=exc.path or "?", code=exc.code, message=exc.message,
                             doc_id=getattr(result, "doc_id", None))
            outcome = store.ingest(result)
        yield result, outcome
    while duplicates:
        yield duplicates.pop(0), "duplicate"


__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "DuckDBStore", "EventFilters", "date_range", "ingest_articles",
           "open_store"]
