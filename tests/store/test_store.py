"""The DuckDB store on hand-built documents: identity, transactions, filters, documents and failures."""

from __future__ import annotations

import duckdb
import pytest

from eventlens.errors import ConfigError, StoreError
from eventlens.records import Failure
from eventlens.store import open_store
from eventlens.store.duckdb import date_range


def test_ingest_then_reingest_changes_nothing(tmp_store, make_document):
    doc = make_document()
    assert tmp_store.ingest(doc) == "stored"
    before = tmp_store.counts()
    assert tmp_store.ingest(make_document()) == "duplicate"
    # same body with other whitespace and case is the same article
    other = make_document(doc_id="renamed", body=doc.article.text.upper().replace(" ", "  "))
    assert tmp_store.ingest(other) == "duplicate"
    assert tmp_store.counts() == before == {"documents": 1, "events": 2, "failures": 0}


def test_events_round_trip_the_contract(tmp_store, make_document):
    doc = make_document()
    tmp_store.ingest(doc)
    stored = tmp_store.events()
    assert stored == [e.to_dict() for e in doc.events]
    aid = stored[0]
    assert aid["actors"][0]["code"] == "RUS" and aid["recipients"][0]["code"] == "PRK"
    assert doc.article.text[aid["evidence"]["start"]:aid["evidence"]["end"]] == aid["evidence"]["sentence"]


@pytest.mark.parametrize(("filters", "types"), [
    ({"actor": "rus"}, ["AID"]),
    ({"actor": "UNK"}, ["PROTEST"]),
    ({"recipient": "PRK"}, ["AID"]),
    ({"party": "PRK"}, ["AID"]),
    ({"type": "protest"}, ["PROTEST"]),
    ({"source": "KOR"}, ["AID"]),
    ({"source": "MEDIA"}, ["PROTEST"]),
    ({"status": "asserted"}, ["AID", "PROTEST"]),
    ({"since": "2024-11-01"}, ["AID"]),  # the protest has no event date
    ({"since": "2024-11-23"}, []),
    ({"until": "2024-11"}, ["AID"]),
    ({"since": "2024-11-22", "date_field": "report"}, ["AID", "PROTEST"]),
    ({"until": "2024-11-21", "date_field": "report"}, []),
])
def test_event_filters(tmp_store, make_document, filters, types):
    tmp_store.ingest(make_document())
    assert [e["type"] for e in tmp_store.events(**filters)] == types


def test_month_dated_event_overlaps_a_day_range(tmp_store, make_document):
    doc = make_document(events=[{"type": "AGREE", "actor": ("Russia", "RUS"),
                                 "date": {"value": "2024-06", "granularity": "month", "text": "in June"}}])
    tmp_store.ingest(doc)
    assert len(tmp_store.events(since="2024-06-15", until="2024-06-20")) == 1
    assert tmp_store.events(since="2024-07-01") == []


def test_bad_filter_values_are_config_errors(tmp_store):
    with pytest.raises(ConfigError, match="since"):
        tmp_store.events(since="yesterday")
    with pytest.raises(ConfigError, match="status"):
        tmp_store.events(status="rumoured")


def test_document_with_edits(tmp_store, make_document):
    doc = make_document()
    tmp_store.ingest(doc)
    stored = tmp_store.document("doc-1")
    assert stored["text"] == doc.article.text and stored["clean_text"] == doc.clean.text
    assert stored["content_hash"] == doc.article.content_hash
    assert [r["kind"] for r in stored["removals"]] == ["navigation"]
    assert stored["repairs"][0]["text"] == "Russia"
    assert stored["n_events"] == 2
    assert tmp_store.document("nope") is None


def test_same_stem_different_text_gets_its_own_id(tmp_store, make_document):
    tmp_store.ingest(make_document())
    assert tmp_store.ingest(make_document(body="Germany sanctioned Iran.", events=[])) == "stored"
    ids = tmp_store.doc_ids()
    assert len(ids) == 2 and ids[0] == "doc-1" and ids[1].startswith("doc-1-")


def test_failures_are_recorded(tmp_store):
    assert tmp_store.ingest(Failure(path="bad.bin", code="E103", message="binary file")) == "failed"
    assert tmp_store.failures()[0]["code"] == "E103"


def test_a_failed_write_leaves_earlier_documents_and_no_partial_rows(tmp_store, make_document):
    tmp_store.ingest(make_document())
    broken = make_document(doc_id="doc-2", body="A different text.\nAnother line.", events=[])
    broken.events.append(object())  # not an Event: the write fails halfway, after the document row
    with pytest.raises(StoreError, match="E702"):
        tmp_store.ingest(broken)
    assert tmp_store.doc_ids() == ["doc-1"]
    assert tmp_store.counts()["events"] == 2


def test_reopen_keeps_data(tmp_path, make_document):
    path = tmp_path / "x.duckdb"
    with open_store(path) as store:
        store.ingest(make_document())
    with open_store(path, read_only=True) as store:
        assert len(store.events()) == 2


def test_open_errors_name_the_file(tmp_path):
    with pytest.raises(StoreError, match="E701"):
        open_store(tmp_path / "missing" / "x.duckdb")
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "absent.duckdb", read_only=True)
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not an eventlens database"):
        open_store(foreign)
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="E701"):
        open_store(garbage)


def test_date_range():
    assert [str(d) for d in date_range("2024-02")] == ["2024-02-01", "2024-02-29"]
    assert [str(d) for d in date_range("2024")] == ["2024-01-01", "2024-12-31"]
    assert [str(d) for d in date_range("2025-W36")] == ["2025-09-01", "2025-09-07"]
    assert date_range("soon") == (None, None) and date_range("2025-W99") == (None, None)


class CountingPipeline:
    """Stands in for the pipeline: builds a hand-made document per article and counts the calls."""

    def __init__(self, make_document):
        self.make_document = make_document
        self.calls = 0

    def process_many(self, items, workers=1):
        for item in items:
            if isinstance(item, Failure):  # as the real pipeline does: failures pass through
                yield item
                continue
            self.calls += 1
            yield self.make_document(item.doc_id, item.text)


def test_ingest_articles_skips_stored_articles_before_processing(tmp_store, make_document):
    from eventlens.records import Article
    from eventlens.store import ingest_articles

    body = "Russia supplied North Korea with air-defence missiles, Seoul said on Friday.\nProtesters gathered."
    items = [Article(doc_id="a", text=body, path="a.txt"),
             Failure(path="b.txt", code="E104", message="empty article"),
             Article(doc_id="a-copy", text=body, path="copy/a.txt")]
    pipe = CountingPipeline(make_document)
    outcomes = [outcome for _, outcome in ingest_articles(tmp_store, pipe, items)]
    assert outcomes == ["stored", "failed", "duplicate"]
    assert pipe.calls == 1
    assert tmp_store.counts() == {"documents": 1, "events": 2, "failures": 1}
