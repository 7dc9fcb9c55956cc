"""Separable verbs: a particle that closes the clause makes the verb another verb, parsed or not."""

from __future__ import annotations

import pytest

from eventlens.events.clauses import verb_particles
from eventlens.events.coder import Syntax
from eventlens.lang import get_pack

pytestmark = pytest.mark.pipeline

BALTIC = "Litauen, Lettland und Estland kündigten Sanktionen gegen georgische Regierungsvertreter an."


def test_clause_final_particle_found_without_the_parse():
    # an earlier German parser left "an" unattached here (dep punct): only its place tells it is a particle
    import spacy
    from spacy.tokens import Doc

    words = BALTIC[:-1].replace(",", " ,").split() + ["."]
    heads = [5, 0, 0, 4, 0, 5, 5, 9, 9, 6, 5, 5]
    deps = ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "obj", "case", "amod", "nmod", "punct", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN", "ADP", "ADJ", "NOUN", "ADP", "PUNCT"]
    doc = Doc(spacy.blank("de").vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=[1] + [0] * 11)
    verb = doc[5]
    assert not [c for c in verb.children if c.dep_ in ("compound:prt", "svp")]
    assert verb_particles(verb, verb.sent, Syntax.from_pack(get_pack("de"))) == ["an"]


def test_announced_sanctions_are_one_future_event_not_a_termination(process):
    # "kündigen" alone ends a contract (SANCTION); "ankündigen" only announces what the noun names
    events = process(BALTIC, "de").events
    assert [(e.type, e.trigger_text, e.status) for e in events] == [("SANCTION", "Sanktionen", "future")]
    assert {m.code for m in events[0].recipients} == {"GEO"}


def test_attached_or_absent_particle_keeps_the_verb(process):
    syntax = Syntax.from_pack(get_pack("de"))
    doc = process("Die Regierung kündigte den Vertrag mit Moskau.", "de")
    verb = next(t for t in doc.nlp if t.text == "kündigte")
    assert verb_particles(verb, verb.sent, syntax) == []


def test_english_phrasal_verb_stays_the_verb_with_its_particle():
    # a parse that attaches "over" as compound:prt must not turn "hand" into "overhand": English entries
    # name the particle with `with` ("hand" with: [over]), and find_triggers checks it as a dependent
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventlens.events.coder import find_triggers, lemma_keys
    from eventlens.events.lexicon import load_triggers
    from eventlens.events.ontology import Ontology

    words = ["Canada", "handed", "over", "a", "suspect", "to", "the", "United", "States", "."]
    heads = [1, 1, 1, 4, 1, 8, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "compound:prt", "det", "obj", "case", "det", "compound", "obl", "punct"]
    pos = ["PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PUNCT"]
    lemmas = ["Canada", "hand", "over", "a", "suspect", "to", "the", "United", "States", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, sent_starts=[1] + [0] * 9)
    syntax = Syntax.from_pack(get_pack("en"))
    verb = doc[1]
    assert verb_particles(verb, doc[:], syntax) == []
    assert lemma_keys(verb, syntax, doc[:])[0] == "hand"
    found = find_triggers(doc[:], load_triggers("en", Ontology.load()), syntax)
    assert [(c.token.text, c.trigger.type) for c in found if c.token.i == 1] == [("handed", "COOPERATE")]


@pytest.mark.parametrize("word, lemma, infix", [
    ("abzuziehen", "abziehen", True), ("zusammenzuarbeiten", "zusammenarbeiten", True),
    ("zurückzuziehen", "zurückziehen", True), ("zuzustimmen", "zustimmen", True),
    ("zusammen", "zusammen", False), ("zugestimmt", "zustimmen", False), ("zerstören", "zerstören", False)])
def test_zu_inside_a_particle_verb_marks_an_infinitive(word, lemma, infix):
    # a particle that itself starts with "zu" (zusammen-, zurück-, zu-) must not hide the infix
    import spacy
    from spacy.tokens import Doc

    from eventlens.events.coder import _zu_infix

    assert _zu_infix(Doc(spacy.blank("de").vocab, words=[word], lemmas=[lemma])[0]) is infix
