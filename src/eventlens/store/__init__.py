"""The store: processed documents, their cleaning edits, events and failures in an embedded DuckDB file.

    store = open_store("eventlens.duckdb")
    store.ingest(doc_or_failure)        # -> "stored" | "duplicate" | "failed"
    store.events(actor="RUS", since="2024-01-01")
    store.document("seed-de-01")

`ingest_articles` is the Python twin of `eventlens ingest`: it skips articles already stored before running the
pipeline on them, and yields one outcome per input.
"""

from __future__ import annotations

from eventlens.store.duckdb import DEFAULT_DB, DuckDBStore, EventFilters, ingest_articles, open_store

__all__ = ["DEFAULT_DB", "DuckDBStore", "EventFilters", "ingest_articles", "open_store"]
