"""Direct quotations as records of their own: the quoted words, their speaker, the events coded in them.

Quotation marks of the three languages are paired on the cleaned text („…“, “…”, "…", « … », »…«, ‚…‘).
A quotation interrupted by its speech clause („Wir werden“, sagte er, „nicht nachgeben.“ / "We will," he
said, "not give in.") becomes one quote with two parts. The speaker is the subject of a reporting verb
next to the quotation: in the interruption, after it (", sagte X", "said X", "a déclaré X"), or before it
("X sagte: „…“", "X said: "…"", "Nordkorea sagte, dass ... „…“ sei"). A pronoun speaker ("sagte er")
takes the nearest person named before the quotation. Events are linked by their trigger's position.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from spacy.tokens import Span, Token

from eventlens.claims.cues import ClaimCues, load_cues, token_keys
from eventlens.claims.source import NOT_VERBS, source_record, unnamed_record
from eventlens.events.clauses import mention_tokens, speakers_of
from eventlens.events.coder import Syntax, repeat_key
from eventlens.lang import LanguagePack
from eventlens.nlp.memo import doc_memo
from eventlens.records import Document, Mention, Quote

# opening mark -> the marks that may close it
PAIRS = {"„": "“”", "“": "”", "«": "»", "»": "«", "‚": "‘’", '"': '"'}
_OPEN = re.compile("[„“«»‚\"]")
MIN_WORDS = 2  # a single quoted word is a term or a name ("sogenannte „Spezialoperation“"), not a quotation
GAP_MAX = 60  # characters between two pieces of one interrupted quotation


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks, outermost pairs only."""
    out: list[tuple[int, int]] = []
    i = 0
    while True:
        m = _OPEN.search(text, i)
        if m is None:
            return out
        opener = m.group()
        close_at = -1
        for j in range(m.end(), min(len(text), m.end() + 3000)):
            ch = text[j]
            if ch in PAIRS[opener]:
                close_at = j
                break
            if ch == "\n" and text[j + 1 : j + 2] == "\n":  # a quotation does not cross a paragraph here
                break
        if close_at < 0:
            i = m.end()
            continue
        start, end = m.end(), close_at
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(text[start:end].split()) >= MIN_WORDS:
            out.append((start, end))
        i = close_at + 1


def _verb_in(doc: Document, a: int, b: int, cues: ClaimCues, syntax: Syntax) -> Token | None:
    """The first reporting verb in clean-text range [a, b)."""
    span = doc.nlp.char_span(a, b, alignment_mode="contract") if b > a else None
    if span is None:
        return None
    for tok in span:
        if tok.pos_ not in NOT_VERBS and token_keys(tok, _sentence_of(doc, tok), syntax) & cues.speech_verbs:
            return tok
    return None


def _sentence_of(doc: Document, tok: Token) -> Span:
    if not tok.doc.has_annotation("SENT_START"):
        return tok.doc[:]
    # tok.sent walks the sentence to find its bounds each time: the sentences are listed once per Doc
    known = doc_memo(tok.doc)
    if "sentences" not in known:
        sents = list(tok.doc.sents)
        known["sentences"] = ([s.start for s in sents], sents)
    starts, sents = known["sentences"]
    return sents[bisect.bisect_right(starts, tok.i) - 1]


def _speaker(doc: Document, verb: Token, cues: ClaimCues, syntax: Syntax, parts: list[tuple[int, int]]) -> dict | None:
    """Who speaks through the reporting verb; never an actor named inside the quoted words."""
    quote_start = parts[0][0]
    span = _sentence_of(doc, verb)
    index = next((s.index for s in doc.sentences if s.clean_start <= verb.idx < s.clean_end), -1)
    mentions = [m for m in doc.mentions if m.sentence == index
                and not any(a <= m.clean_start < b for a, b in parts)]
    tok_of = mention_tokens(doc, mentions)
    found = speakers_of(verb, span, mentions, tok_of, syntax.clause_breaks, syntax.coordinators,
                        syntax.trust_parse, syntax.clause_openers)
    if found and all(m.kind == "pronoun" and m.code == "UNK" for m in found):
        found = []
    if found:
        return _with_span(source_record(found), found)
    start, end = syntax.clause(span, verb)
    for tok in span.doc[start:end]:
        if tok.pos_ == "PRON" and "Prs" in tok.morph.get("PronType") and "3" in tok.morph.get("Person"):
            person = _previous_person(doc, quote_start)
            if person is not None:
                return _with_span(source_record([person]), [person])
        if tok.lemma_.lower() in cues.unnamed_sources or tok.lower_ in cues.unnamed_sources:
            return unnamed_record(tok.text)
    return None


def _with_span(record: dict, mentions: list[Mention]) -> dict:
    record.pop("via", None)
    record["start"], record["end"] = min(m.start for m in mentions), max(m.end for m in mentions)
    return record


def _previous_person(doc: Document, before: int) -> Mention | None:
    """Who "er", "he", "il" is: the first person named in the last sentence before a clean-text offset that
    names one (the subject comes first: "Selenskyj traf Macron. „…“, sagte er" is Selenskyj)."""
    people = [m for m in doc.mentions if m.kind == "person" and m.code != "UNK" and m.clean_end <= before]
    if not people:
        return None
    last = max(m.sentence for m in people)
    return min((m for m in people if m.sentence == last), key=lambda m: m.clean_start)


def find_quotes(doc: Document, pack: LanguagePack) -> None:
    """Fill doc.quotes from the cleaned text, and link each quotation to the events coded inside it (run by
    the claims stage, before repeated events are merged; `link_quotes` settles the links after)."""
    doc.quotes = []
    if doc.clean is None or doc.nlp is None:
        return
    text = doc.clean.text
    cues = load_cues(pack.code)
    syntax = Syntax.from_pack(pack)
    pieces = _pieces(text)
    groups: list[list[tuple[int, int]]] = []
    verbs: list[Token | None] = []
    for piece in pieces:
        if groups:
            prev_end = groups[-1][-1][1]
            gap = text[prev_end + 1 : piece[0] - 1].strip(" " + "".join(PAIRS) + "“”‘’")
            if len(gap) <= GAP_MAX and "\n" not in gap and gap[-1:] in (",", ":"):
                verb = _verb_in(doc, prev_end + 1, piece[0] - 1, cues, syntax)
                if verb is not None and verbs[-1] is None:
                    groups[-1].append(piece)
                    verbs[-1] = verb
                    continue
        groups.append([piece])
        verbs.append(None)
    for parts, verb in zip(groups, verbs, strict=True):
        q_start, q_end = parts[0][0], parts[-1][1]
        original = [doc.clean.to_original(a, b) for a, b in parts]
        # a quotation in another language than the article's sits in a paragraph of its own language
        lang = next((pl for a, b, pl, conf in doc.paragraph_langs if a <= original[0][0] < b and conf >= 0.8),
                    None) or doc.lang
        around = _with_speech_verbs_of(cues, lang) if lang != pack.code else cues  # "..., said Zelensky."
        candidates = [verb] if verb is not None else [_verb_after(doc, q_end, around, syntax),
                                                      _verb_before(doc, q_start, around, syntax)]
        speaker = None
        for verb in candidates:  # "Nordkorea sagte, dass ... „…“ sei, bestätigte ... nicht": the one that names
            speaker = _speaker(doc, verb, cues, syntax, parts) if verb is not None else None
            if speaker is not None:
                break
        sentence = next((s.index for s in doc.sentences if s.clean_start <= q_start < s.clean_end), -1)
        doc.quotes.append(Quote(
            doc_id=doc.doc_id, text=" … ".join(text[a:b] for a, b in parts), start=original[0][0],
            end=original[-1][1], clean_start=q_start, clean_end=q_end, sentence=sentence, lang=lang,
            parts=original, clean_parts=list(parts), speaker=speaker))
    for q in doc.quotes:
        q.linked = [ev for ev in doc.events if any(a <= ev.trigger_clean_start < b for a, b in q.clean_parts)]
    link_quotes(doc)


def _with_speech_verbs_of(cues: ClaimCues, lang: str | None) -> ClaimCues:
    """The article's cues plus the reporting verbs of the quotation's own language, where it has a pack."""
    if not lang:
        return cues
    return dataclasses.replace(cues, speech_verbs=cues.speech_verbs | load_cues(lang).speech_verbs)


def _verb_after(doc: Document, q_end: int, cues: ClaimCues, syntax: Syntax) -> Token | None:
    """", sagte X.", "said X", "a déclaré X": a reporting verb right after the closing mark, in the same
    sentence (up to its end)."""
    text = doc.clean.text
    begin = q_end
    while begin < len(text) and (text[begin].isspace() or text[begin] in "“”‘’»«\"" or text[begin] in ".!?,"):
        begin += 1
    stop = begin
    while stop < len(text) and text[stop] not in ".!?\n" and stop - begin < 120 and not _OPEN.match(text, stop):
        stop += 1
    return _verb_in(doc, begin, stop, cues, syntax)


def _verb_before(doc: Document, q_start: int, cues: ClaimCues, syntax: Syntax) -> Token | None:
    """"X sagte: „…“", "X said, "…"", "Nordkorea sagte, dass ... „…“ sei": the nearest reporting verb
    before the opening mark, within its sentence."""
    before = [s for s in doc.sentences if s.clean_start < q_start - 1]
    if not before:
        return None
    sent = before[-1]
    head = doc.clean.text[sent.clean_start : q_start - 1]
    if not any(ch.isalpha() for ch in head):
        # the splitter cut at "sagte:"; a sentence that ends otherwise does not introduce the quotation
        if len(before) < 2 or doc.clean.text[before[-2].clean_start : q_start - 1].rstrip()[-1:] not in (":", ","):
            return None
        sent = before[-2]
    span = doc.nlp.char_span(sent.clean_start, max(sent.clean_start, q_start - 1), alignment_mode="contract")
    if span is None:
        return None
    for tok in reversed(span):
        if tok.pos_ not in NOT_VERBS and token_keys(tok, _sentence_of(doc, tok), syntax) & cues.speech_verbs:
            return tok
    return None


def link_quotes(doc: Document) -> None:
    """Each quotation's event ids: the events whose trigger stands inside one of its parts, or, for one that
    was merged into an earlier mention of the same act, the record that now stands for it."""
    for q in doc.quotes:
        ids = []
        for ev in q.linked:
            kept = ev if any(ev is k for k in doc.events) else next(
                (k for k in doc.events if repeat_key(k) == repeat_key(ev)), None)
            if kept is not None and kept.event_id not in ids:
                ids.append(kept.event_id)
        q.event_ids = ids
