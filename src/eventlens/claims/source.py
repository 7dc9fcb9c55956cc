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
    in_range,
    mention_groups,
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
    found = _according_to(span, mentions, tok_of, cues, syntax)
    if found:
        return source_record(found)
    own = syntax.clause(span, trig)
    verbs = [t for t in span if t.lemma_.lower() in cues.speech_verbs and t.i != trig.i
             and not own[0] <= t.i < own[1]]
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


def _according_to(span: Span, mentions, tok_of, cues: ClaimCues, syntax: Syntax) -> list[Mention]:
    """"laut X", "according to X", "selon X" (the source follows) and "X zufolge" (it precedes),
    looked for only inside the marker's own clause."""
    words = [t.text.lower() for t in span]
    for i in range(len(words)):
        for marker in cues.according_to_before:
            parts = marker.split()
            if words[i : i + len(parts)] == parts:
                after = span.start + i + len(parts)
                if after >= span.end:
                    continue
                start, end = syntax.clause(span, span.doc[after])
                near = [m for m in mentions if in_range(m, tok_of, after, min(end, after + 6))]
                groups = mention_groups(span, near, tok_of, syntax.coordinators)
                if groups and tok_of[id(groups[0][0])][0] <= after + 3:
                    return groups[0]
        for marker in cues.according_to_after:
            if words[i] == marker:
                here = span.start + i
                start, _ = syntax.clause(span, span.doc[here])
                near = [m for m in mentions if in_range(m, tok_of, max(start, here - 6), here)]
                groups = mention_groups(span, near, tok_of, syntax.coordinators)
                if groups:
                    return groups[-1]
    return []


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
