"""Sentence, clause and mention geometry shared by the event coder and the claims stage.

Clauses are approximated by punctuation (the pack's `clause_breaks`): cheap, and it works when the
parse is missing or poor. Mention groups join mentions that only a coordinator separates.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventlens.nlp.memo import doc_memo
from eventlens.records import Document, Event, Mention, Sentence


def sentence_span(doc: Document, sent: Sentence) -> Span | None:
    return _expanded(doc.nlp, sent.clean_start, sent.clean_end)


def trigger_token(doc: Document, ev: Event) -> Token | None:
    span = _expanded(doc.nlp, ev.trigger_clean_start, ev.trigger_clean_end)
    return span[0] if span is not None and len(span) else None


def _expanded(nlp_doc, start: int, end: int) -> Span | None:
    """nlp_doc.char_span(start, end, alignment_mode="expand"), kept per Doc: every stage and every trigger
    asks for the same sentences, triggers and mentions (a span is a view: it never changes)."""
    known = doc_memo(nlp_doc)
    key = ("span", start, end)
    if key not in known:
        known[key] = nlp_doc.char_span(start, end, alignment_mode="expand")
    return known[key]


def verb_particles(tok: Token, span: Span | None, syntax) -> list[str]:
    """Separable particles of a verb ("kündigte ... an" -> an): its parse dependents, or, where the parse
    has none and the language closes the clause with the particle (German), the clause's last word when it
    is one. A weak parser often leaves the particle unattached, and the bare verb then means something else
    ("kündigen" ends a contract; "ankündigen" announces). Without the sentence `span`, the parse alone.
    Only a language that moves the particle to the clause end (German) writes such verbs as one word; an
    English phrasal verb stays two ("hand over"), its lexicon entry names the particle with `with`, and
    there are no particles to join."""
    if syntax.particle_position != "clause_end":
        return []
    if tok.doc.has_annotation("DEP"):
        # a conjunction or pronoun the parser calls a particle ("begrüßte den Schritt als Signal") is none,
        # nor a preposition that is no particle of the language ("dankte Berlin für den Schritt")
        found = [c.lower_ for c in tok.children if c.dep_ in syntax.particle_deps
                 and (c.lower_ in syntax.particles or c.pos_ in ("ADV", "PART")
                      or (c.pos_ == "ADP" and not syntax.particles))]
        if found:
            return found
    if span is None or not syntax.particles or syntax.particle_position != "clause_end" \
            or tok.pos_ not in ("VERB", "AUX", ""):
        return []
    end = syntax.clause(span, tok)[1]
    words = [t for t in tok.doc[tok.i + 1 : end] if t.is_alpha]
    if words and words[-1].lower_ in syntax.particles and words[-1].pos_ in ("ADP", "ADV", "PART", ""):
        return [words[-1].lower_]
    return []


def clause_bounds(span: Span, token: Token, breaks: frozenset[str],
                  openers: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Token range [start, end) of the clause around token inside span: bounded by punctuation, and by
    words that open a subordinate clause (`openers`, given where commas may be missing)."""
    texts, lowers, in_lists = _words(span.doc)
    key = (span.start, span.end, token.i, breaks, openers)
    known = _LAST_WORDS[4].get(key)  # asked many times per trigger: kept while the document is the same
    if known is not None:
        return known
    start, end = token.i, token.i + 1
    while start > span.start and (texts[start - 1] not in breaks or start - 1 in in_lists) \
            and lowers[start] not in openers:
        start -= 1
    while end < span.end and (texts[end] not in breaks or end in in_lists) and lowers[end] not in openers:
        end += 1
    _LAST_WORDS[4][key] = (start, end)
    return start, end


def list_commas(doc) -> frozenset[int]:
    """Commas that separate the items of a list of like names ("Litauen, Lettland und Estland", "France,
    Germany and Italy"): entities of one label, each after a comma, the last after a coordinator. Such a
    comma joins, it does not end a clause, or the first item would be cut off from the rest."""
    label_at: dict[int, str] = {}
    starts: dict[int, int] = {}  # first token -> end of each entity
    for ent in doc.ents:
        for t in range(ent.start, ent.end):
            label_at[t] = ent.label_
        starts[ent.start] = ent.end

    def item_at(i: int) -> tuple[int, str] | None:
        while i < len(doc) and doc[i].pos_ == "DET":  # "l'Allemagne", "die Ukraine"
            i += 1
        return (starts[i], label_at[i]) if i in starts else None

    found: set[int] = set()
    for ent in doc.ents:
        k = ent.end
        commas = []
        while k < len(doc) and doc[k].text == ",":
            nxt = item_at(k + 1)
            if nxt is None or nxt[1] != ent.label_:
                break
            commas.append(k)
            k = nxt[0]
        if commas and k < len(doc) and doc[k].pos_ == "CCONJ":
            last = item_at(k + 1)
            if last is not None and last[1] == ent.label_:
                found.update(commas)
    return frozenset(found)


_LAST_WORDS: list = [None, [], [], frozenset(), {}]  # the last Doc asked about: texts, lower-case forms, list
# commas, clause bounds found


def number_asides(doc, longest: int = 4) -> frozenset[int]:
    """Commas around a short aside with a number and no verb: a date or an age in apposition ("diesen
    Freitag, den 22. November, in Warschau zusammengekommen", "Biden, 81, said"). The aside belongs to the
    clause it sits in; cut there, the clause loses its subject or its verb."""
    commas = [t.i for t in doc if t.text == ","]
    found: set[int] = set()
    for a, b in zip(commas, commas[1:], strict=False):  # neighbouring pairs
        inside = doc[a + 1 : b]
        if 0 < len(inside) <= longest and any(t.like_num for t in inside) and not any(
                t.pos_ in ("VERB", "AUX") or t.is_sent_start or "\n" in t.text for t in inside):
            found.update((a, b))
    return frozenset(found)


def _words(doc) -> tuple[list[str], list[str], frozenset[int]]:
    """Token texts, lower-case forms and list commas of a Doc, read once per document (clauses are asked
    for many times per sentence, and every `doc[i]` builds a Token)."""
    if _LAST_WORDS[0] is not doc or len(_LAST_WORDS[1]) != len(doc):
        _LAST_WORDS[:] = [doc, [t.text for t in doc], [t.lower_ for t in doc], list_commas(doc) | number_asides(doc),
                          {}]
    return _LAST_WORDS[1], _LAST_WORDS[2], _LAST_WORDS[3]


def mention_tokens(doc: Document, mentions: list[Mention]) -> dict[int, tuple[int, int]]:
    """id(mention) -> its token range in doc.nlp."""
    out = {}
    for m in mentions:
        sp = _expanded(doc.nlp, m.clean_start, m.clean_end)
        if sp is not None:
            out[id(m)] = (sp.start, sp.end)
    return out


def mention_groups(span: Span, mentions: list[Mention], tok_of, coordinators: frozenset[str]) -> list[list[Mention]]:
    """Mentions in text order, with coordinated or overlapping ones ("die USA und Südkorea") grouped."""
    ordered = sorted((m for m in mentions if id(m) in tok_of), key=lambda m: tok_of[id(m)])
    groups: list[list[Mention]] = []
    last_end = None
    for m in ordered:
        s, e = tok_of[id(m)]
        if last_end is not None:
            # determiners do not break a coordination ("le Royaume-Uni et la France", "und die USA")
            between = [t.text.lower() for t in span.doc[last_end:s] if t.pos_ != "DET"] if s >= last_end else []
            # overlapping spans, an apposition of the same actor, or a coordination joins the group;
            # two different actors that merely touch ("die USA Israel ... geliefert") stay apart
            touching_same = s == last_end and m.code in {g.code for g in groups[-1]}
            if s < last_end or touching_same or (between and all(w in coordinators for w in between)):
                groups[-1].append(m)
                last_end = max(last_end, e)
                continue
        groups.append([m])
        last_end = e
    return groups


def _in_marker_phrase(span: Span, start: int, first: int, i: int) -> bool:
    """Is token i inside the noun phrase the source marker at [start, first) opens (the noun of "nach
    Angaben", or the one "according to" governs)? "According to reports the UK is pushing ...": the UK
    starts a phrase of its own, the subject, and is no source. Without a parse, nearness decides alone."""
    if not span.doc.has_annotation("DEP"):
        return True
    root = span.doc[first - 1]
    for _ in range(first - start):
        if root.pos_ in ("NOUN", "PROPN") or not start <= root.i < first:
            break
        root = root.head  # "to" hangs on "according", which hangs on the source's noun
    if root.i < start:
        return True  # "citing officials": a verb's object, not a phrase of the marker's own
    return root.left_edge.i <= i <= root.right_edge.i


def in_range(m: Mention, tok_of, start: int, end: int) -> bool:
    return id(m) in tok_of and start <= tok_of[id(m)][0] < end


def speakers_of(verb: Token, span: Span, mentions: list[Mention], tok_of, breaks: frozenset[str],
                coordinators: frozenset[str], trust_parse: bool = True,
                openers: frozenset[str] = frozenset()) -> list[Mention]:
    """Who speaks through a reporting verb: its subject in the parse, else the nearest mention group
    in its clause (after the verb first, as in "sagte Seouls Sicherheitsberater"), else, when the verb
    stands alone between commas, in the clause just before it ("Shin Won-sik, Südkoreas Berater,
    sagte, ...")."""
    from eventlens.events import slots

    if trust_parse and verb.doc.has_annotation("DEP"):
        heads = slots.slot_heads(verb, "subj", inherit=False)  # a reporting verb's own subject only
        found = [m for h in heads for m in mentions
                 if id(m) in tok_of and tok_of[id(m)][0] in slots.phrase_tokens(h)]
        if found:
            return found
    start, end = clause_bounds(span, verb, breaks, openers)
    groups = mention_groups(span, [m for m in mentions if in_range(m, tok_of, start, end)], tok_of, coordinators)
    after = [g for g in groups if tok_of[id(g[0])][0] > verb.i]
    before = [g for g in groups if tok_of[id(g[0])][0] < verb.i]
    if after or before:
        return after[0] if after else before[-1]
    alone = all(t.i == verb.i or not t.is_alpha for t in span.doc[start:end])
    if alone and start - 1 > span.start:  # a bare "sagte": the speaker is in the clause before
        prev = span.doc[start - 2]
        p_start, p_end = clause_bounds(span, prev, breaks, openers)
        groups = mention_groups(span, [m for m in mentions if in_range(m, tok_of, p_start, p_end)], tok_of,
                                coordinators)
        if groups:
            return groups[-1]
    return []


def according_to_group(span: Span, mentions: list[Mention], tok_of, before: frozenset[str], after: frozenset[str],
                       clause, coordinators: frozenset[str]) -> list[Mention]:
    """The source named by "laut X", "according to X", "selon X" (`before` markers: the source follows)
    or "X zufolge" (`after` markers: it precedes), looked for only inside the marker's own clause."""
    words = [t.text.lower() for t in span]
    before_parts = [marker.split() for marker in before]
    # positions whose word opens no marker are skipped (an empty marker would match anywhere: no skipping)
    firsts = None if any(not p for p in before_parts) else {p[0] for p in before_parts} | set(after)
    for i in range(len(words)):
        if firsts is not None and words[i] not in firsts:
            continue
        for parts in before_parts:
            if words[i : i + len(parts)] == parts:
                first = span.start + i + len(parts)
                if first >= span.end:
                    continue
                _, end = clause(span, span.doc[first])
                near = [m for m in mentions if in_range(m, tok_of, first, min(end, first + 6))]
                groups = mention_groups(span, near, tok_of, coordinators)
                if groups and tok_of[id(groups[0][0])][0] <= first + 3 and _in_marker_phrase(
                        span, first - len(parts), first, tok_of[id(groups[0][0])][0]):
                    return groups[0]
        for marker in after:
            if words[i] == marker:
                here = span.start + i
                start, _ = clause(span, span.doc[here])
                near = [m for m in mentions if in_range(m, tok_of, max(start, here - 6), here)]
                groups = mention_groups(span, near, tok_of, coordinators)
                if groups:
                    return groups[-1]
    return []
