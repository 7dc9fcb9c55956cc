"""The dictionary lemmatizer keeps the lemma of each form, part of speech and sentence position it has seen;
the same form tagged otherwise is lemmatised anew."""

from __future__ import annotations

from spacy.tokens import Doc

from eventlens.nlp.components import SimplemmaLemmatizer


def _lemmas(component, vocab, words, pos, starts):
    doc = Doc(vocab, words=words, pos=pos, sent_starts=starts)
    return [t.lemma_ for t in component(doc)]


def test_a_form_keeps_apart_its_parts_of_speech_and_positions(nlp_en):
    lemmatizer = SimplemmaLemmatizer("en", overwrite=True, exceptions={"'s/AUX": "be"}, proper_forms=True)
    vocab = nlp_en.vocab
    words = ["He", "'s", "Iraqi", "."]
    assert _lemmas(lemmatizer, vocab, words, ["PRON", "AUX", "ADJ", "PUNCT"], [True, False, False, False]) \
        == ["he", "be", "Iraqi", "."]
    # the same forms again, tagged otherwise: "'s" a particle keeps its form, "Iraqi" opening a sentence is
    # lower-cased like any capitalised word there
    assert _lemmas(lemmatizer, vocab, ["Iraqi", "'s", "."], ["ADJ", "PART", "PUNCT"], [True, False, False]) \
        == ["iraqi", "'s", "."]
    assert _lemmas(lemmatizer, vocab, words, ["PRON", "AUX", "ADJ", "PUNCT"], [True, False, False, False]) \
        == ["he", "be", "Iraqi", "."]
