"""The analyse stage: sentences with original offsets, line breaks, fallback for languages without a pack."""

from __future__ import annotations

import logging

from eventlens.nlp import analyse, load_nlp
from eventlens.records import Article, CleanText, Document


def make_doc(text: str, prefix: str = "") -> Document:
    original = prefix + text
    return Document(article=Article(doc_id="t", text=original), clean=CleanText.identity(original, len(prefix)))


def test_sentences_map_to_original_offsets(nlp_de):
    doc = make_doc("Russland liefert Raketen. Nordkorea schickt Truppen.", prefix="Titel\n\n")
    analyse(doc, nlp_de)
    assert [s.text for s in doc.sentences] == ["Russland liefert Raketen.", "Nordkorea schickt Truppen."]
    for s in doc.sentences:
        assert doc.article.text[s.start:s.end] == s.text
        assert doc.clean.text[s.clean_start:s.clean_end] == s.text


HEADLINED = {
    "de": ("Krieg in der Ukraine", "Lesen Sie auch:\nMoskau rüstet Nordkorea aus\nDie USA protestieren."),
    "en": ("War in Ukraine", "Read also:\nMoscow arms North Korea\nThe United States protested."),
    "fr": ("Guerre en Ukraine", "Lire aussi :\nMoscou arme la Corée du Nord\nLes États-Unis protestent."),
}


def test_sentences_never_cross_line_breaks(nlp_by_lang):
    for lang, (title, body) in HEADLINED.items():
        doc = make_doc(title + "\n\n" + body)
        analyse(doc, nlp_by_lang(lang))
        assert all("\n" not in s.text for s in doc.sentences), lang
        assert doc.sentences[0].text == title, lang
        assert len(doc.sentences) == 4, (lang, [s.text for s in doc.sentences])


def test_abbreviations_do_not_end_sentences(nlp_de):
    doc = make_doc("Das Treffen fand am Fr. den 22. Nov. statt, es kamen ca. 300 Gäste. Danach sprach Scholz.")
    analyse(doc, nlp_de)
    assert len(doc.sentences) == 2


def test_language_without_pack_falls_back_with_warning(caplog):
    with caplog.at_level(logging.WARNING):
        nlp = load_nlp("it")
    assert "E301" in caplog.text
    doc = make_doc("Le truppe russe sono arrivate ieri. Il governo ha protestato.")
    analyse(doc, nlp)
    assert len(doc.sentences) == 2
    assert any("E301" in w for w in doc.warnings)
    lemmas = {t.text: t.lemma_ for t in doc.nlp}
    assert lemmas["truppe"] == "truppa"
    assert lemmas["arrivate"] == "arrivare"


def test_empty_text_gives_no_sentences(nlp_de):
    doc = make_doc("")
    analyse(doc, nlp_de)
    assert doc.sentences == []
