"""What the coder keeps per document (clause word forms, sentence contexts, verbs of saying) never outlives
the words it was read from: a document codes the same whatever was processed before it."""

from __future__ import annotations

import pytest

from eventlens.events import coder
from eventlens.events.clauses import sentence_span
from eventlens.nlp import analyse
from eventlens.records import Article, Document

pytestmark = pytest.mark.pipeline


def _coded(doc):
    return [(e.type, e.trigger_text, [m.code for m in e.actors], [m.code for m in e.recipients], e.contexts,
             e.source and e.source.get("code")) for e in doc.events]


def test_a_document_codes_the_same_before_and_after_others(process):
    first = ("Pyongyang responded by warning that it would take strong countermeasures. "
             "Seoul said North Korea had sent troops to Russia.")
    other = "The European Union imposed new sanctions on Iran, its foreign ministry said."
    before = _coded(process(first, "en"))
    process(other, "en")
    assert _coded(process(first, "en")) == before
    assert before  # the check means something only with events


def test_clause_forms_follow_a_gerund_the_coder_retags(pipeline):
    text = "Pyongyang responded by warning that it would take strong countermeasures."
    doc = Document(article=Article(doc_id="g", text=text, lang="en"), lang="en")
    analyse(doc, pipeline.nlp("en"))
    lexicon, _, syntax = coder._resources("en", pipeline.ontology)
    span = sentence_span(doc, doc.sentences[0])
    assert "warn" not in coder._clause_forms(doc.nlp, span.start, span.end, -1)  # read while still a noun
    coder._verbal_gerunds(span, lexicon, syntax)  # "warning" becomes the verb "warn"
    assert "warn" in coder._clause_forms(doc.nlp, span.start, span.end, -1)
