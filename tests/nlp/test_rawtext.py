"""Our raw German news articles (the pretraining text) are well formed and never hold a held-out sentence."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

TRAINING = Path(__file__).resolve().parents[2] / "training"
ARTICLES = sorted((TRAINING / "rawtext").glob("de_*.txt"))


def test_every_article_has_a_headline_and_a_body():
    assert len(ARTICLES) >= 20
    unfinished = []  # body lines without a sentence end: a byline, or a headline whose `###` is missing
    for path in ARTICLES:
        articles = [a for a in path.read_text(encoding="utf-8").split("\n###\n") if a.strip()]
        assert len(articles) >= 50, path.name
        for article in articles:
            lines = [line.rstrip() for line in article.splitlines() if line.strip() and line.strip() != "###"]
            assert len(lines) >= 2, (path.name, lines[:1])
            assert not lines[0].endswith("."), (path.name, lines[0])  # a headline, not a sentence
            unfinished += [line for line in lines[1:] if line[-1] not in ".!?:…)\"'“”’»"]
    assert len(unfinished) <= 5, unfinished


def test_no_held_out_news_sentence_is_in_the_articles():
    held_out = [line[len("# text = "):] for line in
                (TRAINING / "treebank" / "de_news_dev.conllu").read_text(encoding="utf-8").splitlines()
                if line.startswith("# text = ")]
    assert len(held_out) >= 300
    text = "\n".join(path.read_text(encoding="utf-8") for path in ARTICLES)
    assert [s for s in held_out if s in text] == []


def test_corpus_joins_article_paragraphs_and_training_docs(tmp_path, training_script):
    nlp = spacy.blank("de")
    DocBin(docs=[nlp("Der Rat tagte am Montag."), nlp("Kiew meldete neue Angriffe.")]).to_disk(
        tmp_path / "train.spacy")
    articles = tmp_path / "de_test.txt"
    articles.write_text("Rat vertagt Entscheidung\nDer Rat vertagte sich.\nEr tagt wieder im Mai.\n###\n"
                        "Zweite Meldung\nNur ein Absatz.\n###\n", encoding="utf-8")
    out = tmp_path / "raw.jsonl"
    assert training_script("rawtext.py").main(["--corpus", str(tmp_path), "--articles", str(articles), "--out", str(out)]) == 0
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert texts == ["Rat vertagt Entscheidung", "Der Rat vertagte sich.", "Er tagt wieder im Mai.",
                     "Zweite Meldung", "Nur ein Absatz.", "Der Rat tagte am Montag.", "Kiew meldete neue Angriffe."]
