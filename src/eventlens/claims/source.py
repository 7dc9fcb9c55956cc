"""Source attribution: whose claim an event is.

In order: an "according to" marker in the sentence ("laut X", "X zufolge", "selon X"); a reporting verb
whose clause is not the event's own ("Russland habe ... geliefert, sagte X"), or whose complement clause
holds the event ("X said Japan had carried out drills"); an impersonal report ("heißt es", "a-t-on
appris"); otherwise the outlet's own voice (None). Unnamed speakers ("Experten", "officials") become UNK
with their phrase; an unnamed body of a state ("the interior ministry announced") speaks for the state
the event is about.

`source.via` lists who relayed the words, outlet side first: the broadcaster the speaker talked to ("told
CNN", "sagte dem Sender SBS", "a déclaré à l'AFP") or the reporter that cites the speaker ("X reported,
citing Y").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from eventlens.claims.cues import ClaimCues, phrase_at, token_keys
from eventlens.events import slots
from eventlens.events.clauses import (
    according_to_group,
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
    own = syntax.clause(span, trig)
    record = _cited(span, mentions, tok_of, cues, syntax, own, participants)
    if record is not None:
        return record
    found = according_to_group(span, mentions, tok_of, cues.according_to_before, cues.according_to_after,
                               syntax.clause, syntax.coordinators)
    if found and not _relative_marker(span, found, tok_of, cues):
        return source_record(found)
    unnamed = _unnamed_after_marker(span, cues)
    if unnamed is not None:
        return unnamed
    verbs = [] if presupposed(trig) else reporting_verbs(span, trig, own, cues, syntax)
    for verb in verbs:
        speakers = [m for m in speakers_of(verb, span, mentions, tok_of, syntax.clause_breaks, syntax.coordinators,
                                          syntax.trust_parse, syntax.clause_openers)
                    if id(m) not in participants]
        if speakers and all(m.code == "UNK" and m.how == "entity" for m in speakers):
            # an unresolved name the parser took for the subject ("Südkoreas nationaler Sicherheitsberater
            # Shin Won-sik"): a resolved speaker in the same clause is the better reading
            vs, ve = syntax.clause(span, verb)
            resolved = [m for m in mentions if in_range(m, tok_of, vs, ve) and m.code != "UNK"
                        and id(m) not in participants and m.kind in ("person", "group", "igo")]
            speakers = resolved[:1] or speakers
        if speakers:
            record = source_record(speakers)
            record["via"] = find_via(span, verb, own, speakers, mentions, tok_of, cues, syntax)
            return record
        unnamed = _unnamed_speaker(span, verb, cues, syntax)
        if unnamed is not None:
            return unnamed
        body = _institution_speaker(span, verb, ev, cues, syntax)
        if body is not None:
            return body
    return _impersonal(span, own, cues)


NOT_VERBS = frozenset({"NOUN", "PROPN", "DET", "PRON", "NUM", "PUNCT", "CCONJ"})  # "the United States"


def _relative_marker(span: Span, found: list[Mention], tok_of, cues: ClaimCues) -> bool:
    """"les accusations selon lesquelles l'armée russe aurait ...": the marker opens a relative clause about
    a claim, and the actor after it is what the claim is about, not its source."""
    first = tok_of[id(found[0])][0] if id(found[0]) in tok_of else None
    if first is None:
        return False
    words = [t.lower_ for t in span]
    for i in range(len(words)):
        n = phrase_at(words, i, cues.not_according_to)
        if n and span.start + i - 4 <= first <= span.start + i + n + 4:
            return True
    return False


def reporting_verbs(span: Span, trig: Token, own: tuple[int, int], cues: ClaimCues, syntax: Syntax) -> list[Token]:
    """Verbs of saying that frame the event, nearest first. A denial or a refusal to confirm does not
    vouch for the act (docs/annotation.md), and neither does a report the sentence contradicts
    ("contrairement à ce qu'avaient annoncé plusieurs médias")."""
    vouching = cues.speech_verbs - cues.confirm_verbs - cues.refusal_verbs - cues.denial_verbs
    verbs = []
    for t in span:
        if t.i == trig.i or t.pos_ in NOT_VERBS or not token_keys(t, span, syntax) & vouching:
            continue
        if t.lower_ in cues.claim_nouns and t.text[:1].isupper() and not t.is_sent_start:
            continue  # "zu Berichten, wonach": the noun, whatever the tagger says
        if own[0] <= t.i < own[1] and not _frames_complement(span, t, trig):
            continue
        if _contradicted(span, t, cues, syntax) or not _can_frame(span, t, trig, cues, syntax):
            continue
        verbs.append(t)
    verbs.sort(key=lambda t: abs(t.i - trig.i))
    return verbs


def presupposed(trig: Token) -> bool:
    """An act named by a definite noun phrase inside a prepositional phrase ("Truppen zur Unterstützung von
    Moskaus Krieg gegen die Ukraine", "aid for the war") is background the outlet takes as known, not the
    content of the reported words: no speaker vouches for it."""
    if trig.pos_ != "NOUN":
        return False
    definite = False
    i = trig.i - 1
    while i >= 0 and trig.doc[i].pos_ in ("ADJ", "DET", "PROPN", "PRON", "NUM", "PART"):
        t = trig.doc[i]
        if "Def" in t.morph.get("Definite") or "Yes" in t.morph.get("Poss") or "Gen" in t.morph.get("Case") \
                or t.lower_ in ("'s", "’s") or (t.pos_ == "PROPN" and t.i == trig.i - 1):  # "Moskaus Krieg"
            definite = True
        i -= 1
    if i < 0 or i == trig.i - 1 or trig.doc[i].pos_ != "ADP":
        return False
    return definite or "Def" in trig.doc[i].morph.get("Definite")


def _can_frame(span: Span, verb: Token, trig: Token, cues: ClaimCues, syntax: Syntax) -> bool:
    """Verbs of saying that cannot frame the event: one coordinated with it ("said it was concerned and
    called on Beijing": two acts of one speaker, told by the outlet), a gerund after it whose content
    follows ("rejected the criticism, saying ..."), one inside a relative clause ("l'attitude de Paris,
    qu'il juge protectionniste"), and one whose subject holds the event ("Tusk, qui avait rencontré X, a
    critiqué Minsk")."""
    from eventlens.claims.status import coordinated

    if coordinated(span, verb, trig, syntax) or slots.inside_subject(verb, trig) or _subordinate_to(verb, trig, syntax):
        return False
    form = verb.morph.get("VerbForm")
    if verb.i > trig.i and ("Ger" in form or "Part" in form and "Pres" in verb.morph.get("Tense")):
        return False
    start, _ = syntax.clause(span, verb)
    if any("Rel" in t.morph.get("PronType") for t in span.doc[max(span.start, start - 1) : verb.i] if t.pos_ == "PRON"):
        return False
    opener = span.doc[start] if start < verb.i else None
    return not (opener is not None and start > span.start and span.doc[start - 1].text == ","
                and opener.lower_ in cues.relative_openers)


def _subordinate_to(verb: Token, trig: Token, syntax: Syntax) -> bool:
    """Is verb in a clause that a subordinating word opens on the event's word ("lifted a curfew in Montenegro
    where ... the province was reported quiet")? It reports something said of that clause, not the event. (A
    bare "..., the ministry announced" that the parser hung on the event is no such clause.)"""
    tok = verb
    subordinate = False
    while tok.head.i != tok.i:
        # a parse may call the clause a complement or a conjunct (ccomp, conj: "lifted a curfew where the city
        # was reported calm"): opened by such a word it is still the event's own clause, never one that frames it
        subordinate = subordinate or (tok.dep_.split(":")[0] in ("advcl", "acl", "relcl", "ccomp", "conj") and any(
            c.i < tok.i and c.dep_ in ("mark", "advmod", "nsubj") and (
                c.lower_ in syntax.clause_openers or "Rel" in c.morph.get("PronType")) for c in tok.children))
        tok = tok.head
        if tok.i == trig.i:
            return subordinate
    return False


def _frames_complement(span: Span, verb: Token, trig: Token) -> bool:
    """"X said Japan had carried out drills": a reporting verb in the event's own clause frames it when a
    finite verb or a complementiser stands between them (the event is in its complement clause, not its
    object, as in "announced sanctions")."""
    if verb.i > trig.i:
        return False
    between = span.doc[verb.i + 1 : trig.i]
    from eventlens.claims.status import finite

    return any(finite(t) or t.pos_ == "SCONJ" for t in between)


def _contradicted(span: Span, verb: Token, cues: ClaimCues, syntax: Syntax) -> bool:
    start = verb.i
    while start > span.start and span.doc[start - 1].text not in syntax.clause_breaks:
        start -= 1
    words = [t.lower_ for t in span.doc[start : verb.i]]
    return any(phrase_at(words, i, cues.contrary_markers) for i in range(len(words)))


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


def unnamed_record(phrase: str) -> dict[str, Any]:
    return {"text": phrase, "code": "UNK", "codes": ["UNK"], "sector": None, "name": None, "role": None,
            "via": None}


def _is_unnamed(tok: Token, cues: ClaimCues) -> bool:
    return tok.lemma_.lower() in cues.unnamed_sources or tok.lower_ in cues.unnamed_sources


def _noun_phrase(span: Span, tok: Token, floor: int) -> str:
    left = tok.i
    while left > floor and span.doc[left - 1].pos_ in ("DET", "ADJ", "NUM", "PRON"):
        left -= 1
    return span.doc[left : tok.i + 1].text


def _unnamed_speaker(span: Span, verb: Token, cues: ClaimCues, syntax: Syntax) -> dict[str, Any] | None:
    """"sagen Experten", "officials said": an unnamed source in the reporting verb's clause."""
    start, end = syntax.clause(span, verb)
    for tok in span.doc[start:end]:
        if _is_unnamed(tok, cues):
            return unnamed_record(_noun_phrase(span, tok, start))
    return None


def _unnamed_after_marker(span: Span, cues: ClaimCues) -> dict[str, Any] | None:
    """"selon des experts", "Experten zufolge", "according to two people", "de source diplomatique": an
    according-to marker whose source is an unnamed noun (a named one was looked for first)."""
    words = [t.lower_ for t in span]
    for i in range(len(words)):
        n = phrase_at(words, i, cues.according_to_before)
        if n:
            for tok in span[i + n - 1 : i + n + 4]:  # the marker itself may name it ("de source")
                if _is_unnamed(tok, cues):
                    return unnamed_record(span.doc[span.start + i : tok.i + 1].text)
                if tok.is_punct:
                    break
        if words[i] in cues.according_to_after:
            for tok in reversed(span[max(0, i - 4) : i]):
                if _is_unnamed(tok, cues):
                    return unnamed_record(span.doc[tok.i : span.start + i + 1].text)
                if tok.is_punct:
                    break
    return None


def _institution_speaker(span: Span, verb: Token, ev: Event, cues: ClaimCues,
                         syntax: Syntax) -> dict[str, Any] | None:
    """"Poland will close the crossing, the interior ministry announced": a state body named without its
    state speaks for the state the event is about (its first state actor)."""
    states = [m for m in ev.actors if m.kind == "state" and m.code != "UNK"]
    if not states:
        return None
    start, end = syntax.clause(span, verb)
    for tok in span.doc[start:end]:
        if tok.lemma_.lower() in cues.institutions or tok.lower_ in cues.institutions:
            return {"text": _noun_phrase(span, tok, start), "code": states[0].code, "codes": [states[0].code],
                    "sector": "GOV", "name": None, "role": None, "via": None}
    return None


def _impersonal(span: Span, own: tuple[int, int], cues: ClaimCues) -> dict[str, Any] | None:
    """"heißt es aus Brüssel", "a-t-on appris de source diplomatique": a report with no speaker, outside
    the event's own clause."""
    if not cues.impersonal_speech:
        return None
    words = [t.lower_ for t in span]
    for i in range(len(words)):
        n = phrase_at(words, i, cues.impersonal_speech)
        if n and not own[0] <= span.start + i < own[1]:
            return unnamed_record(span[i : i + n].text)
    return None


def _mention_after(span: Span, first: int, mentions: list[Mention], tok_of, limit: int = 5) -> dict[str, Any] | None:
    """The actor named right after a marker ("dem Sender SBS", "told CNN"), else the proper name there."""
    near = sorted((m for m in mentions if in_range(m, tok_of, first, min(span.end, first + limit))),
                  key=lambda m: tok_of[id(m)][0])
    if near:
        # "dem südkoreanischen Fernsehsender SBS": the outlet's own name, not the state its adjective names
        named = [m for m in near if m.kind != "state"]
        m = named[0] if named else near[0]
        return {"text": m.text, "code": m.code, "name": m.name}
    toks = list(span.doc[first : min(span.end, first + limit)])
    for k, t in enumerate(toks):
        if t.is_punct:
            break
        if _is_name(t):
            run = [t]
            for u in toks[k + 1 :]:
                if u.pos_ != "PROPN" and not (u.text[:1].isupper() and u.is_alpha):
                    break
                run.append(u)
            return {"text": span.doc[run[0].i : run[-1].i + 1].text, "code": None, "name": None}
    return None


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or (tok.is_alpha and tok.text.isupper() and len(tok) > 1)


def find_via(span: Span, verb: Token, own: tuple[int, int], speakers: list[Mention], mentions: list[Mention],
             tok_of, cues: ClaimCues, syntax: Syntax) -> list[dict[str, Any]] | None:
    """Who the speaker told: a via marker ("told", "dem Sender", "a déclaré à", "in an interview with",
    "Speaking to") in the sentence outside the event's own clause, and the actor or name it introduces."""
    spoken = {id(m) for m in speakers}
    words = [t.lower_ for t in span]
    vs, ve = syntax.clause(span, verb)
    for i in range(len(words)):
        at = span.start + i
        n = phrase_at(words, i, cues.via_markers)
        if not n or own[0] <= at < own[1] and not vs <= at < ve:
            continue
        relay = _mention_after(span, at + n, [m for m in mentions if id(m) not in spoken], tok_of)
        if relay is not None:
            return [relay]
    # "a déclaré le ministre ... à l'AFP": a news outlet after the reporting verb, in its clause
    media = [m for m in mentions if id(m) not in spoken and m.sector == "MED" and in_range(m, tok_of, verb.i + 1, ve)]
    if media:
        m = min(media, key=lambda m: tok_of[id(m)][0])
        return [{"text": m.text, "code": m.code, "name": m.name}]
    return None


def _cited(span: Span, mentions: list[Mention], tok_of, cues: ClaimCues, syntax: Syntax, own: tuple[int, int],
           participants: set[int]) -> dict[str, Any] | None:
    """"Yonhap reported, citing a military official", "laut X unter Berufung auf Y": the cited one is the
    source, and the reporter before the citing marker (a speaker or an according-to source, never a
    participant of the event) relays it."""
    if not cues.citing_markers:
        return None
    words = [t.lower_ for t in span]
    for i in range(len(words)):
        n = phrase_at(words, i, cues.citing_markers)
        if not n:
            continue
        at = span.start + i
        after = [m for m in mentions if in_range(m, tok_of, at + n, min(span.end, at + n + 5))]
        groups = mention_groups(span, after, tok_of, syntax.coordinators)
        if groups and tok_of[id(groups[0][0])][0] <= at + n + 3:
            record = source_record(groups[0])
        else:
            record = None
            for tok in span.doc[at + n : min(span.end, at + n + 4)]:
                if _is_unnamed(tok, cues):
                    record = unnamed_record(span.doc[at : tok.i + 1].text)
                    break
                if tok.is_punct:
                    break
        if record is None:
            continue
        reporters = [m for m in mentions if id(m) in tok_of and tok_of[id(m)][0] < at and id(m) not in participants
                     and not own[0] <= tok_of[id(m)][0] < own[1]]
        if reporters:
            last = mention_groups(span, reporters, tok_of, syntax.coordinators)[-1]
            record["via"] = [{"text": m.text, "code": m.code, "name": m.name} for m in last]
        elif at > span.start and _is_name(span.doc[at - 1]):  # "der Sender TVP unter Berufung auf"
            first = at - 1
            while first > span.start + 1 and _is_name(span.doc[first - 1]):
                first -= 1
            record["via"] = [{"text": span.doc[first:at].text, "code": None, "name": None}]
        return record
    return None


def denier_source(doc: Document, ev: Event, cues: ClaimCues) -> dict[str, Any] | None:
    """For a denied act, the source is whoever denies it (docs/annotation.md): the denial verb's speaker,
    who may well be the event's own actor ("Israel denied carrying out a strike")."""
    from eventlens.claims.status import denial_or_refusal

    span = sentence_span(doc, ev.sentence)
    trig = trigger_token(doc, ev)
    if span is None or trig is None:
        return None
    syntax = Syntax.from_pack(get_pack(doc.lang or ""))
    found = denial_or_refusal(span, trig, cues, syntax)
    if found is None:
        return None
    mentions = [m for m in doc.mentions if m.sentence == ev.sentence.index]
    tok_of = mention_tokens(doc, mentions)
    verb = found[1]
    speakers: list[Mention] = []
    if verb.pos_ not in ("VERB", "AUX"):  # a denial verb the tagger misreads ("La Chine dément avoir ..."):
        start, _ = syntax.clause(span, verb)  # no parse to trust; its subject stands before it
        before = [m for m in mentions if in_range(m, tok_of, start, verb.i)]
        groups = mention_groups(span, before, tok_of, syntax.coordinators)
        speakers = groups[-1] if groups else []
    if not speakers:
        speakers = speakers_of(verb, span, mentions, tok_of, syntax.clause_breaks, syntax.coordinators,
                               syntax.trust_parse, syntax.clause_openers)
    return source_record(speakers) if speakers else None


def hedge_source(doc: Document, ev: Event, cues: ClaimCues) -> dict[str, Any]:
    """An act told as hearsay with nobody named ("soll ... haben", "reportedly", "aurait") is the claim of
    unnamed sources: UNK, with the hedge as its phrase."""
    span = sentence_span(doc, ev.sentence)
    trig = trigger_token(doc, ev)
    hedges = cues.group("alleged")
    words = (hedges.get("modals") or frozenset()) | (hedges.get("adverbs") or frozenset())
    if span is not None and trig is not None:
        syntax = Syntax.from_pack(get_pack(doc.lang or ""))
        start, end = syntax.clause(span, trig)
        for tok in span.doc[start:end]:
            if tok.lemma_.lower() in words or tok.lower_ in words:
                return unnamed_record(tok.text)
    return unnamed_record(None)


def reports_source(doc: Document, ev: Event, cues: ClaimCues) -> dict[str, Any] | None:
    """"declined to comment on reports that it had struck ...", "äußerte sich nicht zu Berichten, wonach ...":
    the act the decliner leaves unconfirmed is the claim of those unnamed reports."""
    span = sentence_span(doc, ev.sentence)
    trig = trigger_token(doc, ev)
    if span is None or trig is None:
        return None
    for tok in reversed(span.doc[span.start : trig.i]):
        if tok.lemma_.lower() in cues.claim_nouns or tok.lower_ in cues.claim_nouns:
            return unnamed_record(tok.text)
    return None
