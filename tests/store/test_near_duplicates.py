"""Near-duplicate links and paragraph languages in the store: stored, flagged, shown, filtered, rebuilt,
and carried over when an older (version 1) database is upgraded."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from eventlens.store import open_store
from eventlens.store.duckdb import STORE_SCHEMA_VERSION

WIRE = Path(__file__).resolve().parent / "wire"


def story(name: str) -> str:
    return (WIRE / f"{name}.txt").read_text(encoding="utf-8")


def wire_document(make_document, name: str, events: list[dict] | None = None):
    """A hand-built document over a wire story, with one event in its first sentence naming its first word."""
    body = story(name)
    first = body.split()[0]
    return make_document(doc_id=name, body=body, events=events if events is not None else [
        {"type": "AID", "actor": (first, "RUS")}])


def test_republished_story_is_stored_flagged_and_keeps_its_events(tmp_store, make_document):
    assert tmp_store.ingest(wire_document(make_document, "en_korea_original")) == "stored"
    assert tmp_store.ingest(wire_document(make_document, "en_korea_republished")) == "stored"
    assert tmp_store.counts() == {"documents": 2, "events": 2, "failures": 0}  # nothing dropped
    dup = tmp_store.document("en_korea_republished")
    assert dup["duplicate_of"] == "en_korea_original" and 0.5 <= dup["duplicate_similarity"] < 1.0
    original = tmp_store.document("en_korea_original")
    assert original["duplicate_of"] is None
    assert original["duplicates"] == [{"doc_id": "en_korea_republished", "similarity": dup["duplicate_similarity"]}]
    assert tmp_store.near_duplicates() == [{"doc_id": "en_korea_republished", "duplicate_of": "en_korea_original",
                                            "similarity": dup["duplicate_similarity"]}]


def test_a_different_story_is_not_linked(tmp_store, make_document):
    tmp_store.ingest(wire_document(make_document, "en_korea_original"))
    tmp_store.ingest(wire_document(make_document, "en_korea_other_story"))
    tmp_store.ingest(wire_document(make_document, "fr_sahel_original"))
    assert tmp_store.near_duplicates() == []


def test_identical_article_is_still_the_exact_duplicate_skip(tmp_store, make_document):
    tmp_store.ingest(wire_document(make_document, "de_bundeswehr_original"))
    again = wire_document(make_document, "de_bundeswehr_original")
    again.article.doc_id = "copy-from-another-folder"
    assert tmp_store.ingest(again) == "duplicate"
    assert tmp_store.doc_ids() == ["de_bundeswehr_original"] and tmp_store.near_duplicates() == []


def test_events_without_duplicates_count_a_story_once(tmp_store, make_document):
    for name in ("en_korea_original", "en_korea_republished", "fr_sahel_original", "fr_sahel_republished"):
        tmp_store.ingest(wire_document(make_document, name))
    assert len(tmp_store.events()) == 4
    kept = tmp_store.events(no_duplicates=True)
    assert sorted(e["doc_id"] for e in kept) == ["en_korea_original", "fr_sahel_original"]
    assert [e["doc_id"] for e in tmp_store.events(no_duplicates=True, doc_id="fr_sahel_republished")] == []


def test_index_is_rebuilt_when_the_store_is_reopened(tmp_path, make_document):
    path = tmp_path / "wire.duckdb"
    with open_store(path) as store:
        store.ingest(wire_document(make_document, "fr_sahel_original"))
        store.ingest(wire_document(make_document, "de_bundeswehr_original"))
    with open_store(path) as store:  # a new session: the index comes from the signatures table
        store.ingest(wire_document(make_document, "fr_sahel_republished"))
        store.ingest(wire_document(make_document, "de_bundeswehr_republished"))
        assert {d["doc_id"]: d["duplicate_of"] for d in store.near_duplicates()} == {
            "fr_sahel_republished": "fr_sahel_original", "de_bundeswehr_republished": "de_bundeswehr_original"}
        assert store.con.execute("SELECT count(*) FROM signatures").fetchone()[0] == 4


def test_a_signature_of_another_scheme_is_recomputed_not_compared(tmp_path, make_document):
    path = tmp_path / "old-scheme.duckdb"
    with open_store(path) as store:
        store.ingest(wire_document(make_document, "en_korea_original"))
        store.con.execute("UPDATE signatures SET scheme = 'minhash-legacy', minhash = ?", [bytes(4 * 128)])
    with open_store(path) as store:
        store.ingest(wire_document(make_document, "en_korea_republished"))
        assert store.document("en_korea_republished")["duplicate_of"] == "en_korea_original"
        assert store.con.execute("SELECT DISTINCT scheme FROM signatures").fetchall() != [("minhash-legacy",)]


def test_paragraph_languages_are_stored_with_original_offsets(tmp_store, make_document):
    doc = wire_document(make_document, "en_korea_original")
    text = doc.article.text
    second = text.index("SEOUL")
    doc.paragraph_langs = [(0, text.index("\n"), "en", 0.91), (second, text.index("\n", second), "en", 0.99)]
    tmp_store.ingest(doc)
    stored = tmp_store.document("en_korea_original")["paragraph_langs"]
    assert stored == [(0, text.index("\n"), "en", 0.91), (second, text.index("\n", second), "en", 0.99)]
    assert text[stored[1][0]:stored[1][1]].startswith("SEOUL, Nov 22")


# -- upgrading a version 1 database --------------------------------------------------------------------------

V1_DOCUMENTS = """CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL UNIQUE, path VARCHAR, title VARCHAR, url VARCHAR,
    outlet VARCHAR, lang VARCHAR, published VARCHAR, text VARCHAR NOT NULL, clean_text VARCHAR,
    n_sentences INTEGER, n_events INTEGER, ingested_at TIMESTAMP NOT NULL)"""
V1_COLUMNS = ("doc_id, content_hash, path, title, url, outlet, lang, published, text, clean_text, n_sentences, "
              "n_events, ingested_at")


def make_v1_store(path: Path, documents) -> None:
    """A database as eventlens wrote it before near-duplicates: version 1, no signatures, no link columns."""
    with open_store(path) as store:
        for doc in documents:
            store.ingest(doc)
    con = duckdb.connect(str(path))
    rows = con.execute(f"SELECT {V1_COLUMNS} FROM documents ORDER BY ingested_at").fetchall()
    con.execute("DROP TABLE documents")
    con.execute("DROP TABLE signatures")
    con.execute(V1_DOCUMENTS)
    con.executemany(f"INSERT INTO documents VALUES ({', '.join('?' * 13)})", rows)
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()


@pytest.fixture
def v1_db(tmp_path, make_document):
    path = tmp_path / "v1.duckdb"
    make_v1_store(path, [wire_document(make_document, n)
                         for n in ("de_bundeswehr_original", "en_korea_original", "de_bundeswehr_republished")])
    return path


def test_v1_database_reads_as_it_is_when_opened_read_only(v1_db):
    with open_store(v1_db, read_only=True) as store:
        assert store.version == 1
        doc = store.document("de_bundeswehr_republished")
        assert doc["duplicate_of"] is None and doc["paragraph_langs"] == [] and doc["duplicates"] == []
        assert len(store.events(no_duplicates=True)) == 3  # no links known yet: nothing left out
        assert store.near_duplicates() == []


def test_v1_database_is_upgraded_with_links_when_opened_for_writing(v1_db, make_document):
    with open_store(v1_db) as store:
        assert store.con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == STORE_SCHEMA_VERSION
        assert [(d["doc_id"], d["duplicate_of"]) for d in store.near_duplicates()] == [
            ("de_bundeswehr_republished", "de_bundeswehr_original")]
        assert store.ingest(wire_document(make_document, "en_korea_republished")) == "stored"
        assert store.document("en_korea_republished")["duplicate_of"] == "en_korea_original"
    with open_store(v1_db, read_only=True) as store:
        assert store.version == STORE_SCHEMA_VERSION
        assert sorted(e["doc_id"] for e in store.events(no_duplicates=True)) == [
            "de_bundeswehr_original", "en_korea_original"]


def test_newer_database_is_refused_with_one_line(tmp_path):
    from eventlens.errors import StoreError

    path = tmp_path / "future.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (99, now())")
    con.close()
    with pytest.raises(StoreError, match="schema version 99") as info:
        open_store(path)
    assert "\n" not in str(info.value)


# -- the CLI ---------------------------------------------------------------------------------------------------

@pytest.fixture
def wire_db(tmp_path, make_document):
    path = tmp_path / "cli.duckdb"
    with open_store(path) as store:
        for name in ("en_korea_original", "en_korea_republished", "en_korea_other_story"):
            doc = wire_document(make_document, name)
            text = doc.article.text
            doc.paragraph_langs = [(0, text.index("\n"), "en", 0.93)]
            store.ingest(doc)
    return path


def test_show_prints_the_link_both_ways(cli, wire_db):
    dup = cli(["show", "en_korea_republished", "--db", wire_db])
    assert dup.exit_code == 0
    assert "duplicate_of  en_korea_original (near-duplicate, similarity 0." in dup.output
    original = cli(["show", "en_korea_original", "--db", wire_db])
    assert "duplicated_by  en_korea_republished (similarity 0." in original.output
    as_json = json.loads(cli(["show", "en_korea_republished", "--db", wire_db, "--format", "json"]).output)
    assert as_json["duplicate_of"] == "en_korea_original" and 0.5 <= as_json["duplicate_similarity"] < 1
    assert "paragraph_langs" not in as_json


def test_show_langs(cli, wire_db):
    result = cli(["show", "en_korea_original", "--db", wire_db, "--langs"])
    assert result.exit_code == 0
    assert "paragraph languages (1)" in result.output and "0.93" in result.output
    as_json = json.loads(cli(["show", "en_korea_original", "--db", wire_db, "--langs", "--format", "json"]).output)
    assert as_json["paragraph_langs"][0][2:] == ["en", 0.93]


def test_events_no_duplicates_flag(cli, wire_db):
    every = json.loads(cli(["events", "--db", wire_db, "--format", "json"]).output)
    once = json.loads(cli(["events", "--db", wire_db, "--no-duplicates", "--format", "json"]).output)
    assert len(every) == 3
    assert sorted(e["doc_id"] for e in once) == ["en_korea_original", "en_korea_other_story"]


# -- the real pipeline, through the CLI ---------------------------------------------------------------------------

@pytest.mark.pipeline
def test_cli_ingest_links_republished_stories_end_to_end(cli, tmp_path):
    db = tmp_path / "e2e.duckdb"
    first = cli(["ingest", *sorted(str(p) for p in WIRE.glob("*_original.txt")), "--db", db])
    assert first.exit_code == 0
    later = sorted(str(p) for p in WIRE.glob("*.txt") if not p.stem.endswith("_original"))
    second = cli(["ingest", *later, "--db", db])
    assert second.exit_code == 0 and "4 stored" in second.stderr
    again = cli(["ingest", str(WIRE / "en_korea_original.txt"), "--db", db])
    assert "0 stored" in again.stderr and "1 already stored" in again.stderr  # exact duplicate: skipped
    with open_store(db, read_only=True) as store:
        links = {d["doc_id"]: d["duplicate_of"] for d in store.near_duplicates()}
        assert links == {"en_korea_republished": "en_korea_original",
                         "de_bundeswehr_republished": "de_bundeswehr_original",
                         "fr_sahel_republished": "fr_sahel_original"}
        langs = store.document("fr_sahel_republished")["paragraph_langs"]
        text = store.document("fr_sahel_republished")["text"]
        assert langs and {p[2] for p in langs} == {"fr"}
        assert text[langs[1][0]:langs[1][1]].startswith("NIAMEY")
        every, once = store.events(), store.events(no_duplicates=True)
        assert len(once) < len(every)
        assert not {e["doc_id"] for e in once} & set(links)
    shown = cli(["show", "de_bundeswehr_republished", "--db", db, "--langs"])
    assert "duplicate_of  de_bundeswehr_original" in shown.output and "paragraph languages" in shown.output
