"""Source attribution: whose claim an event is.

In order: an "according to" marker in the sentence ("laut X", "X zufolge", "selon X"); a reporting verb
whose clause is not the event's own ("Russland habe ... geliefert, sagte X"); otherwise the outlet's own
voice (None). Unnamed speakers ("Experten", "officials") become UNK with their phrase.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from eventlens.claims.cues import ClaimCues
from eventlens.events.clauses import (
    according_to_group,
    mention_tokens,
    sentence_span,
    speakers_of,
    trigger_token,
)
from eventlens.events.coder import Syntax
from eventlens.lang import get_pack
from eventlens.records import Document, Event, Mention


def find_source(doc: Document, ev: Event, cues: ClaimCues) -> dict[str, Any] | None:
    span = sentence_span(doc, ev.sentence)
    trig = trigger_token(doc, ev)
    if span is None or trig is None:
        return None
    syntax = Syntax.from_pack(get_pack(doc.lang or ""))
    mentions = [m for m in doc.mentions if m.sentence == ev.sentence.index]
    tok_of = mention_tokens(doc, mentions)
    participants = {id(m) for m in ev.actors + ev.recipients}
    found = according_to_group(span, mentions, tok_of, cues.according_to_before, cues.according_to_after,
                               syntax.clause, syntax.coordinators)
    if found:
        return source_record(found)
    own = syntax.clause(span, trig)
    # someone declining to confirm is not vouching for the act: the outlet reports it (docs/annotation.md)
    vouching = cues.speech_verbs - cues.confirm_verbs - cues.refusal_verbs
    verbs = [t for t in span if t.lemma_.lower() in vouching and t.i != trig.i and not own[0] <= t.i < own[1]]
    verbs.sort(key=lambda t: abs(t.i - trig.i))
    for verb in verbs:
        speakers = [m for m in speakers_of(verb, span, mentions, tok_of, syntax.clause_breaks, syntax.coordinators,
                                          syntax.trust_parse, syntax.clause_openers)
                    if id(m) not in participants]
        if speakers:
            return source_record(speakers)
        unnamed = _unnamed_speaker(span, verb, cues, syntax)
        if unnamed is not None:
            return unnamed
    return None


def source_record(mentions: list[Mention]) -> dict[str, Any]:
    """The event-record form of a source; several speakers ("die USA und Südkorea") share one record."""
    people = [m for m in mentions if m.kind == "person"]
    main = people[0] if people else mentions[0]
    codes = []
    for m in mentions:
        if m.code not in codes:
            codes.append(m.code)
    return {"text": " ".join(dict.fromkeys(m.text for m in mentions)), "code": main.code, "codes": codes,
            "sector": main.sector, "name": main.name, "role": main.role, "via": None}


def _unnamed_speaker(span: Span, verb: Token, cues: ClaimCues, syntax: Syntax) -> dict[str, Any] | None:
    """"sagen Experten", "officials said": an unnamed source in the reporting verb's clause."""
    start, end = syntax.clause(span, verb)
    for tok in span.doc[start:end]:
        if tok.lemma_.lower() in cues.unnamed_sources or tok.text.lower() in cues.unnamed_sources:
            left = tok.i
            while left > start and span.doc[left - 1].pos_ in ("DET", "ADJ", "NUM", "PRON"):
                left -= 1
            phrase = span.doc[left : tok.i + 1].text
            return {"text": phrase, "code": "UNK", "codes": ["UNK"], "sector": None, "name": None, "role": None,
                    "via": None}
    return None
