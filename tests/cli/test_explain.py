"""`eventlens explain` and its library twin on real German and English sentences."""

from __future__ import annotations

import json

import pytest

from eventlens.explain import explain_document, load_for_explain
from eventlens.records import Article

pytestmark = pytest.mark.pipeline

GERMAN = ("Die USA und Südkorea haben Russland vorgeworfen, Nordkorea Raketen geliefert zu haben. "
          "Die Regierung wollte sich nicht äußern.")
ENGLISH = ("Germany accused Russia of a cyberattack on its parliament, the government said on Friday.\n\n"
           "The talks ended without a statement.")


@pytest.fixture(scope="module")
def german(pipeline):
    doc = pipeline.process(Article(doc_id="de-explain", text=GERMAN, lang="de", published="2024-11-22"))
    return explain_document(doc)


@pytest.fixture(scope="module")
def english(pipeline):
    doc = pipeline.process(Article(doc_id="en-explain", text=ENGLISH, lang="en", published="2024-11-22"))
    return explain_document(doc)


def test_sentences_keep_original_offsets(german, english):
    for report, text in ((german, GERMAN), (english, ENGLISH)):
        assert report["n_sentences"] == len(report["sentences"]) >= 2
        for s in report["sentences"]:
            assert " ".join(text[s["start"]:s["end"]].split()) == " ".join(s["text"].split())
        json.dumps(report)  # plain data all the way down


def test_german_tokens_mentions_decisions_and_event(german):
    first = german["sentences"][0]
    by_word = {t["text"]: t for t in first["tokens"]}
    assert by_word["vorgeworfen"]["lemma"] == "vorwerfen"
    assert by_word["vorgeworfen"]["compact"].startswith("vorgeworfen/vorwerfen/")
    assert {m["code"] for m in first["mentions"]} >= {"USA", "KOR", "RUS", "PRK"}
    assert all(m["how"] for m in first["mentions"])
    coded = [d for d in first["decisions"] if d["stage"] == "events" and d["trigger"] == "vorgeworfen"]
    assert coded and coded[0]["rule"] and coded[0]["note"].startswith("coded")
    accuse = [e for e in first["events"] if e["type"] == "ACCUSE"]
    assert accuse and "RUS" in accuse[0]["recipients"] and {"USA", "KOR"} <= set(accuse[0]["actors"])
    assert accuse[0]["signal"].startswith("rule:") and 0 < accuse[0]["confidence"] <= 1
    assert set(accuse[0]) >= {"source", "status", "date", "location", "trigger"}
    # a token's head index points inside its sentence when the pack parses
    if german["parsed"]:
        assert all(t["head"] is None or 0 <= t["head"] < len(first["tokens"]) + 1 for t in first["tokens"])
        assert any(t["compact"].endswith("/ROOT") for t in first["tokens"])


def test_english_event_and_a_rejected_candidate(english):
    first, second = english["sentences"][0], english["sentences"][-1]
    accuse = [e for e in first["events"] if e["type"] == "ACCUSE"]
    assert accuse and accuse[0]["actors"] == ["DEU"] and accuse[0]["recipients"] == ["RUS"]
    assert not second["events"]
    talks = [d for d in second["decisions"] if d["trigger"] == "talks"]
    assert talks and talks[0]["note"].startswith("rejected")


def test_cli_explains_a_file_as_text_and_json(cli, tmp_path):
    path = tmp_path / "de_article.txt"
    path.write_text("title: Vorwurf\npublished: 2024-11-22\nlang: de\n\n" + GERMAN + "\n", encoding="utf-8")
    text = cli(["explain", path])
    assert text.exit_code == 0, text.output
    assert "sentence 0" in text.stdout and "EVENT ACCUSE" in text.stdout and "vorwerfen" in text.stdout
    out = cli(["explain", path, "--format", "json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    body = path.read_text(encoding="utf-8")
    s = report["sentences"][0]
    assert body[s["start"]:s["end"]] == s["text"]
    assert report["lang"] == "de" and report["published"] == "2024-11-22"


def test_stored_document_is_processed_again(cli, tmp_path, pipeline):
    path = tmp_path / "en_stored.txt"
    path.write_text("title: Cyberattack\npublished: 2024-11-22\n\n" + ENGLISH + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert cli(["ingest", path, "--db", db]).exit_code == 0
    doc = load_for_explain("en_stored", db=str(db), pipeline=pipeline)
    report = explain_document(doc)
    assert report["doc_id"] == "en_stored" and report["published"] == "2024-11-22"
    first = report["sentences"][0]
    assert path.read_text(encoding="utf-8")[first["start"]:first["end"]] == first["text"]
    assert not first["text"].startswith("title:")  # the header block is not read as a sentence
    assert any(e["type"] == "ACCUSE" for e in first["events"])
    missing = cli(["explain", "no-such-doc", "--db", db])
    assert missing.exit_code == 2
    assert "no-such-doc" in missing.stderr and "Traceback" not in missing.stderr


@pytest.mark.parametrize("lang, text, word, why", [
    ("en", "The government in Berlin sent a clear signal to Moscow on Monday.", "sent", "`unless`"),
    ("de", "Die Regierung in Berlin schickte am Montag ein deutliches Signal an Moskau.", "schickte", "`unless`"),
    ("en", "Riot police arrived in Paris after the protest.", "Riot", "kind of thing"),
])
def test_a_known_word_ruled_out_says_why(pipeline, lang, text, word, why):
    # a lexicon word that codes nothing must say which test failed, so a user can fix the entry
    doc = pipeline.process(Article(doc_id=f"{lang}-ruled-out", text=text, lang=lang))
    report = explain_document(doc)
    notes = [d["note"] for s in report["sentences"] for d in s["decisions"] if d["trigger"] == word]
    assert any(n.startswith("not a trigger here") and why in n for n in notes), notes
    assert not [e for s in report["sentences"] for e in s["events"] if e["trigger"] == word]
