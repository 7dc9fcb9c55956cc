"""Direct quotations end to end: extracted by the pipeline, stored in their own table (schema v3, with a
migration from v2), read back with the document, and printed by `extract --quotes` and `show`."""

from __future__ import annotations

import json

import duckdb
import pytest

from eventlens.records import Article
from eventlens.store import open_store
from eventlens.store.duckdb import STORE_SCHEMA_VERSION

pytestmark = pytest.mark.pipeline

TEXT = ("Selenskyj traf Macron in Paris. „Wir brauchen mehr Luftabwehr“, sagte er danach.\n\n"
        "„Russland hat in der Nacht Kiew mit Drohnen angegriffen“, sagte der ukrainische Außenminister "
        "Andrij Sybiha am Freitag.\n\n"
        "„Wir werden nicht nachgeben“, sagte Sybiha, „und wir werden weiter kämpfen.“")


@pytest.fixture(scope="module")
def doc(pipeline):
    return pipeline.process(Article(doc_id="quotes-de", text=TEXT, lang="de", published="2024-11-22"))


def test_quotes_are_records_with_offsets_speaker_and_events(doc):
    quotes = {q.text: q for q in doc.quotes}
    assert len(quotes) == 3, list(quotes)
    first = quotes["Wir brauchen mehr Luftabwehr"]
    assert TEXT[first.start:first.end] == "Wir brauchen mehr Luftabwehr"
    assert first.speaker["code"] == "UKR" and first.lang == "de"  # "sagte er": the person named before
    attack = next(q for q in doc.quotes if q.text.startswith("Russland hat"))
    assert attack.speaker["code"] == "UKR" and "Sybiha" in attack.speaker["text"]
    assault = [e for e in doc.events if e.type == "ASSAULT"]
    assert assault and assault[0].event_id in attack.event_ids
    split = next(q for q in doc.quotes if len(q.parts) == 2)  # interrupted by "sagte Sybiha"
    assert [TEXT[a:b] for a, b in split.parts] == ["Wir werden nicht nachgeben", "und wir werden weiter kämpfen."]
    assert split.speaker["code"] == "UKR"


@pytest.mark.parametrize("lang, text, quoted, code", [
    ("en", "\"We will send more troops to Poland,\" the US defence secretary said.",
     "We will send more troops to Poland,", "USA"),
    ("en", "Biden said: \"Russia attacked Ukraine again.\"", "Russia attacked Ukraine again.", "USA"),
    ("fr", "« La France livrera des missiles à l'Ukraine », a déclaré Emmanuel Macron.",
     "La France livrera des missiles à l'Ukraine", "FRA"),
    ("de", "Pistorius sagte: „Deutschland liefert weitere Panzer an die Ukraine.“",
     "Deutschland liefert weitere Panzer an die Ukraine.", "DEU"),
])
def test_quote_marks_and_speaker_positions(process, lang, text, quoted, code):
    doc = process(text, lang)
    assert [q.text for q in doc.quotes] == [quoted]
    q = doc.quotes[0]
    assert text[q.start:q.end] == quoted and q.speaker["code"] == code
    assert q.event_ids == [e.event_id for e in doc.events]  # the one event is coded inside the quotation


def test_a_single_quoted_word_is_no_quotation(process):
    assert process("Russland nennt den Krieg eine „Spezialoperation“.", "de").quotes == []


def test_store_keeps_quotes(tmp_store, doc):
    assert tmp_store.ingest(doc) == "stored"
    stored = tmp_store.quotes(doc_id="quotes-de")
    assert [q["text"] for q in stored] == [q.text for q in doc.quotes]
    assert stored[0]["speaker"]["code"] == "UKR" and stored[0]["start"] == doc.quotes[0].start
    assert tmp_store.document("quotes-de")["quotes"] == stored
    assert {q["quote_id"] for q in tmp_store.quotes(speaker="ukr")} == {q.quote_id for q in doc.quotes}
    events = {e["event_id"] for e in tmp_store.events(doc_id="quotes-de")}
    assert all(set(q["event_ids"]) <= events for q in stored)


def test_v2_store_gains_the_quotes_table(tmp_path, doc):
    path = tmp_path / "v2.duckdb"
    with open_store(path) as store:
        store.ingest(doc)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE quotes")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (2, now())")
    con.close()
    with open_store(path, read_only=True) as store:
        assert store.version == 2 and store.quotes() == [] and store.document("quotes-de")["quotes"] == []
    with open_store(path) as store:
        assert store.con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == STORE_SCHEMA_VERSION
        assert store.quotes() == []  # documents stored before keep no quotations; new ones do


def test_cli_extract_quotes_and_show(cli, tmp_path):
    article = tmp_path / "q.txt"
    article.write_text("published: 2024-11-22\nlang: de\n\n" + TEXT, encoding="utf-8")
    result = cli(["extract", article, "--quotes", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    body = article.read_text(encoding="utf-8")
    assert len(records) == 3 and all(body[r["start"]:r["end"]] == r["text"] for r in records if len(r["parts"]) == 1)
    db = tmp_path / "q.duckdb"
    assert cli(["ingest", article, "--db", db]).exit_code == 0
    shown = cli(["show", "q", "--db", db])
    assert "3 quotations" in shown.output and "Sybiha" in shown.output
    as_json = json.loads(cli(["show", "q", "--db", db, "--format", "json"]).stdout)
    assert len(as_json["quotes"]) == 3


def test_season_and_range_dates_filter_by_the_period_they_cover(tmp_store, make_document):
    doc = make_document("seasons", events=[
        {"type": "AID", "actor": ("Russia", "RUS"), "recipient": ("North Korea", "PRK"),
         "date": {"value": None, "granularity": "season", "text": "last winter", "months": ["2023-12", "2024-02"]}},
        {"type": "PROTEST", "actor": ("Protesters", "UNK"), "recipient": None, "sentence": 1,
         "date": {"value": "2022", "granularity": "range", "text": "since 2022", "end": "2024-11-22"}}])
    assert tmp_store.ingest(doc) == "stored"
    assert {e["type"] for e in tmp_store.events(since="2024-01-15", until="2024-01-20")} == {"AID", "PROTEST"}
    assert {e["type"] for e in tmp_store.events(since="2024-06-01")} == {"PROTEST"}
    assert tmp_store.events(since="2024-12-01") == []


def test_a_quotation_in_another_language_keeps_its_language_and_speaker(process):
    doc = process("Der Präsident sprach am Freitag in Kiew vor Journalisten über die Lage an der Front.\n\n"
                  "\"We will never give up our land and we will keep fighting until the very end,\" said Zelensky.",
                  "de")
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.lang == "en" and q.speaker["code"] == "UKR" and "Zelensky" in q.speaker["text"]
