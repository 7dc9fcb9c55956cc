"""Status (factuality) of an event: asserted, alleged, denied, not_confirmed, hypothetical, future, negated.

The cues are the pack's claims.yaml; their scope is the event's clause (punctuation-bounded), which
survives a poor parse. Order matters: a denial or a refusal to confirm outranks the hedges inside it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from spacy.tokens import Token

from eventlens.claims.cues import ClaimCues, token_keys
from eventlens.errors import DataError
from eventlens.events import slots
from eventlens.events.clauses import clause_bounds, sentence_span, trigger_token
from eventlens.events.coder import Syntax
from eventlens.events.ontology import Ontology
from eventlens.lang import get_pack, load_yaml
from eventlens.records import Document, Event


def _words(tokens: list[Token]) -> tuple[set[str], str]:
    lemmas = {t.lemma_.lower() for t in tokens} | {t.text.lower() for t in tokens}
    text = " " + " ".join(t.text.lower() for t in tokens) + " "
    return lemmas, text


def _has_phrase(text: str, phrases) -> bool:
    return any(f" {p} " in text for p in phrases)


def find_status(doc: Document, ev: Event, cues: ClaimCues) -> str:
    span = sentence_span(doc, ev.sentence)
    trig = trigger_token(doc, ev)
    if span is None or trig is None:
        return "asserted"
    syntax = Syntax.from_pack(get_pack(doc.lang or ""))
    start, end = syntax.clause(span, trig)
    own = [t for t in span.doc[start:end] if t.i != trig.i]
    # a negation on another coordinated verb negates that verb ("is committed to opening up the economy but
    # will not be rushed")
    own_lemmas, own_text = _words([t for t in own if not _on_other_conjunct(t, trig)])[0], _words(own)[1]
    negated = bool(own_lemmas & cues.negation) and not _has_phrase(own_text, ("nicht nur", "not only",
                                                                              "non seulement"))
    start = governing_start(span, start, syntax)
    clause = [t for t in span.doc[start:end] if t.i != trig.i]
    # phrases are read with the trigger in its place: without it "is opposed to" would read "is to"
    lemmas, text = _words(clause)[0], _words(span.doc[start:end])[1]
    verdict = denial_or_refusal(span, trig, cues, syntax)
    if verdict:
        return verdict[0]
    alleged, hypo, future = cues.group("alleged"), cues.group("hypothetical"), cues.group("future")
    backshifted = _backshifted(trig, clause, future.get("reported", frozenset()), cues)
    # a possibility outranks the belief that frames it ("Nach Ansicht von Analysten wäre X in der Lage",
    # "experts believe X might expel")
    if (lemmas - backshifted) & (hypo["modals"] | hypo["adverbs"]) or _has_phrase(text, hypo["phrases"]):
        return "hypothetical"
    # a hedging adjective doubts only its own noun: "a suspected arms smuggler" was handed over all the same
    hedged = _words([t for t in clause if not (t.dep_ in ("amod", "acl") and t.head.i != trig.i)])[0]
    if hedged & (alleged["modals"] | alleged["adverbs"]) or _has_phrase(text, alleged["phrases"]):
        return "alleged"
    if _reported_as_allegation(span, trig, start, end, alleged["verbs"], cues, syntax):
        return "alleged"
    is_future = bool(backshifted) or _is_future(trig, clause, future, ev)
    if _negated_itself(trig, cues) and is_future:
        return "negated"  # "will not accept": the outlet says it is not going to happen
    if is_future:
        ev.tense = "future"
        quad = Ontology.load().quad_class(ev.type)
        # a yielding reported as promised ("said it would lift the ban") is the concession, announced
        # (docs/annotation.md): it keeps its type
        if ev.type in agree_when_future() and not (backshifted and ev.type == "CONCEDE"):
            # PLOVER (and docs/annotation.md): promised cooperation is AGREE ("will give a grant")
            ev.notes.append(f"future {ev.type} coded as AGREE (a commitment to cooperate)")
            ev.type, ev.mode = "AGREE", None
            ev.cameo = Ontology.load().cameo("AGREE", None, ev.contexts[0] if ev.contexts else None)
            quad = "verbal_cooperation"
        # a verbal act in someone's reported words ("X sagte, es werde an der Seite Ys stehen") is the
        # commitment itself, made now; only material acts can still be pending
        return "asserted" if quad.startswith("verbal") and ev.source is not None else "future"
    if negated:
        return "negated"
    return "asserted"


def _backshifted(trig: Token, clause: list[Token], modals: frozenset[str], cues: ClaimCues) -> set[str]:
    """The modals of the clause that are a reported future: "said it would allow", "confirmed it would
    tighten the blockade" report "will" from the past (sequence of tenses), a commitment, not a
    possibility. Every such modal must sit in a clause reported by a verb of saying, on the event's own
    verb or a verb it hangs from (not across a clause of its own: "would meet him if he gave"); otherwise
    none counts."""
    found = set()
    for t in clause:
        if t.lower_ not in modals:
            continue
        verb = t.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # "said it would withdraw and hand over": the second verb shares the report
        reported = verb.dep_ == "ccomp" and bool({verb.head.lemma_.lower(), verb.head.lower_} & cues.speech_verbs)
        # a weak parse may hang the reporting verb before it on the reported one ("NATO confirmed/advcl it
        # would tighten")
        reported = reported or any(c.dep_ in ("advcl", "parataxis") and c.i < t.i and
                                   {c.lemma_.lower(), c.lower_} & cues.speech_verbs for c in verb.children)
        if not t.dep_.startswith("aux") or not reported:
            return set()
        path = trig
        while path.i != t.head.i and path.head.i != path.i and path.dep_ not in _OWN_CLAUSE:
            path = path.head
        if path.i != t.head.i:
            return set()
        found.add(t.lower_)
    return found


_OWN_CLAUSE = ("advcl", "acl", "acl:relcl", "relcl", "parataxis", "ccomp")


def _on_other_conjunct(tok: Token, trig: Token) -> bool:
    """Does tok hang on another predicate coordinated with the trigger, one that does not share it? A later
    conjunct's words are its own ("attacked but did not capture"); an earlier one's reach the trigger only
    when the trigger shares its auxiliary ("did not attack or invade", not "did not attack and withdrew")."""
    verb = tok.head
    if verb.i == trig.i or verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if verb.dep_ == "conj" and verb.i > trig.i:
        return trig.i in {a.i for a in verb.ancestors}
    return trig.dep_ == "conj" and trig.head.i == verb.i and trig.i > verb.i and (
        "Fin" in trig.morph.get("VerbForm") or any(c.dep_ in ("aux", "aux:pass", "cop") for c in trig.children))


def _negated_itself(trig: Token, cues: ClaimCues) -> bool:
    """Does a negation hang on the event's own verb (or on the verb an event noun is the object of)?
    A "not" elsewhere in the clause ("committed to opening up but will not be rushed") leaves it alone."""
    verbs = [trig] + ([trig.head] if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in ("obj", "nsubj:pass") else [])
    return any(c.lower_ in cues.negation or c.lemma_.lower() in cues.negation for v in verbs for c in v.children
               if c.dep_ in ("advmod", "neg", "det"))


@functools.cache
def agree_when_future() -> frozenset[str]:
    path = Path(__file__).parent.parent / "data" / "claims" / "commitments.yaml"
    types = load_yaml(path).get("agree_when_future") or []
    unknown = [t for t in types if not Ontology.load().is_type(t)]
    if unknown:
        raise DataError("E502", path=str(path), why=f"unknown event type(s) {unknown} in agree_when_future")
    return frozenset(types)


def governing_start(span, start: int, syntax: Syntax) -> int:
    """Where the clause that governs the event's clause begins, when the event's clause has no finite verb
    of its own and follows a comma ("Ankara plant, im Frühjahr Truppen ... zu verlegen", "wäre in der Lage,
    ... zu entsenden"): the modality of the governing verb is the event's. Otherwise `start` itself."""
    doc = span.doc
    if start - 1 <= span.start or doc[start - 1].text != ",":
        return start
    end = start
    while end < span.end and doc[end].text not in syntax.clause_breaks:
        end += 1
    if any(finite(t) for t in doc[start:end]) or not any(t.pos_ == "VERB" for t in doc[start:end]):
        return start
    return syntax.clause(span, doc[start - 2])[0]


def finite(tok: Token) -> bool:
    """A finite verb by its morphology (some models mark VerbForm=Fin, others only mood or tense)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "det", "nmod"):  # "weitere" mistagged AUX
        return False
    return "Fin" in tok.morph.get("VerbForm") or bool(tok.morph.get("Mood"))


def _reported_as_allegation(span, trig: Token, start: int, end: int, verbs: frozenset[str],
                            cues: ClaimCues, syntax: Syntax) -> bool:
    """"X claimed / suspects that Y did Z": a reporting verb of allegation outside the event's clause."""
    for t in span:
        if start <= t.i < end:
            continue
        keys = token_keys(t, span, syntax)
        if keys & verbs and keys & cues.speech_verbs:
            return True
    return False


def coordinated(span, a: Token, b: Token, syntax: Syntax) -> bool:
    """Are two verbs coordinated ("rejected the plan and demanded a ceasefire")? The parse must say so
    and a coordinator must stand between them (a comma alone often joins a reporting clause)."""
    if not a.doc.has_annotation("DEP"):
        return False
    if not (a.dep_ == "conj" and a.head.i == b.i or b.dep_ == "conj" and b.head.i == a.i):
        return False
    lo, hi = sorted((a.i, b.i))
    return any(t.is_alpha and t.lower_ in syntax.coordinators for t in span.doc[lo + 1 : hi])


def _rejects_claim(span, verb: Token, cues: ClaimCues, syntax: Syntax) -> bool:
    """Does a rejection verb take a claim as its object ("rejected claims that", "a rejeté les accusations",
    "wies Berichte zurück")?"""
    _, end = syntax.clause(span, verb)
    words = list(span.doc[verb.i + 1 : min(end, verb.i + 5)])
    if verb.doc.has_annotation("DEP"):  # the object wherever it stands ("hat die Vorwürfe zurückgewiesen")
        words += [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    return any(t.lemma_.lower() in cues.claim_nouns or t.lower_ in cues.claim_nouns for t in words)


# the parse labels of a verb's object and of a passive subject ("the claims were rejected")
_OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "nsubj:pass", "nsubjpass", "oa", "sb"})


def denial_or_refusal(span, trig: Token, cues: ClaimCues, syntax: Syntax) -> tuple[str, Token] | None:
    """A denial ("bestritt", "denied") or a refusal to confirm ("bestätigte ... nicht", "declined to
    confirm", "neither confirmed nor denied") anywhere in the sentence, each judged in its own clause;
    the status and the verb that says it."""
    for tok in span:
        keys = token_keys(tok, span, syntax)
        if keys & cues.rejection_verbs:
            if _rejects_claim(span, tok, cues, syntax):
                keys = keys | {next(iter(cues.denial_verbs), "")}  # "rejected claims that": a denial
            else:  # "rejected a U.S. request", "die Forderung zurückgewiesen": a REJECT, the demand stands
                keys = keys - cues.denial_verbs
        if tok.i == trig.i or not (keys & cues.denial_verbs or keys & cues.confirm_verbs):
            continue
        if coordinated(span, tok, trig, syntax):
            continue  # "rejected the plan and demanded a ceasefire": two acts side by side
        d_start, d_end = syntax.clause(span, tok)
        words = span.doc[max(span.start, d_start - 3) : d_end]  # "declined to confirm": the refusal precedes
        lemmas = {t.lemma_.lower() for t in words if t.i != tok.i} | {t.lower_ for t in words if t.i != tok.i}
        refused = bool(lemmas & (cues.negation | cues.refusal_verbs))
        if keys & cues.denial_verbs:
            return ("not_confirmed" if refused else "denied"), tok
        if refused:
            return "not_confirmed", tok
    return None


def fold_denials(doc: Document, cues: ClaimCues) -> None:
    """A denial that only frames another event is that event's status, not an event of its own
    (GOLD_FORMAT): drop such REJECTs unless the denied act is also asserted elsewhere in the article."""
    keep = []
    for ev in doc.events:
        if ev.type == "REJECT" and _frames_denied_event(doc, ev, cues):
            doc.trace.append({"stage": "claims", "sentence": ev.sentence.index, "trigger": ev.trigger_text,
                              "rule": ev.rule.id if ev.rule else None,
                              "note": "folded: a denial or refusal that frames another event is its status"})
            continue
        keep.append(ev)
    doc.events = keep


def _frames_denied_event(doc: Document, rej: Event, cues: ClaimCues) -> bool:
    lemma = rej.rule.lemma.lower() if rej.rule is not None else ""
    if lemma not in cues.denial_verbs | cues.refusal_verbs | cues.rejection_verbs:
        return False
    if lemma in cues.rejection_verbs - cues.refusal_verbs:  # only rejecting a claim denies; rejecting a demand or offer is an act
        tok = trigger_token(doc, rej)
        span = sentence_span(doc, rej.sentence)
        if tok is None or span is None:
            return False
        syntax = Syntax.from_pack(get_pack(doc.lang or ""))
        if not _rejects_claim(span, tok, cues, syntax):
            return False
    framed = [e for e in doc.events if e is not rej and e.sentence.index == rej.sentence.index
              and e.status in ("denied", "not_confirmed")]
    if not framed and lemma in cues.refusal_verbs:  # "declined to comment": a cue even with no event inside
        tok = trigger_token(doc, rej)
        return tok is not None and any(t.lemma_.lower() in cues.confirm_verbs for t in tok.doc[tok.i + 1 : tok.i + 4])
    for ev in framed:
        key = (ev.type, {m.code for m in ev.actors})
        if any((o.type, {m.code for m in o.actors}) == key and o.status in ("asserted", "alleged")
               for o in doc.events if o is not ev):
            return False
    return bool(framed)


def _is_future(trig: Token, clause: list[Token], future: dict, ev: Event) -> bool:
    """A future auxiliary before an infinitive, a verb of planning, a future adverb or tense.

    For an event noun the verb is its light verb ("will impose sanctions")."""
    companions = {w.lower() for w in ev.rule.with_} if ev.rule is not None else set()
    verbs = [trig] + [t for t in clause if t.lemma_.lower() in companions]
    if any("Fut" in v.morph.get("Tense") for v in verbs):
        return True
    text = _words(sorted([*clause, trig], key=lambda t: t.i))[1]
    infinitive = any("Inf" in v.morph.get("VerbForm") or v.text.lower() == v.lemma_.lower() for v in verbs)
    if infinitive and any(t.text.lower() in future["auxiliaries"] for t in clause):
        return True
    # a participle of planning on a noun after the act ("hosted X for a meeting aimed at ...") plans
    # that noun's matter, not the act; nor does a planning verb after the act in a clause of its own
    # ("is providing intelligence to Macedonia, which is preparing an offensive"): where there is a parse,
    # one after the act must govern it or qualify it
    parsed = trig.doc.has_annotation("DEP")
    ancestors = {a.i for a in trig.ancestors}
    planning = {w for t in clause if _may_plan(t, trig, parsed, ancestors)
                for w in (t.lemma_.lower(), t.text.lower())} & future["verbs"]
    if planning and trig.pos_ in ("NOUN", "VERB", ""):
        return True
    return any(_future_word(t, trig, verbs, future["adverbs"]) for t in clause) or _has_phrase(text, future["phrases"])


def _may_plan(t: Token, trig: Token, parsed: bool, ancestors: set[int]) -> bool:
    """Can a word of planning at t plan the act at trig?"""
    if t.i > trig.i and (t.dep_ == "acl" or _bare_participle(t)):
        # a bare past participle after the act qualifies a noun even where the parse hangs it on the verb
        # ("suspended part of an aid program aimed at ...")
        return False
    if not parsed:
        return True
    if t.head.i == trig.i:
        # a noun the act governs is what is acted on ("backed the peace plan"); a verb on the act with a
        # subject of its own is another clause ("providing intelligence to Macedonia, which is preparing ...")
        return t.pos_ not in ("NOUN", "PROPN") and not any(c.dep_.startswith("nsubj") for c in t.children)
    return t.i < trig.i or t.i in ancestors


def _bare_participle(tok: Token) -> bool:
    return "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense") and not any(
        c.dep_ in ("aux", "aux:pass", "cop") for c in tok.children)


def _future_word(tok: Token, trig: Token, verbs: list[Token], adverbs: frozenset[str]) -> bool:
    """Does a future adverb or adjective ("soon", "next week") date the act? One that qualifies another
    noun dates only that ("banned candidates from the upcoming elections"), unless the noun is a time
    phrase of the act itself ("meets next week", "the summit next month")."""
    if not ({tok.lemma_.lower(), tok.lower_} & adverbs):
        return False
    if tok.dep_ != "amod" or not tok.doc.has_annotation("DEP") or tok.head.i == trig.i:
        return True
    return tok.head.head.i in {v.i for v in verbs}


def mark_accused(doc: Document) -> None:
    """What an accusation is about is alleged, and the accusers are its source (GOLD_FORMAT).

    "What it is about" is an event in the accusation's own clause ("dem Norden die Entsendung von
    Truppen vorgeworfen", "accused Pyongyang of sending troops") or one hanging from it in the parse.
    """
    from eventlens.claims.source import source_record

    for acc in [e for e in doc.events if e.type == "ACCUSE" and e.recipients]:
        acc_tok = trigger_token(doc, acc)
        span = sentence_span(doc, acc.sentence)
        if acc_tok is None or span is None:
            continue
        syntax = Syntax.from_pack(get_pack(doc.lang or ""))
        start, end = clause_bounds(span, acc_tok, syntax.clause_breaks)
        for ev in doc.events:
            if ev is acc or ev.sentence.index != acc.sentence.index or ev.type == "ACCUSE":
                continue
            tok = trigger_token(doc, ev)
            if tok is None or not (start <= tok.i < end or acc_tok in tok.ancestors) or slots.inside_subject(acc_tok, tok):
                continue  # (an act told of the accuser, in a relative clause on its subject, is not the charge)
            if acc_tok.pos_ == "NOUN" and acc_tok.head.i == tok.i and acc_tok.dep_ in _OBJECT_DEPS | {"nsubj"}:
                continue  # "wies die Kritik zurück": an act on the accusation noun, not its content
            ancestors = {a.i for a in acc_tok.ancestors}
            if tok.i in ancestors or (tok.dep_ in _OBJECT_DEPS and tok.head.i in ancestors):
                # "rebuffed a statement that criticised ...": the accusation hangs from it, not in it; so it
                # does from the verb of an act's noun ("imposed sanctions on companies it accused of ...")
                continue
            if ev.status in ("asserted", "negated"):
                ev.status = "alleged"
            if ev.source is None or {m.code for m in acc.actors} & set(ev.source.get("codes") or []):
                ev.source = source_record(acc.actors)
