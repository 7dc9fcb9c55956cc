"""The event coder: triggers from the language pack's lexicon, roles from the dependency parse.

For each sentence: find trigger words (by lemma, with separable particles and compound heads joined),
read the actor and recipient slots the lexicon names over the Universal Dependencies parse, and fall back
to word order inside the clause where the parse has nothing. Speakers of reported speech are never
participants of the speech they report. Events repeated in one document are kept once.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from eventlens.errors import DataError
from eventlens.events import slots
from eventlens.events.clauses import (
    according_to_group,
    clause_bounds,
    mention_groups,
    mention_tokens,
    sentence_span,
    speakers_of,
    verb_particles,
)
from eventlens.events.lexicon import Trigger, load_contexts, load_triggers
from eventlens.events.operators import governing_operator, is_verbal, load_operators
from eventlens.lang import LanguagePack
from eventlens.nlp.memo import doc_memo
from eventlens.nlp.memo import forget as forget_doc_memo
from eventlens.records import Document, Event, Mention, Sentence

# How much to trust each way of finding a participant; tuned by eye on the bundled examples.
CONFIDENCE_PARSE = 0.8
CONFIDENCE_ORDER = 0.55


# Syntax fields read from syntax.yaml under their own name, as lists of words (empty when absent)
PLAIN_WORD_LISTS = ("distributive", "locative", "relative_pronouns", "particles", "passive_auxiliaries",
                    "clause_openers", "infinitive_markers", "place_prepositions", "perfect_auxiliaries",
                    "complementizers", "act_nouns", "retaliation", "gerund_prepositions", "means_markers",
                    "reply_verbs", "promise_auxiliaries", "undertakings", "conditions", "inverted_conditions",
                    "settings", "partner_prepositions", "named_contents", "aims", "obligations", "documents",
                    "stances", "helping_verbs", "earlier_markers")


@dataclass
class Syntax:
    """A language pack's syntax hints (lang/<xx>/syntax.yaml)."""

    passive_agent: tuple[str, ...] = ("by",)
    coordinators: frozenset[str] = frozenset({"and", ","})
    distributive: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset({",", ";", ":", "(", ")", "–", "—", "\n"})
    actor_order: str = "nearest_before"  # or "first_in_clause" (verb-final languages)
    compound_heads: bool = False  # match the head of closed compounds ("Militärhilfe" -> "Hilfe")
    compound_min: int = 4
    particle_deps: frozenset[str] = frozenset({"compound:prt"})
    speech_verbs: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()  # separable verb particles
    particle_position: str = "clause_end"  # German closes the clause with it; English puts it after the verb
    denial_verbs: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    rejection_verbs: frozenset[str] = frozenset()  # reject, dismiss: a proposal (a REJECT) or a claim (a denial)
    claim_nouns: frozenset[str] = frozenset()  # claims, reports: what a rejection denies
    confirm_verbs: frozenset[str] = frozenset()  # "declined to confirm": no act refused, a claim left open
    according_before: frozenset[str] = frozenset()  # "laut X": X is the source, not a participant
    according_after: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    trust_parse: bool = True  # false: word order decides roles, the parse only fills gaps
    clause_openers: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()
    place_prepositions: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()  # "geschickt zu haben": the infinitive's auxiliary
    passive_auxiliaries: frozenset[str] = frozenset()  # word forms that make a participle passive
    complementizers: frozenset[str] = frozenset()  # "dass", "that", "que": open a content clause
    act_nouns: frozenset[str] = frozenset()  # "step", "Schritt", "décision": nouns that stand for an act
    retaliation: frozenset[str] = frozenset()  # "retaliate", "riposter", "Vergeltung": a reply to an earlier act
    gerund_ending: str = ""
    gerund_prepositions: frozenset[str] = frozenset()
    means_markers: frozenset[str] = frozenset()  # "by" of "answer by deploying": the act is the means
    reply_verbs: frozenset[str] = frozenset()  # respond, answer: the means of a reply promised with ...
    promise_auxiliaries: frozenset[str] = frozenset()  # ... will, would: is a threat, not an act done
    undertakings: frozenset[str] = frozenset()  # mission, effort: "mediation mission" is the act, not a kind
    conditions: frozenset[str] = frozenset()  # if, unless, falls, à moins que: open a clause that is a condition
    inverted_conditions: frozenset[str] = frozenset()  # should, sollte: a condition when they open the clause
    earlier_markers: frozenset[str] = frozenset()  # after, following, nach: an act named as what came before
    settings: frozenset[str] = frozenset()  # in, at, during, bei, lors: a phrase that places an act
    partner_prepositions: frozenset[str] = frozenset()  # with, mit, avec: name the other side of a meeting
    named_contents: frozenset[str] = frozenset()  # right, Recht, droit: what one allows is no act done
    aims: frozenset[str] = frozenset()  # aim, abzielen, viser: what a thing aims at is no act done
    obligations: frozenset[str] = frozenset()  # oblige, verpflichten: what a document obliges is no act done
    documents: frozenset[str] = frozenset()  # treaty, Vertrag, traité: the documents that oblige
    stances: frozenset[str] = frozenset()  # oppose, opposer: "is opposed to X" is the subject's own stance
    helping_verbs: frozenset[str] = frozenset()  # help, helfen, aider: "helped broker a truce" tells the truce
    # kind of act on acts (events/operators.py) -> its words: {"stop": {"suspend", "call off", ...}, ...}
    operators: dict[str, frozenset[str]] = field(default_factory=dict)

    def clause(self, span: Span, token: Token) -> tuple[int, int]:
        """Token range of the clause around token (punctuation and clause-opening words bound it)."""
        return clause_bounds(span, token, self.clause_breaks, self.clause_openers)

    def event_scope(self, span: Span, token: Token) -> tuple[int, int]:
        """The clause of an event word, plus a relative clause that follows an event noun
        ("ein Vertrag, der im Juni unterzeichnet wurde": the signing and its date belong to the treaty)."""
        start, end = self.clause(span, token)
        nxt = end + 1 if end < span.end and span.doc[end].text in self.clause_breaks else end
        if token.pos_ in ("NOUN", "PROPN", "") and nxt < span.end:
            word = span.doc[nxt]
            if "Rel" in word.morph.get("PronType") or word.lower_ in self.relative_pronouns:
                end = self.clause(span, word)[1]
        return start, end

    @classmethod
    @functools.lru_cache(maxsize=16)  # noqa: B019 - one per language pack, which lives all process long
    def from_pack(cls, pack: LanguagePack) -> Syntax:
        data = pack.data("syntax.yaml")
        claims = pack.data("claims.yaml")
        path = str(pack.path("syntax.yaml"))

        def words(key: str, default=(), source=data, where=path) -> frozenset[str]:
            value = source.get(key, list(default))
            if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
                raise DataError("E502", path=where, why=f"field '{key}' must be a list of strings "
                                "(quote yes/no/on/off, which YAML reads as true/false)")
            return frozenset(w.lower() for w in value)

        claims_path = str(pack.path("claims.yaml"))
        order = data.get("actor_order", "nearest_before")
        if order not in ("nearest_before", "first_in_clause"):
            raise DataError("E502", path=path, why="field 'actor_order' must be nearest_before or first_in_clause")
        return cls(
            **{name: words(name) for name in PLAIN_WORD_LISTS},
            passive_agent=tuple(sorted(words("passive_agent", ["by"]))),
            coordinators=words("coordinators", ["and", ","]),
            clause_breaks=words("clause_breaks", [",", ";", ":", "(", ")", "–", "—"]) | {"\n"},
            actor_order=order,
            compound_heads=bool(data.get("compound_heads", False)),
            compound_min=int(data.get("compound_min", 4)),
            particle_deps=words("particle_deps", ["compound:prt"]),
            speech_verbs=words("speech_verbs", source=claims, where=claims_path),
            particle_position=str(data.get("particle_position", "clause_end")),
            denial_verbs=words("denial_verbs", source=claims, where=claims_path),
            refusal_verbs=words("refusal_verbs", source=claims, where=claims_path),
            rejection_verbs=words("rejection_verbs", source=claims, where=claims_path),
            claim_nouns=words("claim_nouns", source=claims, where=claims_path),
            confirm_verbs=words("confirm_verbs", source=claims, where=claims_path),
            according_before=words("according_to_before", source=claims, where=claims_path),
            according_after=words("according_to_after", source=claims, where=claims_path),
            negation=words("negation", source=claims, where=claims_path),
            trust_parse=bool(data.get("trust_parse", True)),
            gerund_ending=str(data.get("gerund_ending", "") or ""),
            operators=_operator_words(data.get("operators", {}), path),
        )


def _operator_words(value, path: str) -> dict[str, frozenset[str]]:
    """syntax.yaml `operators`: each kind of act on acts (stop, prevent, allow) with its words."""
    if not isinstance(value, dict) or not all(
            isinstance(words, list) and all(isinstance(w, str) for w in words) for words in value.values()):
        raise DataError("E502", path=path, why="field 'operators' must map each kind (stop, prevent, allow) "
                        "to a list of words")
    return {str(kind): frozenset(w.lower() for w in words) for kind, words in value.items()}


@dataclass
class Candidate:
    """A trigger token and the lexicon entry it matched, before roles are read."""

    token: Token
    trigger: Trigger
    lemma: str
    notes: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=16)
def _resources(lang: str, ontology):
    from eventlens.lang import get_pack

    pack = get_pack(lang)
    return load_triggers(lang, ontology), load_contexts(lang), Syntax.from_pack(pack)


def code_events(doc: Document, pack: LanguagePack, ontology) -> None:
    """Fill doc.events with the events of every sentence."""
    if doc.nlp is None or not pack.exists:
        return
    lexicon, contexts, syntax = _resources(pack.code, ontology)
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    events: list[Event] = []
    acts: list[Event] = []  # every act coded, absorbed contents too: what a later reaction may refer to
    doc_contexts = contexts.contexts_for(t.lemma_.lower() for t in doc.nlp)
    for sent in doc.sentences:
        mentions = by_sentence.get(sent.index, [])
        span = sentence_span(doc, sent)
        if span is None:
            continue
        _verbal_gerunds(span, lexicon, syntax)
        ruled_out: list[tuple[Token, Trigger, str]] = []
        candidates = find_triggers(span, lexicon, syntax, ruled_out)
        _trace_ruled_out(doc, sent, ruled_out)
        if not mentions:
            for cand in candidates:
                _trace(doc, sent, cand, "rejected: no actor mentioned in the sentence")
            continue
        sentence_events = []
        for cand in candidates:
            coded = code_candidate(doc, sent, span, cand, mentions, syntax, contexts, ontology)
            if not coded:
                _trace(doc, sent, cand, "rejected: 'did not deny' is a cue for the claims stage, not an event")
            sentence_events.extend(coded)
        sentence_events = apply_operators(doc, sent, span, sentence_events, mentions, syntax, ontology)
        _unmade_statements(span, sentence_events, syntax, ontology)
        _spare_investigators(span, sentence_events, syntax)
        kept = complete_sentence(sentence_events, span, syntax)
        # a demand whose doer the coder could not name still holds what it demands: every event may host
        absorbed = absorb_contents(doc, span, sentence_events, syntax, ontology, kept)
        for ev in kept:
            if id(ev) in absorbed:
                _threat_from_promise(span, absorbed[id(ev)], ev, syntax, ontology)
                _target_from_content(absorbed[id(ev)], ev)
        kept = [e for e in kept if id(e) not in absorbed]
        # acts told but not done in this sentence: each step sees what the one before left
        not_done: dict[int, str] = {}
        for key, main in _conditions(span, kept, syntax, sentence_events).items():
            not_done[key] = f"a condition of {main.type} {main.trigger_text!r}, not an act"
        kept = [e for e in kept if id(e) not in not_done]
        for key, main in _settings(span, kept, [e for e in sentence_events if id(e) in absorbed], syntax).items():
            not_done[key] = f"the setting of {main.type} {main.trigger_text!r}, not an act"
        kept = [e for e in kept if id(e) not in not_done]
        for key, word in _named_contents(span, kept, syntax).items():
            not_done[key] = f"the content of {word.text!r}, named but not done"
        kept = [e for e in kept if id(e) not in not_done]
        for key, verb in _purposes(span, kept, syntax).items():
            not_done[key] = f"the purpose of {verb.text!r}, aimed at but not done"
        kept = [e for e in kept if id(e) not in not_done]
        _promised_replies(span, kept, syntax, ontology)
        _verbal_protests(doc, span, kept, mentions, syntax, ontology)
        for ev in sentence_events:
            if id(ev) in absorbed:
                host = absorbed[id(ev)]
                relation = ("the topic of" if host.type == "PROTEST" else
                            "the same act as" if host.type == ev.type else "the content of")
                _trace(doc, sent, None, f"absorbed {ev.trigger_text!r} -> {ev.type}: {relation} "
                       f"{host.type} {host.trigger_text!r}, not an act of its own", ev)
            elif id(ev) in not_done:
                _trace(doc, sent, None, f"rejected {ev.trigger_text!r} -> {ev.type}: {not_done[id(ev)]}", ev)
            elif any(ev is k for k in kept):
                _trace(doc, sent, None, "coded: " + ev.notes[0] + f" [{','.join(m.code for m in ev.actors)} -> "
                       f"{','.join(m.code for m in ev.recipients)}]", ev)
            else:
                _trace(doc, sent, None, f"rejected {ev.trigger_text!r} -> {ev.type}: " + _why_dropped(ev), ev)
        _reaction_targets(doc, span, kept, acts, lexicon, syntax, ontology)
        acts.extend(e for e in sentence_events if e.actors)
        events.extend(kept)
    for ev in events:
        if not ev.contexts:
            ev.contexts = list(doc_contexts[:1])
    doc.events = events


def apply_operators(doc: Document, sent: Sentence, span: Span, events: list[Event], mentions: list[Mention],
                    syntax: Syntax, ontology) -> list[Event]:
    """Recode every act that a word stopping, preventing or allowing it governs (events/operators.py):
    "suspended aid to Egypt" is a SANCTION of the suspender against Egypt, "banned the rally" a COERCE
    aimed at the protesters, "prevented an attack" no event.

    A lexicon entry that already pairs the two words ("halt" with "aid", "sanction" with "lift") codes the
    pair itself. The operating word's own plain entry ("ban" COERCE, "lift" CONCEDE) gives way to the
    recoded act, which knows what was banned or lifted."""
    if not syntax.operators or not slots.has_parse(span.doc):
        return [e for e in events if not _operand(e)]
    table = load_operators(ontology)
    tok_of = mention_tokens(doc, mentions)
    out: list[Event] = []
    gone: set[int] = set()  # the operating words' own events, replaced by the recoded acts
    for ev in events:
        tok = _trigger_token(span, ev)
        found = None if _in_adverbial_clause(tok, syntax) else governing_operator(
            tok, lambda t: _operator_kind(span, t, syntax), syntax.undertakings)
        outcome = table.outcome(found[1], ev.type, ev.mode, ev.rule.cameo) if found and ev.rule is not None else None
        if outcome is None or any(_is_word(found[0], w) or _compound_of(found[0], w, syntax) for w in ev.rule.words):
            out.append(ev)
            continue
        op, kind = found
        own = [e for e in events if e.trigger_clean_start == op.idx]
        if any(e.rule is not None and any(_is_word(tok, w) or _compound_of(tok, w, syntax) for w in e.rule.words)
               for e in own):
            out.append(ev)  # "halted aid": the pair's entry codes it, and the aid is part of its phrase
            continue
        doers, usable, doer_slots = _operator_doers(span, op, mentions, tok_of, syntax)
        if kind == "order" and ev.actors and not any(_same_party(m, doers) for m in ev.actors):
            out.append(ev)  # "approved Israel's strikes": another party's act, endorsed, not done
            continue
        # the same act told again inside its own phrase ("la livraison d'aide humanitaire") goes with it; a
        # verb there heads a clause of its own, another act (a root noun's phrase may hold the whole sentence)
        inside = {t.i for t in tok.subtree if not is_verbal(t)} - {tok.i}
        gone |= {id(e) for e in own} | {id(e) for e in events if e.type == ev.type and e is not ev
                                         and _token_at(span, e.trigger_clean_start) in inside}
        if outcome.type is None:
            _trace(doc, sent, None, f"dropped {ev.trigger_text!r} -> {ev.type}: {op.text!r} ({kind}) kept it "
                   "from happening", ev)
            continue
        recoded = _operated(doc, span, ev, op, kind, outcome, (doers, usable, doer_slots), tok_of, syntax,
                            ontology, table)
        if recoded is None:
            _trace(doc, sent, None, f"dropped {ev.trigger_text!r} -> {ev.type}: {op.text!r} kept another "
                   "party's act from happening", ev)
            continue
        out.append(recoded)
    for ev in out:
        if id(ev) in gone:
            _trace(doc, sent, None, f"replaced {ev.trigger_text!r} -> {ev.type}: the act it names or "
                   "operates on is recoded", ev)
        elif _operand(ev):
            _trace(doc, sent, None, f"rejected {ev.trigger_text!r} -> {ev.type}: a standing relation, an act only "
                   "when a word suspends, ends or otherwise operates on it", ev)
    return _unique_events([e for e in out if id(e) not in gone and not _operand(e)])


def _operand(ev: Event) -> bool:
    return ev.rule is not None and ev.rule.operand


def _operator_kind(span: Span, tok: Token, syntax: Syntax) -> str | None:
    """The kind of act on acts a word is (stop, prevent, allow), by the pack's `operators` lists; a
    particle verb is listed with its particle ("call off"). The half of a hyphenated word ("open-ended")
    operates on nothing."""
    if _hyphen_half(tok):
        return None
    keys = lemma_keys(tok, syntax, span)
    for kind, words in syntax.operators.items():
        for word in words:
            head, *particles = word.split()
            if head in keys and all(_companion(span, tok, p, syntax) for p in particles):
                return kind
    return None


# Kinds of act on acts done by the act's own doer ("called off their strike"), unless the parse says otherwise.
OWN_ACT_KINDS = ("stop", "end")
# Kinds whose new act is aimed where the old one was ("ordered air strikes on X"); the others (prevent,
# allow) are aimed at whoever was to act too.
SAME_TARGET_KINDS = (*OWN_ACT_KINDS, "order", "renew")


def _operator_doers(span: Span, op: Token, mentions: list[Mention], tok_of, syntax: Syntax):
    """Who does what an operating word makes: its subject (a noun's possessor or agent, or its light verb's
    subject), else the pronoun's antecedent or word order. Also the mentions usable (no speakers) and the
    slots read."""
    verbal = is_verbal(op)
    doer_slots = ("subj",) if verbal else ("poss", *(f"nmod:{a}" for a in syntax.passive_agent), "head_subj")
    speakers = speaker_mentions(span, op, mentions, tok_of, syntax)
    usable = [m for m in mentions if id(m) not in speakers]
    doers = _fill(op, doer_slots, usable, tok_of, syntax)
    if not doers and verbal:
        doers = _pronoun_antecedent(op, mentions, tok_of, syntax) or _by_order(span, op, usable, tok_of, syntax,
                                                                               False)[0]
    return doers, usable, doer_slots


def _operated(doc: Document, span: Span, ev: Event, op: Token, kind: str, outcome, operating, tok_of,
              syntax: Syntax, ontology, table) -> Event | None:
    """The act `op` makes of `ev`: done by the operating word's subject (or possessor; `operating` is what
    `_operator_doers` found), aimed at the recipients of the act, and for a prevented or allowed act also at
    whoever was to do it."""
    verbal = is_verbal(op)
    doers, usable, doer_slots = operating
    if not doers and kind in OWN_ACT_KINDS:
        doers = list(ev.actors)  # "aid was suspended": who gave it stopped it
    elif kind in OWN_ACT_KINDS and ev.actors and not ev.rule.reciprocal and not any(_same_party(m, doers)
                                                                                    for m in ev.actors):
        # another party's act stopped ("police stopped the demonstration by students"): prevented
        kind = "prevent"
        outcome = table.outcome(kind, ev.type, ev.mode, ev.rule.cameo)
        if outcome is None or outcome.type is None:
            return None
    spans = {(m.clean_start, m.clean_end) for m in doers}
    codes = {m.code for m in doers}
    if ev.rule.reciprocal:  # "suspended the talks with the EU": the other parties of a joint act
        targets = [m for m in ev.actors if not _same_party(m, doers)] + list(ev.recipients)
    else:
        targets = ([] if kind in SAME_TARGET_KINDS else list(ev.actors)) + list(ev.recipients)
    if not targets and ev.rule.recipient:
        # the act's partner named on the operating word ("la suspension de ses consultations avec Kigali")
        targets = _fill(op, ev.rule.recipient, usable, tok_of, syntax)
    # a recipient at home (the protesters' own state) may be named by the doer's own words
    targets = _unique([m for m in targets if m.how == "domestic" or (m.clean_start, m.clean_end) not in spans and (
        m.code not in codes or outcome.type in DOMESTIC_TYPES)])
    if not targets and ev.mode in HOME_MODES:
        # a curfew or martial law that names no place weighed on the state that eases it ("shortened the
        # nightly curfew imposed after the coup")
        targets = _home_state(doers)
    start, end = doc.clean.to_original(op.idx, op.idx + len(op.text))
    same = (outcome.type, outcome.mode) == (ev.type, ev.mode)
    joint = same and ev.rule.reciprocal  # "resumed talks with Kosovo": still a joint act of all its parties
    if joint:
        doers, targets = _unique(doers + targets), []
    cameo = outcome.cameo or (ev.cameo if same else ontology.cameo(outcome.type, outcome.mode,
                                                                    ev.contexts[0] if ev.contexts else None))
    rule = replace(ev.rule, id=f"{ev.rule.id}>{kind}", lemma=op.lemma_.lower(), pos="VERB" if verbal else "NOUN",
                   with_=(ev.rule.lemma,), type=outcome.type, mode=outcome.mode, cameo=cameo,
                   actor=doer_slots, reciprocal=joint, targeted=False, operand=False)
    note = f"{op.text!r} ({kind}) over {ev.type} {ev.trigger_text!r} -> {outcome.type}"
    return replace(ev, type=outcome.type, mode=outcome.mode, cameo=cameo, actors=doers, recipients=targets,
                   trigger_text=op.text, trigger_clean_start=op.idx, trigger_clean_end=op.idx + len(op.text),
                   trigger_start=start, trigger_end=end, signal=f"rule:{rule.id}", rule=rule,
                   notes=[*ev.notes, note])


def _same_party(mention: Mention, others: list[Mention]) -> bool:
    """Is the mention one of `others`, or the same body named again (same code and sector)?"""
    return any((m.clean_start, m.clean_end) == (mention.clean_start, mention.clean_end)
               or (m.code == mention.code and m.sector == mention.sector) for m in others)


def _unique_events(events: list[Event]) -> list[Event]:
    """One event per trigger, type, parties and contexts (an act told for several parties, recoded alike)."""
    seen: set[tuple] = set()
    out = []
    for ev in events:
        key = (ev.trigger_clean_start, ev.type, tuple(sorted(m.code for m in ev.actors)),
               tuple(sorted(m.code for m in ev.recipients)), tuple(ev.contexts))
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def _reaction_targets(doc: Document, span: Span, events: list[Event], earlier: list[Event], lexicon,
                      syntax: Syntax, ontology) -> None:
    """A verbal act that names no recipient but reacts to an act told before ("welcomed the step",
    "a rejeté cette proposition", "verurteilte die Blockade") is aimed at whoever did that act.

    The object must name an act: an event noun of the lexicon, or a word the pack lists as standing
    for one (`act_nouns`: step, decision, Schritt, proposition). The act is the nearest one before,
    of the noun's own type where the lexicon gives one, by other parties than the reacting one. A threat
    that promises a reply (`retaliation`: "vowed to retaliate", "a promis de riposter") answers the
    nearest act before by another party."""
    for ev in events:
        if ev.recipients or ev.rule is None or ev.rule.reciprocal or not ev.rule.recipient:
            continue
        tok = _trigger_token(span, ev)
        doers = {m.code for m in ev.actors}
        if ontology.quad_class(ev.type) not in ABSORBING_QUADS:
            continue
        told = [e for e in events if e is not ev and _reports(span, tok, e) and not {m.code for m in e.actors} & doers]
        if told:  # "Les autorités russes ont bloqué ..., a dénoncé le Quai d'Orsay"
            ev.recipients = list(told[0].actors)
            ev.notes.append(f"recipient: who did {told[0].trigger_text!r}, the act its clause reports")
            continue
        if ev.type == "THREATEN" and _retaliates(span, tok, syntax):
            # "Bruxelles a promis de riposter": a promised reply is aimed at whoever acted before, in an
            # earlier sentence or earlier in this one ("Indian strikes hit six sites, the army said, vowing to
            # retaliate")
            here = [e for e in events if e is not ev and _trigger_token(span, e).i < tok.i]
            before = [e for e in earlier + here if e.actors and not {m.code for m in e.actors} & (doers | {"UNK"})]
            if before:
                ev.recipients = list(before[-1].actors)
                ev.notes.append(f"recipient: who did {before[-1].trigger_text!r}, the act it promises to answer")
                continue
        noun = _object_noun(span, tok, syntax)
        if noun is None:
            continue
        inside = [e for e in events if e is not ev and e.actors and not {m.code for m in e.actors} & doers
                  and any(t.i == noun.i for t in _trigger_token(span, e).ancestors)]
        if inside:  # "welcomed the peace agreement that Congo and Rwanda signed"
            ev.recipients = list(inside[0].actors)
            ev.notes.append(f"recipient: who did {inside[0].trigger_text!r}, told inside its object")
            continue
        types = {e.type for key in lemma_keys(noun, syntax) for e in lexicon.by_lemma(key) if e.pos == "NOUN"}
        if not types and not _lemma_in(noun, syntax.act_nouns):
            continue
        before = [e for e in earlier if not {m.code for m in e.actors} & doers and "UNK" not in {m.code for m in e.actors}]
        chosen = ([e for e in before if e.type in types] or before)[-1:] if before else []
        for act in chosen:
            ev.recipients = list(act.actors)
            ev.notes.append(f"recipient: who did {act.trigger_text!r}, the act {noun.text!r} refers to")
    for ev in events:
        # a recipient of no known state ("demanded the release of the writer X") names no one to deal with
        if all(m.code == "UNK" for m in ev.recipients) and ev.rule is not None and ev.rule.recipient \
                and not ev.rule.reciprocal and ontology.quad_class(ev.type) in ABSORBING_QUADS:
            _counterpart_before(ev, earlier)


def _counterpart_before(ev: Event, earlier: list[Event]) -> None:
    """A verbal act with no recipient (or one of no known state), right after a sentence whose act joined its doer with one other
    party ("Wang Yi ist mit Wadephul zusammengetroffen. Wadephul lehnte eine Lockerung ... ab"; "Barrot a
    été reçu à Alger par Attaf. Paris a demandé la libération de ..."), is aimed at that party."""
    doers = {m.code for m in ev.actors}
    before = [e for e in earlier if e.sentence.index == ev.sentence.index - 1]
    for act in reversed(before):
        parties = act.actors + act.recipients
        if not doers <= {m.code for m in parties}:
            continue
        others = {m.code for m in parties} - doers - {"UNK"}
        if len(others) == 1:
            ev.recipients = _unique([m for m in parties if m.code in others])
            ev.notes.append(f"recipient: the other party of {act.trigger_text!r} in the sentence before")
        return


def _promised_replies(span: Span, events: list[Event], syntax: Syntax, ontology) -> None:
    """A hostile act named as the means of a reply still to come ("said it would answer by deploying
    missiles", "will respond by expelling diplomats") is not done yet: announcing it is a threat."""
    if not syntax.means_markers or not syntax.reply_verbs:
        return
    for ev in events:
        if ontology.quad_class(ev.type) != "material_conflict":
            continue
        tok = _trigger_token(span, ev)
        head = tok.head
        if tok.dep_ != "advcl" or head.i == tok.i or not _lemma_in(head, syntax.reply_verbs):
            continue
        if not any(c.dep_ in ("mark", "case") and c.lower_ in syntax.means_markers for c in tok.children):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in syntax.promise_auxiliaries for c in head.children):
            continue
        ev.notes.append(f"{ev.type} -> THREATEN: the means of a reply promised with {head.text!r}")
        # a threatened expulsion keeps its mode; force of arms is the threat of violence
        mode = ev.mode if ontology.is_mode("THREATEN", ev.mode) and ev.mode else "violence"
        ev.type, ev.mode = "THREATEN", mode


def _verbal_protests(doc: Document, span: Span, events: list[Event], mentions: list[Mention], syntax: Syntax,
                     ontology) -> None:
    """A protest verb that reports words, with a content clause ("protested that the government was ignoring
    ...") or as the tag of the clause before it ("X is failing refugees, a rights group protested"), is a
    complaint voiced, not people in the street: PLOVER codes it ACCUSE `disapprove`, aimed at the subject of
    what was said."""
    if not slots.has_parse(span.doc):
        return
    tok_of = None
    for ev in events:
        if ev.type != "PROTEST" or ev.rule is None or ev.rule.pos != "VERB":
            continue
        tok = _trigger_token(span, ev)
        said = [c for c in tok.children if _content_clause(c, syntax)]
        # a tag with its own subject or auxiliary after what it reports (parataxis; an adverbial in an inverted
        # French tag, "..., a protesté X"), not a participle saying why people marched ("marched through Paris,
        # protesting the reform")
        finite = any(c.dep_.startswith(("aux", "nsubj")) for c in tok.children)
        # (a weak parse joins the tag as a conjunct with no "and")
        if not said and finite and tok.dep_ in ("parataxis", "advcl", *slots.CONJ) and tok.head.i < tok.i \
                and tok.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("mark", "cc") for c in tok.children):
            said = [tok.head]
        if not said:
            continue
        ev.notes.append(f"PROTEST -> ACCUSE: {tok.text!r} reports what was said, {said[0].text!r}")
        ev.type, ev.mode, ev.cameo = "ACCUSE", "disapprove", ontology.cameo("ACCUSE", "disapprove")
        tok_of = tok_of if tok_of is not None else mention_tokens(doc, mentions)
        phrase = {i for h in slots.slot_heads(said[0], "subj", syntax.passive_agent, inherit=False)
                  for i in slots.phrase_tokens(h)}
        doers = {m.code for m in ev.actors}
        ev.recipients = [m for m in mentions if id(m) in tok_of and tok_of[id(m)][0] in phrase and m.code not in doers]


def _retaliates(span: Span, tok: Token, syntax: Syntax) -> bool:
    """Does the trigger's clause promise a reply ("vowed to retaliate", "a promis de riposter")?"""
    start, end = syntax.clause(span, tok)
    return any(_lemma_in(t, syntax.retaliation) for t in span.doc[start:end])


def _reports(span: Span, tok: Token, act: Event) -> bool:
    """Is the clause of `tok` a reaction set beside the clause that tells `act` (a comma-joined verb or
    a parenthetical, or the act as its complement)?"""
    act_tok = _trigger_token(span, act)
    beside = tok.head.i == act_tok.i and tok.dep_ in ("parataxis",) + tuple(slots.CONJ) and not any(
        c.dep_ == "cc" for c in tok.children)
    return beside or (act_tok.head.i == tok.i and act_tok.dep_ in ("ccomp", "parataxis"))


def _object_noun(span: Span, trigger: Token, syntax: Syntax) -> Token | None:
    """The noun a verb acts on: its object in the parse, else (a weak parse) the first noun after it
    in its clause."""
    if slots.has_parse(span.doc):
        objects = slots.slot_heads(trigger, "obj", syntax.passive_agent)
        if objects:
            return objects[0] if objects[0].pos_ in ("NOUN", "PROPN") else None
    if syntax.trust_parse:
        return None
    start, end = syntax.clause(span, trigger)
    return next((t for t in span.doc[trigger.i + 1 : end] if t.pos_ == "NOUN"), None)


def _verbal_gerunds(span: Span, lexicon, syntax: Syntax) -> None:
    """Re-tag as a verb a gerund the tagger took for a noun ("responded by warning/NOUN that ...") or for an
    adjective on its own object ("respond by expelling/amod Polish diplomats").

    A bare -ing word (no determiner, possessive, adjective or number) right after one of the
    `gerund_prepositions`, hung on an active verb, is the verb of an adverbial clause whose subject is the
    main clause's: it becomes an advcl with the preposition as its marker, lemmatised to the verb the
    lexicon knows. A passive head keeps the noun ("killed by shelling" names a means, not a doer)."""
    ending = syntax.gerund_ending
    if not ending or not span.doc.has_annotation("DEP"):
        return
    for tok in span:
        if not tok.lower_.endswith(ending) or len(tok.lower_) <= len(ending) + 2:
            continue
        if tok.pos_ == "NOUN":
            # the preposition as the noun's case, or already as a clause's marker (the parser built the clause
            # but tagged its verb a noun: "responded by/mark warning/NOUN")
            phrase, obj = tok, None
            if any(c.dep_ in ("det", "nmod:poss", "amod", "nummod", "compound") for c in tok.children):
                continue
        elif tok.dep_ == "amod" and tok.head.i > tok.i:
            phrase, obj = tok.head, tok.head  # the noun the gerund was hung on is the gerund's object
        else:
            continue
        marks = [c for c in phrase.children if c.dep_ in ("case", "mark") and c.i == tok.i - 1
                 and c.lower_ in syntax.gerund_prepositions]
        head = phrase.head
        if not marks or head.i == phrase.i or head.pos_ != "VERB" or any(
                c.dep_ in ("aux:pass", "nsubj:pass") for c in head.children):
            continue  # only the passive's own markers: the tagger reads "by" itself as a passive agent's
        stem = tok.lower_[: -len(ending)]
        forms = [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
        verb = next((f for f in forms if any(e.pos == "VERB" for e in lexicon.by_lemma(f))), None)
        if verb is None:
            continue
        if obj is not None:
            tok.head, marks[0].head, obj.head = head, tok, tok
            obj.dep_ = "obj"
        tok.pos_, tok.tag_, tok.lemma_, tok.dep_ = "VERB", "VBG", verb, "advcl"
        tok.set_morph("VerbForm=Ger")
        marks[0].dep_ = "mark"
        forget_doc_memo()  # what was read of this Doc's words no longer holds


def find_triggers(span: Span, lexicon, syntax: Syntax,
                  ruled_out: list[tuple[Token, Trigger, str]] | None = None) -> list[Candidate]:
    """Tokens of the sentence whose lemma (or particle verb, or compound head) is a trigger. With
    `ruled_out`, a word the lexicon knows but whose every entry failed here is added to it, with why."""
    found: list[Candidate] = []
    for tok in span:
        if tok.is_punct or tok.like_num:
            continue
        particle = None  # read only for a word the lexicon knows: most words are none
        failed: list[Trigger] = []  # entries of this word that did not hold here
        for lemma in lemma_keys(tok, syntax, span):
            known = entries = lexicon.by_lemma(lemma)
            if not entries:
                continue
            if particle is None:
                # a separable particle hangs only on a verb, whatever a weak tagger calls it ("weist/ADV ... aus")
                particle = any(c.dep_ in syntax.particle_deps for c in tok.children)
            entries = [e for e in entries if _entry_pos_ok(tok, e, particle)]
            entries = [e for e in entries if all(_companion(span, tok, w.lower(), syntax) for w in e.with_)
                       and not any(_companion(span, tok, w.lower(), syntax) for w in e.unless)]
            if _kind_modifier(tok, syntax):
                entries = [e for e in entries if e.pos not in ("NOUN", "ANY")]
            if not entries:
                failed.extend(known)
                continue
            best = max(len(e.with_) for e in entries)
            chosen = next(e for e in entries if len(e.with_) == best)
            found.append(Candidate(tok, chosen, lemma))
            break
        else:
            if failed and ruled_out is not None:
                ruled_out.extend((tok, e, _why_not_trigger(span, tok, e, bool(particle), syntax)) for e in failed)
    return found


def _entry_pos_ok(tok: Token, entry: Trigger, particle: bool) -> bool:
    """Does the token's part of speech suit the entry? A separable particle hangs only on a verb, whatever a
    weak tagger calls it ("weist/ADV ... aus")."""
    return entry.pos == "ANY" or _pos_ok(tok, entry.pos) or (entry.pos == "VERB" and particle)


def _trace_ruled_out(doc: Document, sent: Sentence, ruled_out: list[tuple[Token, Trigger, str]]) -> None:
    """One trace line per lexicon entry that failed, except that the entries which only wanted a companion
    word that is absent ("send" + weapon, + troop, ...) share one line: a common verb has dozens."""
    absent: dict[int, list[str]] = {}
    for tok, entry, why in ruled_out:
        if why == "with":
            absent.setdefault(tok.i, []).extend(w for w in entry.with_ if w not in absent.get(tok.i, ()))
            continue
        doc.trace.append({"stage": "events", "sentence": sent.index, "trigger": tok.text, "rule": entry.id,
                          "note": f"not a trigger here: {why}"})
    for i, words in absent.items():
        doc.trace.append({"stage": "events", "sentence": sent.index, "trigger": doc.nlp[i].text, "rule": None,
                          "note": "not a trigger here: entries that need a word with it found none of "
                                  + ", ".join(repr(w) for w in words)})


def _why_not_trigger(span: Span, tok: Token, entry: Trigger, particle: bool, syntax: Syntax) -> str:
    """Which of find_triggers' tests a lexicon entry failed on this token: what `eventlens explain` shows a
    user who wonders why a known word coded nothing ("with" alone: a required companion word is absent)."""
    if not _entry_pos_ok(tok, entry, particle):
        return f"the entry wants {entry.pos}, the word is tagged {tok.pos_}"
    if not all(_companion(span, tok, w.lower(), syntax) for w in entry.with_):
        return "with"
    present = [w for w in entry.unless if _companion(span, tok, w.lower(), syntax)]
    if present:
        return ", ".join(repr(w) for w in present) + " with it makes it no such act (the entry's `unless`)"
    return "it modifies a noun, naming a kind of thing rather than an act"


def _kind_modifier(tok: Token, syntax: Syntax) -> bool:
    """An event noun in front of another noun says what kind of thing that is ("riot police", "invasion
    forces", "ceasefire talks"), not that the act took place; in front of a word for an undertaking
    ("mediation mission", "aid convoy", "bombing campaign") it names the act that undertaking is."""
    return (tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")
            and tok.pos_ in ("NOUN", "PROPN") and not _lemma_in(tok.head, syntax.undertakings))


def _companion(span: Span, tok: Token, word: str, syntax: Syntax) -> bool:
    """Is a light verb, noun or particle that an entry requires present for this trigger token?

    A dependent in the parse counts; without one, the word must stand in the trigger's clause, and a
    separable particle ("wirft ... vor") must close that clause, as German word order puts it there.
    """
    slot, _, bare = word.rpartition(":")
    if slot in ("obl", "nmod"):
        return _introduces(span, tok, bare, slot, syntax)
    if slot and tok.doc.has_annotation("DEP"):
        # "obj:demand": the word must be what the trigger acts on ("met the demands", not "a demand ...
        # to meet its ministers"), where a parse says so
        return any(_is_word(h, bare) for h in slots.slot_heads(tok, slot, syntax.passive_agent, inherit=False))
    word = bare
    if tok.doc.has_annotation("DEP"):
        dependents, modals, markers = _dependent_forms(tok, syntax)
        # the half of a hyphenated word is no word of its own: an "open-ended strike" has not ended
        if word in dependents or (syntax.compound_heads and any(_compound_of(c, word, syntax) for c in tok.children)):
            return True
        if word in modals:
            return True  # a modal of the content clause ("said that Sudan must return ..."): an obligation voiced
        if word not in syntax.particles and word in markers:
            # the marker of the trigger's own infinitive ("pressured the workers (...) to cancel"); a separable
            # particle ("um", "zu") must be the verb's, not a purpose clause's
            return True
    start, end = syntax.event_scope(span, tok) if word not in syntax.particles else syntax.clause(span, tok)
    if word in syntax.particles:
        if syntax.particle_position == "after_verb":  # "cracked down on", "handed the base over"
            return any(t.lower_ == word for t in span.doc[tok.i + 1 : min(end, tok.i + 4)])
        last = span.doc[end - 1] if span.doc[end - 1].is_alpha else span.doc[max(start, end - 2)]
        return last.lower_ == word and last.i > tok.i
    if word in _clause_forms(span.doc, start, end, tok.i):
        return True
    # compounds only where the language writes them as one word: the clause is not read twice elsewhere
    return syntax.compound_heads and any(_compound_of(t, word, syntax) for t in span.doc[start:end] if t.i != tok.i)


def _speech_words(span: Span, syntax: Syntax) -> tuple[int, ...]:
    """Indices of the verbs of saying in a sentence, in order, kept per sentence: each trigger of it asks."""
    known = doc_memo(span.doc)
    key = ("speech", span.start, span.end, id(syntax))  # one pack's syntax per Doc, held for the process
    if key not in known:
        known[key] = tuple(t.i for t in span if _lemma_in(t, syntax.speech_verbs))
    return known[key]


def _sentence_contexts(span: Span, contexts) -> list[str]:
    """The contexts the lemmas of a sentence cue, kept per sentence: each trigger of it asks."""
    known = doc_memo(span.doc)
    key = ("contexts", span.start, span.end, id(contexts))
    if key not in known:
        known[key] = contexts.contexts_for(t.lemma_.lower() for t in span)
    return list(known[key])


def _dependent_forms(tok: Token, syntax: Syntax) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The forms `_is_word` accepts of a trigger's dependents (halves of hyphenated words left out), of the
    auxiliaries of its content clauses, and of the markers of its clausal dependents; kept per token, as
    each word an entry requires asks again."""
    known = doc_memo(tok.doc)
    key = ("dependents", tok.i, id(syntax))
    if key not in known:
        dependents: set[str] = set()
        modals: set[str] = set()
        markers: set[str] = set()
        for c in tok.children:
            if not _hyphen_half(c):
                dependents |= _word_forms(c)
            if _content_clause(c, syntax):
                for a in c.children:
                    if a.dep_ == "aux":
                        modals |= _word_forms(a)
            if c.dep_ in slots.CLAUSAL:
                for m in c.children:
                    if m.dep_ == "mark":
                        markers |= _word_forms(m)
        known[key] = (frozenset(dependents), frozenset(modals), frozenset(markers))
    return known[key]


def _word_forms(t: Token) -> set[str]:
    """What `_is_word(t, word)` accepts as word: the pipeline's lemma, the surface form, the dictionary lemma."""
    lower = t.lower_
    forms = {t.lemma_.lower(), lower}
    if t.is_alpha:
        forms.add(_lemmatize(lower, t.lang_))
    return forms


def _clause_forms(doc, start: int, end: int, skip: int) -> frozenset[str]:
    """Every form `_is_word` accepts (pipeline lemma, surface, dictionary lemma) of the words of doc[start:end]
    but the one at `skip` and the halves of hyphenated words."""
    known = doc_memo(doc)
    key = ("clause", start, end, skip)
    if key not in known:
        forms: set[str] = set()
        for t in doc[start:end]:
            if t.i != skip and not _hyphen_half(t):
                forms |= _word_forms(t)
        known[key] = frozenset(forms)
    return known[key]


def _compound_of(tok: Token, word: str, syntax: Syntax) -> bool:
    """Is tok a closed or hyphenated compound noun whose head is `word` ("Wahlbeobachter", "IAEA-Inspekteure"
    are observers and inspectors), in a language that writes compounds as one word? A word the tagger missed
    as a noun counts when it is an argument with its own article ("die Beitrittsgespräche/ADJ aussetzen")."""
    if not syntax.compound_heads or len(word) < syntax.compound_min + 1:
        return False
    if tok.pos_ not in ("NOUN", "PROPN") and not _determined(tok):
        return False
    lemma = (tok.lemma_ or tok.text).lower()
    if "-" in lemma:
        return _is_word_text(lemma.rsplit("-", 1)[1], word, tok.lang_)
    return len(lemma) - len(word) >= syntax.compound_min and lemma.endswith(word)


def _is_word_text(text: str, word: str, lang: str) -> bool:
    return text == word or _lemmatize(text, lang) == word


def _introduces(span: Span, tok: Token, case: str, slot: str, syntax: Syntax) -> bool:
    """"obl:to": does a phrase that `case` introduces belong to the trigger ("welcomed Xi to Moscow")? Any
    "to" of the clause would do otherwise, an infinitive's too ("welcomed the decision to send troops").

    A preposition takes a nominal or a gerund ("suspected X of harbouring"), never an infinitive. The
    parse's oblique counts, and so does the word marking a phrase hung on the trigger or its object, where
    a weak parse puts it ("asked Europe for/case help/advcl"). As the parse often fails, the word counts
    too when it follows the trigger with no other verb in between (whose phrase it would be) and is
    followed by no verb; an infinitive marker (PART) never counts."""
    doc = span.doc
    start, end = syntax.event_scope(span, tok)
    ending = syntax.gerund_ending

    def verbal(t: Token) -> bool:
        return t.pos_ in ("VERB", "AUX", "PART") and not (ending and t.lower_.endswith(ending))

    def before_phrase(t: Token) -> bool:
        nxt = doc[t.i + 1] if t.i + 1 < end else None
        return nxt is not None and not nxt.is_punct and not verbal(nxt)

    marks = [t for t in doc[start:end] if t.i != tok.i and _is_word(t, case) and t.pos_ != "PART"]
    if any(t.i > tok.i and before_phrase(t) and not any(verbal(v) for v in doc[tok.i + 1 : t.i]) for t in marks):
        return True
    if not doc.has_annotation("DEP"):
        return False
    if slots.slot_heads(tok, f"{slot}:{case}", syntax.passive_agent, inherit=False):
        return True
    objects = {c.i for c in tok.children if c.dep_ in ("obj", "iobj", "nsubj:pass")}
    return any(t.i < t.head.i and not verbal(t.head) and (t.head.head.i == tok.i or t.head.head.i in objects)
               for t in marks)


def _content_clause(tok: Token, syntax: Syntax) -> bool:
    """A clause that says what its head says: a complement, or an adverbial a weak parse made of one
    (its complementizer tells, as for slots' ccomp_subj)."""
    return tok.dep_ == "ccomp" or (tok.dep_ in ("acl", "advcl") and any(
        m.dep_ == "mark" and m.lower_ in syntax.complementizers for m in tok.children))


def _lemma_in(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or (tok.is_alpha and _lemmatize(tok.lower_, tok.lang_) in words)


def _is_word(tok: Token, word: str) -> bool:
    """Is tok the lemma `word` (by the pipeline's lemma, its surface form, or the dictionary lemma)?"""
    lower = tok.lower_  # read once: every attribute read builds a string
    return tok.lemma_.lower() == word or lower == word or (tok.is_alpha and _lemmatize(lower, tok.lang_) == word)


def _pos_ok(tok: Token, pos: str) -> bool:
    if not tok.pos_:  # no tagger: trust the lemma, but a capitalised word inside a sentence is no verb
        return not (pos == "VERB" and tok.text[:1].isupper() and not tok.is_sent_start)
    if pos == "VERB" and tok.dep_ == "ROOT" and tok.pos_ in ("ADV", "ADJ", "X"):
        return True  # the sentence's predicate, mis-tagged by a weak tagger ("Baku verlangt/ADV ...")
    if pos == "VERB":
        # participles still report an act when they are predicates ("hat ... unterzeichnet"), not when
        # they modify a noun ("die unterzeichneten Abkommen", "zwei inhaftierte Journalisten", "support of
        # suspected terrorists")
        if tok.pos_ == "ADJ":
            # with an article of its own, an argument is a group of people ("evacuated the wounded"); as an
            # adverbial it tells the manner of another verb ("die Hilfe dringend aufzustocken")
            return tok.dep_ not in ("amod", "nmod", "det", "advmod") and not _determined(tok)
        # (also the second half of a hyphenated modifier: "the Israeli-occupied West Bank", "Syrian-backed")
        attributive = (tok.dep_ == "amod" and tok.head.i > tok.i and tok.i > 0
                       and (tok.doc[tok.i - 1].pos_ in ("DET", "NUM", "ADJ", "ADP")
                            or _hyphen_half(tok)))
        return tok.pos_ in ("VERB", "AUX") and not attributive and not _determined(tok)
    if pos == "NOUN":
        return tok.pos_ in ("NOUN", "PROPN") or _determined(tok)
    if pos == "ADJ":
        # a predicative adjective is often tagged as an adverb ("sich ... bereit/ADV erklärt")
        return tok.pos_ in ("ADJ", "ADV")
    return tok.pos_ == pos


def _hyphen_half(tok: Token) -> bool:
    """Is tok the second half of a hyphenated word ("open-ended", "Israeli-occupied")?"""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_


def _determined(tok: Token) -> bool:
    """A word with an article of its own that is an argument of a verb is a noun, whatever the tagger
    says ("issued an ultimatum/ADJ", "rejected a US offer/VERB")."""
    return tok.dep_ in ("obj", "nsubj", "nsubj:pass", "iobj", "obl") and any(
        c.dep_ == "det" and c.pos_ == "DET" and c.i < tok.i for c in tok.children)


def lemma_keys(tok: Token, syntax: Syntax, span: Span | None = None) -> list[str]:
    """Lemma forms to look up, most specific first. With the sentence `span`, a verb whose separable
    particle closes the clause unattached is looked up as the particle verb too."""
    lemma = (tok.lemma_ or tok.text).lower()
    keys = []
    particles = verb_particles(tok, span, syntax)
    if particles:
        # "kündigte ... an" is ankündigen, never kündigen: with its particle or not at all
        return [p + lemma for p in particles]
    keys.append(lemma)
    text = tok.text.lower()
    if text != lemma:
        keys.append(text)
    dictionary = _lemmatize(text, tok.lang_)
    if dictionary not in keys:
        # a trained lemmatizer can mangle rare verb forms ("expelled" -> "expelle", "accusing" ->
        # "accus"): the dictionary lemma of the surface form is the second opinion
        keys.append(dictionary)
    if "-" in lemma:  # "UN-Sanktionen": the head is the last part
        head = lemma.rsplit("-", 1)[1]
        keys += [head, _lemmatize(head, tok.lang_)]
    # a common noun the tagger calls a proper noun, where the NER found no name in it, is one too ("ein
    # gemeinsames Seemanöver/PROPN")
    common = tok.pos_ in ("NOUN", "") or (tok.pos_ == "PROPN" and not tok.ent_type)
    if syntax.compound_heads and common and len(lemma) > 2 * syntax.compound_min:
        # closed compounds: try every suffix that leaves a modifier of reasonable length
        for cut in range(syntax.compound_min, len(lemma) - syntax.compound_min + 1):
            keys.append(lemma[cut:])
    return keys


@functools.lru_cache(maxsize=65536)
def _lemmatize(word: str, lang: str) -> str:
    """Lemma of a word part the pipeline never saw as a token (the head of a hyphenated compound)."""
    import simplemma

    try:
        return simplemma.lemmatize(word, lang=lang).lower()
    except ValueError:  # a language simplemma does not know
        return word


def code_candidate(doc: Document, sent: Sentence, span: Span, cand: Candidate, mentions: list[Mention],
                   syntax: Syntax, contexts, ontology) -> list[Event]:
    trig = cand.trigger
    if _negated_denial(span, cand.token, syntax):
        return []
    tok_of = mention_tokens(doc, mentions)
    speakers = speaker_mentions(span, cand.token, mentions, tok_of, syntax)
    usable = [m for m in mentions if id(m) not in speakers and not _theme(m, cand.token, trig, tok_of, span, syntax)]
    inside = _mentions_inside_token(cand.token, usable, tok_of)
    parse_actors: list[Mention] = []
    antecedent: list[Mention] = []  # a pronoun subject's antecedent: word order cannot see a pronoun
    parse_recipients: list[Mention] = []
    investigated: list[Mention] = []
    if slots.has_parse(doc.nlp):
        # a required word after the trigger is what the act moves or gives ("Verlegung einer Panzerbrigade
        # nach Litauen"): its phrase holds the destination, never the doer
        themes = {c.i for c in cand.token.children if c.i > cand.token.i
                  and any(_is_word(c, w) or _compound_of(c, w, syntax) for w in trig.words)}
        parse_actors = _fill(cand.token, trig.actor, usable, tok_of, syntax, skip=themes)
        if not parse_actors and "subj" in trig.actor:
            parse_actors = antecedent = (_pronoun_antecedent(cand.token, mentions, tok_of, syntax)
                                         or _speaker_as_we(cand.token, mentions, speakers, syntax))
        light = slots.governing_verb(cand.token) if not parse_actors and "head_subj" in trig.actor else None
        if light is not None:
            # "ob es die Gaslieferungen eingestellt habe": the light verb's pronoun subject
            parse_actors = antecedent = _pronoun_antecedent(light, mentions, tok_of, syntax)
        if not parse_actors and "poss" in trig.actor:
            parse_actors = _possessor_antecedent(cand.token, mentions, tok_of, syntax)
        parse_recipients = _fill(cand.token, trig.recipient, usable, tok_of, syntax)
        if not parse_recipients and "obj" in trig.recipient:
            parse_recipients = _object_pronoun_antecedent(cand.token, usable, tok_of, syntax)
        if not parse_recipients and trig.pos == "NOUN":
            parse_recipients = _noun_phrase_after(span, cand.token, trig.recipient, usable, tok_of, syntax)
        investigated = _investigated(cand.token, trig, usable, tok_of, syntax)
    order_actors, order_recipients = _by_order(span, cand.token, usable, tok_of, syntax, trig.reciprocal,
                                               destination=trig.type == "AID" or trig.destination)
    if inside and not (parse_actors and syntax.trust_parse):
        # a body named inside a compound event noun ("UN-Sanktionen", "EU aid") is its doer
        how, actors = "compound", inside
        recipients = parse_recipients or ([m for m in order_actors + order_recipients if m not in inside]
                                          if trig.recipient else [])
        recipients = recipients[:1] if recipients and not trig.recipient else recipients
    elif parse_actors and (syntax.trust_parse or not order_actors or antecedent
                           or _own_phrase(trig, cand.token, usable, tok_of, syntax)):
        how, actors, recipients = "parse", parse_actors, parse_recipients
        if recipients and not trig.reciprocal and {m.code for m in actors} == {m.code for m in recipients}:
            actors = _main_clause_doers(cand.token, usable, tok_of, syntax) or actors
        if not recipients and trig.recipient:
            # parsers often hang the target's phrase on the nearest noun ("tiré des missiles sur Israël")
            taken = {m.code for m in actors}
            # not the doer's state again, unless another side there (rebels and their president) of a one-sided act
            found = [m for m in order_recipients + order_actors + _after_in_clause(span, cand.token, usable,
                                                                                   tok_of, syntax)
                     if m.code not in taken or (not trig.reciprocal and _other_side_at_home(m, actors))]
            # word order alone is weak evidence: a party of a known state before a name nobody knows (a weapon
            # the tagger took for a body: "des avions de combat Su-35 à l'Iran")
            found = [m for m in found if m.code != "UNK"] + [m for m in found if m.code == "UNK"]
            # the first party with those coordinated with it ("blows to the United States and Israel")
            recipients = next((g for g in mention_groups(span, found[:1] + [m for m in found if m not in found[:1]],
                                                         tok_of, syntax.coordinators)
                               if found[0] in g), []) if found else []
    else:
        # word order first where the pack says its parser is weak; the parse may still name the recipient
        how, actors = "order", order_actors
        # the party after the trigger may be the doer's own (an adjective: "une frappe américaine contre un
        # navire iranien"); the parse's target then comes first
        own = {m.code for m in actors}
        recipients = ([m for m in order_recipients if m.code not in own]
                      or [m for m in parse_recipients if m not in order_actors] or order_recipients)
        if trig.actor and trig.actor[0] in ("obj", "iobj") and recipients:
            # "X empfing Y", "X received Y": the lexicon says the object is the doer
            actors, recipients = recipients, actors
    if investigated:
        recipients = investigated
    if not actors and _state_act(trig) and _looks_passive(span, cand.token, *syntax.clause(span, cand.token), syntax):
        # "A US national has been put under investigation in Italy": no doer named, the state where it happens
        actors = _state_where_done(span, cand.token, usable, tok_of, syntax, recipients)
        how = "place of an agentless passive" if actors else how
    if (trig.type == "PROTEST" and all(m.code == "UNK" and m.kind == "generic" and m.how != "foreign" for m in actors)
            and slots.has_parse(doc.nlp) and _subject_before(cand.token, syntax)):
        # "Thousands of people marched in the centre of Tunis", "Prisoners rioted at a jail in Dili": a crowd
        # of no named party is the people of the place it protests in (the claims stage does the same for
        # unnamed protesters it places); a crowd named by a generic noun keeps its words
        place = _people_of_place(cand.token, usable, tok_of, syntax)
        if place:
            how = how if actors else "people of the place"
            actors = [replace(m, code=place[0].code, kind="state", how="place") for m in actors] or place
    actors, recipients = _unique(actors), _unique(recipients)
    if trig.reciprocal:
        actors = _unique(_with_partners(span, cand.token, actors + recipients, usable, tok_of, syntax))
        recipients = []
    recipients = _protest_at_home(trig, actors, _at_home(trig, actors, recipients))
    actor_codes = {m.code for m in actors}
    actor_spans = {(m.clean_start, m.clean_end) for m in actors}
    recipients = [m for m in recipients if m.code not in actor_codes or m.how == "domestic" or (
        _domestic(trig) and (m.clean_start, m.clean_end) not in actor_spans)
        or _other_side_at_home(m, actors)]
    if not recipients and trig.recipient and not trig.reciprocal and actors and slots.has_parse(doc.nlp):
        recipients = _place_target(doc, sent, cand.token, trig, actor_codes, syntax)
    if not recipients and (trig.mode in HOME_MODES or (_domestic(trig) and _counted_object(cand.token))):
        recipients = _decreed_at_home(cand.token, trig, actors)
    start, end = doc.clean.to_original(cand.token.idx, cand.token.idx + len(cand.token.text))
    ctx = list(trig.contexts) or _sentence_contexts(span, contexts)
    base = dict(doc_id=doc.doc_id, type=trig.type, sentence=sent, trigger_text=cand.token.text,
                trigger_clean_start=cand.token.idx, trigger_clean_end=cand.token.idx + len(cand.token.text),
                trigger_start=start, trigger_end=end, mode=trig.mode, cameo=trig.cameo or ontology.cameo(
                    trig.type, trig.mode, ctx[0] if ctx else None),
                confidence=CONFIDENCE_PARSE if how == "parse" else CONFIDENCE_ORDER,
                signal=f"rule:{trig.id}", rule=trig)
    note = f"trigger {cand.token.text!r} ({cand.lemma}) -> {trig.type} by {how}"
    groups = _distribute(span, cand.token, actors, recipients, syntax)
    events = []
    for acts, recs in groups:
        for ctx_split in _context_splits(cand.token, ctx, contexts, trig, ontology):
            events.append(Event(actors=acts, recipients=recs, contexts=ctx_split, notes=[note], **base))
    return events


def _in_adverbial_clause(tok: Token, syntax: Syntax) -> bool:
    """Is tok's act inside a clause opened by a word that makes it adverbial or relative ("lifted a curfew
    in Mombasa where twelve people were killed", "after ... was killed")? No operator above reaches into it,
    whatever label the parse gave the clause."""
    openers = syntax.clause_openers - syntax.complementizers
    t = tok.head if tok.dep_ == "conj" and tok.head.i != tok.i else tok
    for a in [t, *t.ancestors]:
        if a.dep_ in ("ccomp", "advcl", "acl", "acl:relcl", "relcl") and a.left_edge.lower_ in openers:
            return True
        if a.pos_ in ("VERB", "AUX"):
            return False
    return False


def _main_clause_doers(trigger: Token, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """The subject of the main clause, for a verb the parse coordinated with a relative clause ("welcomed the
    agreement that Congo and Rwanda signed ... and called on both governments"), once the doers it inherits
    there turn out to be its own target: nobody calls on themselves, so the verb goes with the main one."""
    head = trigger.head
    if trigger.dep_ not in slots.CONJ or (head.dep_.split(":")[0] != "acl" and head.dep_ != "relcl"):
        return []
    main = slots.governing_verb(head.head)
    return _fill(main, ("subj",), mentions, tok_of, syntax) if main is not None else []


def _theme(mention: Mention, trigger: Token, trig: Trigger, tok_of, span: Span, syntax: Syntax) -> bool:
    """An unnamed group that is a word the entry requires ("Beobachter" of "entsandte Beobachter in die
    Ukraine"), or, for an act that sends someone somewhere, that is what it sends ("a team of experts"), is
    what the act moves, never a party to it."""
    if mention.code != "UNK" or id(mention) not in tok_of:
        return False
    a, b = tok_of[id(mention)]
    if trig.destination and slots.has_parse(span.doc) and any(
            a <= i < b for h in slots.slot_heads(trigger, "obj", syntax.passive_agent, inherit=False)
            for i in slots.phrase_tokens(h)):
        return True
    return any(_is_word(t, w) or _compound_of(t, w, syntax) for t in span.doc[a:b] for w in trig.words)


def _with_partners(span: Span, trigger: Token, parties: list[Mention], mentions: list[Mention], tok_of,
                   syntax: Syntax) -> list[Mention]:
    """The parties of a joint act plus those coordinated with them in its clause, where the parse lost
    one ("Le Royaume-Uni et la France se sont engagés": the split name broke the parse)."""
    start, end = syntax.clause(span, trigger)
    inside = [m for m in mentions if id(m) in tok_of and start <= tok_of[id(m)][0] < end]
    ids = {id(m) for m in parties}
    extra = [m for g in mention_groups(span, inside, tok_of, syntax.coordinators) if any(id(m) in ids for m in g)
             for m in g if id(m) not in ids]
    return parties + extra


def _place_target(doc: Document, sent: Sentence, trigger: Token, trig: Trigger, actor_codes: set[str],
                  syntax: Syntax) -> list[Mention]:
    """A town or region in the recipient's slot, where no actor is named, stands for its country:
    "shelled the centre of Kherson" hits Ukraine. The gazetteer is the one the claims stage places
    events with; a place in the actor's own country is no target of a foreign act, but is of a domestic
    one ("imposed a curfew in Cizre": Turkey's own people)."""
    from eventlens.claims.where import places_in

    for slot in trig.recipient:
        for head in slots.slot_heads(trigger, slot, syntax.passive_agent, complementizers=syntax.complementizers):
            phrase = sorted(slots.phrase_tokens(head))
            first, last = doc.nlp[phrase[0]], doc.nlp[phrase[-1]]
            a, b = first.idx, last.idx + len(last.text)
            for place in places_in(doc.nlp, a, b, doc.lang or trigger.lang_):
                if place.country and (place.country not in actor_codes or _domestic(trig)):
                    cs, ce = a + place.start, a + place.end
                    start, end = doc.clean.to_original(cs, ce)
                    return [Mention(text=place.text, clean_start=cs, clean_end=ce, code=place.country,
                                    name=place.name, kind="state", sentence=sent.index, start=start, end=end,
                                    how="place")]
    return []


# Acts a state mostly does to its own people: arrests and raids, pardons and amnesties, releases. Their
# unnamed targets ("journalists", "prisoners") belong to the acting state (PLOVER codes them X -> X).
# Protest is the same seen from below: "the government" a people protests against is its own.
# Violence is left out: foreign forces kill civilians where they fight.
DOMESTIC_TYPES = ("COERCE", "CONCEDE", "RETREAT", "PROTEST")
# Investigations too: the police and the courts look into their own people ("opened fraud investigations
# against 28 Chilean government officials", PLOVER CHL -> CHL).
DOMESTIC_MODES = ("investigate",)
# Violence by the police, though, is at home too (sector codes of the actor dictionaries).
POLICE_TYPES = ("ASSAULT",)
POLICE_SECTORS = ("COP",)


def _domestic(trig: Trigger) -> bool:
    """An act done at home (inspectors sent somewhere investigate another place, not their own)."""
    return trig.type in DOMESTIC_TYPES or (trig.mode in DOMESTIC_MODES and not trig.destination)


# Acts only a state's authorities do: investigating, charging in court, arresting and restricting,
# pardoning. Told in the passive with no doer named ("was put under investigation in Italy", "wurde in
# der Türkei festgenommen"), the state where it happens did it. Violence and releases are left out:
# anyone may kill or free hostages.
STATE_TYPES = ("COERCE", "CONCEDE")
STATE_MODES = ("investigate",)


def _state_act(trig: Trigger) -> bool:
    return trig.type in STATE_TYPES or trig.mode in STATE_MODES or (trig.type == "ACCUSE" and "legal" in trig.contexts)


def _state_where_done(span: Span, trigger: Token, mentions, tok_of, syntax: Syntax,
                      recipients: list[Mention]) -> list[Mention]:
    """The state named as the place of an act in its clause ("in Italy", "en France", "in der Türkei")."""
    start, end = syntax.event_scope(span, trigger)
    taken = {(m.clean_start, m.clean_end) for m in recipients}
    inside = sorted((m for m in mentions if id(m) in tok_of and start <= tok_of[id(m)][0] < end
                     and (m.clean_start, m.clean_end) not in taken), key=lambda m: tok_of[id(m)][0])
    for group in mention_groups(span, inside, tok_of, syntax.coordinators):
        if _is_place_phrase(span, group, tok_of, syntax):
            return group[:1]
    return []


def _people_of_place(trigger: Token, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """The state (or a town standing for it) named in a place phrase of the verb ("in Hong Kong", "dans le
    centre de Tunis", "am Samstag in Tiflis") or of its object ("blocked streets in Hong Kong"), as the
    people who live there."""
    where = syntax.place_prepositions | syntax.locative
    objects = [c for c in trigger.children if c.dep_ == "obj"]
    phrases = [c for c in trigger.children if c.dep_.split(":")[0] == "obl"] + [
        c for o in objects for c in o.children if c.dep_.split(":")[0] == "nmod"]
    for c in phrases:
        within = slots.phrase_tokens(c)
        # the place may hang on another phrase of the verb's ("am Samstag in Tiflis")
        for place in sorted(i for i in within if slots.case_words(trigger.doc[i]) & where):
            phrase = slots.phrase_tokens(trigger.doc[place])
            found = [m for m in mentions if id(m) in tok_of and tok_of[id(m)][0] in phrase
                     and _place_name(m, trigger.doc[tok_of[id(m)][1] - 1])]
            if found:
                return [replace(found[0], sector=None, how="place")]
    return []


def _place_name(mention: Mention, last: Token) -> bool:
    """Does a mention name a country or town ("Hong Kong", "Tunis"), not a body ("Chinese authorities") or
    an adjective ("Chinese")?"""
    town = mention.how == "dictionary" and mention.sector == "GOV"  # a capital standing for its government
    return (mention.kind == "state" and mention.code != "UNK" and last.pos_ == "PROPN"
            and (mention.sector is None or town))


def _at_home(trig: Trigger, actors: list[Mention], recipients: list[Mention]) -> list[Mention]:
    """Unnamed people (a generic mention of no stated nationality) acted on by one state are its own, unless
    named as foreign or international ("expelled employees of an international aid group")."""
    states = {m.code for m in actors if m.kind in ("state", "person") and m.code != "UNK"}
    # the police act at home: those it shoots at or beats ("police opened fire on demonstrators") are its own
    police = trig.type in POLICE_TYPES and all(m.sector in POLICE_SECTORS for m in actors if m.code in states)
    if (not _domestic(trig) and not police) or trig.reciprocal or len(states) != 1:
        return recipients
    home = next(iter(states))
    return [replace(m, code=home, kind="state", how="domestic")
            if m.kind == "generic" and m.code == "UNK" and m.how != "foreign" else m for m in recipients]


def _other_side_at_home(recipient: Mention, actors: list[Mention]) -> bool:
    """A recipient of the actor's own state is another party when it names a sector the actor is not:
    "the Sudanese government accused Sudanese rebels", "opposition groups demand that President X ..."
    (PLOVER and the gold sets code such pairs X -> X); so is a named person ("a Brazilian judge ordered
    former president Cardoso to appear"). A state named without a sector ("Russia" beside "Putin"),
    or a capital standing for its state ("Riyadh" beside "Saudi Arabia"), is the actor's own side again."""
    same = [m for m in actors if m.code == recipient.code]
    metonym = recipient.kind == "state" and recipient.how == "dictionary" and recipient.sector == "GOV"
    known = recipient.sector is not None or recipient.kind == "person"
    return bool(same) and known and recipient.code != "UNK" and not metonym and all(
        m.sector != recipient.sector and (m.clean_start, m.clean_end) != (recipient.clean_start, recipient.clean_end)
        for m in same)


# Measures a state decrees over its own territory, and the crowd-control weapons its police turn on a crowd
# (tear gas, water cannon): with no target named, they are aimed at its own people. So is a resignation, which
# yields to those at home who want a change of leadership (CAMEO 0832); refusing to resign refuses them.
HOME_MODES = ("curfew", "martial-law", "crowd-control", "resign")


def _decreed_at_home(trigger: Token, trig: Trigger, actors: list[Mention]) -> list[Mention]:
    """A curfew or martial law that names no place ("announced it is prepared to impose martial law", "a
    instauré la loi martiale dans la capitale") is imposed on the decreeing state's own people, as PLOVER
    codes it (X -> X), and so is tear gas used on no named crowd ("les gendarmes ont fait usage de gaz
    lacrymogène"); not when the decree is a passive with no doer ("a state of siege was declared")."""
    light = slots.governing_verb(trigger) if trig.pos == "NOUN" else trigger
    if light is not None and slots.is_passive(light):
        return []
    return _home_state(actors)


def _counted_object(trigger: Token) -> bool:
    """Is the act's object a bare number ("killing one person and arresting 12", "freed 30")? A domestic act
    on a count of people names no party, and those counted are the acting state's own, like the unnamed
    people of `_at_home`."""
    return any(c.dep_ in ("obj", "nsubj:pass") and c.pos_ == "NUM" for c in trigger.children)


def _home_state(actors: list[Mention]) -> list[Mention]:
    """The actors' one state (or a person's), as a recipient at home; none if they are of several or none."""
    states = {m.code for m in actors if m.kind in ("state", "person") and m.code != "UNK"}
    if len(states) != 1:
        return []
    home = next(m for m in actors if m.code in states)
    return [replace(home, kind="state", how="domestic")]


# The CAMEO code of easing dissent ("called off their strike"): a protest called off, aimed where it was.
DISSENT_EASED = "082"


def _protest_at_home(trig: Trigger, actors: list[Mention], recipients: list[Mention]) -> list[Mention]:
    """A protest that names no target ("Algerian landowners began a hunger strike") is aimed at the
    protesters' own state, as PLOVER codes it, and so is one called off. Decided here, not only in the claims
    stage (which does the same for protesters it places by location), so that a protest noun with no target
    is an act, not a topic."""
    if (trig.type != "PROTEST" and trig.cameo != DISSENT_EASED) or recipients:
        return recipients
    return _home_state(actors)


def _negated_denial(span: Span, trigger: Token, syntax: Syntax) -> bool:
    """"bestritt dies nicht", "did not deny": not a rejection, only a refusal to confirm (claims stage)."""
    if not _lemma_in(trigger, syntax.denial_verbs):
        return False
    start, end = syntax.clause(span, trigger)
    return any(t.lower_ in syntax.negation or t.lemma_.lower() in syntax.negation for t in span.doc[start:end])


def complete_sentence(events: list[Event], span: Span | None = None, syntax: Syntax | None = None) -> list[Event]:
    """Fill what one event of a sentence tells about another, then drop events with no actor.

    The act an accusation is about has the accused as its actor: in "X warf Y vor, Truppen zu
    entsenden", the sending has no subject of its own, and Y is its doer; word order alone would
    wrongly make the accusers do it.
    """
    accusations = [e for e in events if e.type == "ACCUSE" and e.recipients]
    for ev in events:
        if ev.type == "ACCUSE":
            continue
        accusers = {m.code for a in accusations for m in a.actors}
        if ev.actors and not {m.code for m in ev.actors} <= accusers:
            continue
        if accusations:
            acc = min(accusations, key=lambda a: abs(a.trigger_clean_start - ev.trigger_clean_start))
            if not _within_accusation(span, syntax, acc, ev):
                continue  # "imposed sanctions on companies it accused of ...": the sanctions are no content
            ev.actors = list(acc.recipients)
            ev.recipients = [m for m in ev.recipients if m.code not in {a.code for a in ev.actors}]
            ev.notes.append("actor: the accused of " + repr(acc.trigger_text))
    return [e for e in events if e.actors and not _topic_only(e)]


def _within_accusation(span: Span | None, syntax: Syntax | None, acc: Event, ev: Event) -> bool:
    """Does ev hang from the accusation in the parse (where the pack trusts it)? Never when it is inside the
    accuser's own subject ("Tusk, qui avait rencontré des agriculteurs, a critiqué Minsk")."""
    if span is None or syntax is None or not slots.has_parse(span.doc):
        return True
    acc_tok = _trigger_token(span, acc)
    tok = _trigger_token(span, ev)
    if slots.inside_subject(acc_tok, tok):
        return False
    return not syntax.trust_parse or any(a.i == acc_tok.i for a in tok.ancestors)


# Verbal acts whose content is another act ("agreed to cooperate", "drohte mit Sanktionen", "called on
# Y to withdraw"): the content is part of the promise, threat or demand. An accusation is different:
# GOLD_FORMAT codes the alleged act too.
ABSORBING_QUADS = ("verbal_cooperation", "verbal_conflict")
CONTENT_DEPS = ("xcomp", "ccomp", "obj", "iobj", "obl:arg", "nsubj:pass", "csubj")
NOT_ABSORBING = ("ACCUSE", "CONSULT")
# What a protest asks or blames is its topic, not an act of its own (PLOVER; docs/annotation.md); a protest
# word in its purpose ("a hunger strike to protest against X") names the same protest again.
PROTEST_TOPICS = ("REQUEST", "ACCUSE", "PROTEST")
# Links on the way up to a verbal act that make a separate act: a relative clause, a coordinated or
# juxtaposed clause.
SEPARATE_DEPS = ("acl:relcl", "relcl", "conj", "parataxis")


def absorb_contents(doc: Document, span: Span, events: list[Event], syntax: Syntax, ontology,
                    kept: list[Event] | None = None) -> dict:
    """{id(content event): the verbal event it belongs to} for the events of one sentence.

    Contents nest: what an absorbed demand asks ("a hunger strike to demand the resignation of X", "staged
    rallies ..., saying he must resign") is no act either, so an absorbed event, or one dropped for want of
    an actor, still hosts its own content, as long as its chain of hosts ends at a kept event (`kept`,
    default all): an unattributed "n'est pas exclue" holds nothing."""
    hosts = _content_hosts(span, events, syntax, ontology)
    rooted = {id(e) for e in (events if kept is None else kept)}
    out: dict[int, Event] = {}
    changed = True
    while changed:  # a host absorbed later in the sentence ("den Rücktritt zu fordern") takes its content next round
        changed = False
        for ev in events:
            if id(ev) in out:
                continue
            host = next((h for h in hosts[id(ev)] if (id(h) in rooted or id(h) in out)
                         and not _hosted_by(h, ev, out)), None)
            if host is not None:
                out[id(ev)] = host
                changed = True
    return out


def _content_hosts(span: Span, events: list[Event], syntax: Syntax, ontology) -> dict[int, list[Event]]:
    """{id(event): the events it may be the content of, the likeliest first}: the protest it is the topic of
    or the act whose phrase it is part of, else the verbal acts it is the content of."""
    framing = syntax.denial_verbs | syntax.refusal_verbs  # a denied act stays, with status denied
    verbal = [e for e in events if e.type not in NOT_ABSORBING and ontology.quad_class(e.type) in ABSORBING_QUADS
              and (e.rule is None or e.rule.lemma.lower() not in framing or _refuses_act(span, e, syntax))]
    protests = [e for e in events if e.type == "PROTEST"]
    phrase_of = {i: e for e in events for i in _companion_tokens(span, e, syntax)}
    out: dict[int, list[Event]] = {}
    inquiries = [e for e in events if e.mode == "investigate"]
    told_by: dict[int, Event] = {}  # a pair's event -> the verb that tells the same act
    for ev in events:
        topic_of = [p for p in protests if ev.type in PROTEST_TOPICS and _protest_topic(span, ev, p, syntax)][:1]
        if not topic_of and ev.type == "ACCUSE" and ev.mode != "investigate":
            # "prüfte die Vorwürfe gegen X": the allegations looked into are the inquiry's topic, not the
            # investigator's own (an author named apart, "allegations by the LPC", keeps them an act)
            topic_of = [v for v in inquiries if _looked_into(span, ev, v, syntax)
                        and {m.code for m in ev.actors} <= {m.code for m in v.actors}][:1]
        at = _token_at(span, ev.trigger_clean_start)
        part_of = phrase_of.get(at)
        if part_of is not None and part_of.type == ev.type and _verb_of_pair(ev, part_of):
            # "granted asylum", "le veto opposé par Brasília": the verb's own entry tells the act the pair's
            # entry tells; the verb's slots name its parties best (a noun borrows them from its verb)
            told_by[id(part_of)] = ev
        elif part_of is not None:
            topic_of = [part_of]  # "halted aid to Serbia": the aid is part of the halt's phrase, not given
        else:
            verb = next((v for v in events if _verb_of_object(span, v, ev)), None)
            if verb is not None:
                told_by[id(ev)] = verb  # "delivered the promised aid": the noun names the act its verb tells
        if not topic_of and part_of is None:
            # "will give Tanzania a grant ... to finance projects": the purpose tells the same act again;
            # "its long-threatened invasion": a participle on an act's noun describes that act
            topic_of = [h for h in events if _purpose_of(span, ev, h) or _describes(span, span.doc[at], ev, h)
                        or _restates(span, ev, h)][:1]
        if not topic_of and part_of is None:
            topic_of = [h for h in events if _helped_act(span, ev, h, syntax)][:1]
        if not topic_of and _placed_meeting(span, ev, syntax):
            out[id(ev)] = []  # "Bei Gesprächen mit X hat sich Y bereit erklärt": where the act was done, not what
            continue
        out[id(ev)] = topic_of or [v for v in verbal if _holds_content(span, v, ev, syntax, framing)]
    for key, verb in told_by.items():
        out[key] = [verb] + out[key]
    return out


def _purpose_of(span: Span, ev: Event, act: Event) -> bool:
    """Is ev the purpose of an act of its type by the same doers: an infinitive clause with no subject of its
    own hung on the act's word ("gave a grant to finance projects", "sent engineers to help")?"""
    if ev is act or ev.type != act.type or not ev.actors or not slots.has_parse(span.doc):
        return False
    if not {m.code for m in ev.actors} <= {m.code for m in act.actors}:
        return False
    tok = _trigger_token(span, ev)
    return (tok.dep_ == "advcl" and tok.head.i == _token_at(span, act.trigger_clean_start)
            and "Inf" in tok.morph.get("VerbForm") and not any(c.dep_.startswith("nsubj") for c in tok.children))


def _helped_act(span: Span, ev: Event, act: Event, syntax: Syntax) -> bool:
    """Is ev a helping verb ("help", "helfen", "aider") whose complement is act's word ("helped support the
    rebels", "half, die Waffenruhe auszuhandeln")? Helping to do an act is taking part in that act, no aid
    of its own."""
    if ev is act or ev.rule is None or ev.rule.lemma.lower() not in syntax.helping_verbs:
        return False
    if not slots.has_parse(span.doc):
        return False
    tok = _trigger_token(span, act)
    return tok.head.i == _token_at(span, ev.trigger_clean_start) != tok.i and tok.dep_ in ("xcomp", "ccomp", "advcl")


def _restates(span: Span, ev: Event, act: Event) -> bool:
    """Is ev an accusation that a participle set off by a comma adds to an accusation by the same doers
    ("lodged an official protest with Albania, charging its neighbor with ...")? It tells the same act again."""
    if ev is act or ev.type != "ACCUSE" or act.type != "ACCUSE" or not ev.actors or not slots.has_parse(span.doc):
        return False
    if {m.code for m in ev.actors} != {m.code for m in act.actors}:
        return False
    tok = _trigger_token(span, ev)
    act_tok = _trigger_token(span, act)
    verb = act_tok if act_tok.pos_ in ("VERB", "AUX") else slots.governing_verb(act_tok)
    return (verb is not None and tok.head.i == verb.i and tok.dep_ in ("advcl", "xcomp", "acl") and tok.i > verb.i
            and slots.participle(tok) and span.doc[tok.i - 1].is_punct)


def _describes(span: Span, tok: Token, ev: Event, act: Event) -> bool:
    """Is ev's word tok an adjective on act's noun ("long-threatened invasion", "the promised aid")?"""
    return (ev is not act and tok.dep_ == "amod" and slots.has_parse(span.doc)
            and tok.head.i == _token_at(span, act.trigger_clean_start) != tok.i)


def _verb_of_object(span: Span, verb: Event, noun: Event) -> bool:
    """Is noun, an event noun, the object of verb, a verb's event of its type ("delivered aid")?"""
    if not _verb_of_pair(verb, noun) or verb.type != noun.type or not slots.has_parse(span.doc):
        return False
    tok = _trigger_token(span, noun)
    return tok.dep_ == "obj" and tok.head.i == _token_at(span, verb.trigger_clean_start)


def _verb_of_pair(ev: Event, pair: Event) -> bool:
    """Is ev a verb's event, and pair a noun's entry that requires that verb?"""
    return ev.rule is not None and pair.rule is not None and ev.rule.pos == "VERB" and pair.rule.pos != "VERB"


def _conditions(span: Span, events: list[Event], syntax: Syntax, told: list[Event] | None = None) -> dict[int, Event]:
    """{id(event): the act it is a condition of}: an act in a clause opened by a condition word ("will boycott
    the elections unless the president agrees to step down", "falls der Präsident nicht zurücktritt", "si
    l'Occident livre des missiles"), or by an auxiliary put first ("Should Belgrade ignore ...", "Sollte
    Belgrad ... ignorieren"), has not happened; it is the condition of the act told outside it (any act of
    the sentence, `told`, even one whose doer could not be named)."""
    if not (syntax.conditions or syntax.inverted_conditions) or not slots.has_parse(span.doc):
        return {}
    clauses: dict[int, set[int]] = {}
    for ev in events:
        tok = _trigger_token(span, ev)
        # a weak parse may take the condition word for a preposition ("si la Croatie expulse": case)
        head = next((a for a in [tok, *tok.ancestors] if any(
            c.dep_ in ("mark", "case") and _condition_word(c, syntax) for c in a.children)), None)
        if head is not None:
            clauses[id(ev)] = {t.i for t in head.subtree}
            continue
        start, end = syntax.clause(span, tok)
        opener = span.doc[start]
        # first in the sentence it is the auxiliary whatever the parse says (a weak tagger took "Sollte" for a noun)
        if opener.lower_ in syntax.inverted_conditions and (opener.dep_.split(":")[0] in ("aux", "cop")
                                                            or opener.i == span.start):
            # "Sollte Belgrad die Sanktionen ignorieren, könnte ...": the parse often hangs the main clause on
            # the condition, so the clause's own words bound it
            clauses[id(ev)] = set(range(start, end))
    out: dict[int, Event] = {}
    for ev in events:
        if id(ev) in clauses:
            main = next((e for e in (told or events) if e is not ev and id(e) not in clauses
                         and _token_at(span, e.trigger_clean_start) not in clauses[id(ev)]), None)
            if main is not None:
                out[id(ev)] = main
    return out


def _named_contents(span: Span, events: list[Event], syntax: Syntax) -> dict[int, Token]:
    """{id(event): the word it is the content of}: an act told as what a right allows or an effort tries (an
    infinitive on such a noun: "the right of troops to fire", "das Recht, Milizen anzugreifen", "efforts to end
    the fighting") or as what a thing aims at ("a resolution that aims to tighten sanctions", "a meeting aimed
    at establishing relations") or as what a document obliges its parties to do ("der Vertrag verpflichtet
    beide Staaten, ... zusammenzuarbeiten": a treaty's terms, not a cooperation) is only named; it has not
    happened. A party that obliges itself ("verpflichtete sich, ... abzuziehen") promises an act: that stays."""
    if not (syntax.named_contents or syntax.aims or syntax.obligations) or not slots.has_parse(span.doc):
        return {}
    out: dict[int, Token] = {}
    acts = {_trigger_token(span, e).i for e in events if e.rule is not None and e.rule.pos == "NOUN"}
    for ev in events:
        tok = _trigger_token(span, ev)
        aimed = infinitive = False
        for a in [tok, *tok.ancestors]:
            aimed = aimed or _lemma_in(a, syntax.aims)
            infinitive = infinitive or _infinitival(span, a, syntax)
            # the parse may call the infinitive advcl, and an English subject before the verb a compound of it
            # (acl: the parse read the obliging verb as a noun, "The treaty obliges/NOUN Russia ... to cooperate")
            if infinitive and a.dep_.split(":")[0] in ("xcomp", "ccomp", "advcl", "acl") \
                    and _lemma_in(a.head, syntax.obligations) \
                    and any(c.dep_ in ("nsubj", "compound") and c.i < a.head.i and _lemma_in(c, syntax.documents)
                            for c in a.head.children):
                out[id(ev)] = a.head
                break
            if a.dep_.split(":")[0] != "acl" and a.dep_ != "relcl":
                continue
            # only an infinitive is what the right allows: a participle or a finite clause on the noun tells
            # what is or was done; a gerund after a preposition on an act's noun is that act's topic ("talks
            # on easing tensions")
            if aimed or (infinitive and _lemma_in(a.head, syntax.named_contents)) or (
                    a.head.i in acts and slots.participle(a) and any(
                        c.dep_ == "mark" and c.lower_ not in syntax.gerund_prepositions for c in a.children)):
                out[id(ev)] = a.head
            break
        if id(ev) not in out and (word := _infinitive_after_noun(span, tok, syntax)
                                  or _infinitive_right_after_noun(span, tok, syntax)) is not None:
            out[id(ev)] = word
    return out


def _infinitive_right_after_noun(span: Span, tok: Token, syntax: Syntax) -> Token | None:
    """The right or effort noun right before the infinitive marker of tok's clause ("Western efforts to end the
    fighting", where the parse hangs the infinitive on the main verb), or None."""
    verb = next((a for a in [tok, *tok.ancestors] if _infinitival(span, a, syntax)), None)
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in syntax.infinitive_markers
                 and c.i > span.start), None) if verb is not None else None
    word = span.doc[mark.i - 1] if mark is not None else None
    return word if word is not None and _lemma_in(word, syntax.named_contents) else None


def _infinitive_after_noun(span: Span, tok: Token, syntax: Syntax) -> Token | None:
    """The right or aim word just before the comma that opens tok's infinitive clause ("das Recht,
    Milizen anzugreifen", "darauf abzielt, Sanktionen zu verhängen"), or None. The parse often hangs such a
    clause on the main verb, so the words' order decides."""
    start, end = syntax.clause(span, tok)
    if start - 2 < span.start or span.doc[start - 1].text != ",":
        return None
    word = span.doc[start - 2]
    if not (_lemma_in(word, syntax.named_contents) or _lemma_in(word, syntax.aims)):
        return None
    inside = [a for a in [tok, *tok.ancestors] if start <= a.i < end]
    return word if any(_infinitival(span, a, syntax) for a in inside) else None


def _infinitival(span: Span, tok: Token, syntax: Syntax) -> bool:
    # the German parse leaves "anzugreifen" without morphology: its "zu" tells it
    return "Inf" in tok.morph.get("VerbForm") or (tok.pos_ in ("VERB", "AUX") and _infinitive(span, tok, syntax))


# Meetings: the kind of act another act is placed in ("agreed in talks", "at the fourth round of talks").
SETTING_TYPE = "CONSULT"


def _purposes(span: Span, kept: list[Event], syntax: Syntax) -> dict[int, Token]:
    """{id(event): the verb it is the purpose of}: an infinitive with no subject of its own hung as an
    adverbial on the verb of another act ("resigned to allow elections") tells what the doer aims at with that
    act, not a second act done. Where the verb tells no act of its own ("opened the bridge to allow the
    delivery of grain"), the purpose is how the act is told, and stays. (A purpose of the act's own type is
    that act told again: `_purpose_of`.)"""
    if not syntax.infinitive_markers or not slots.has_parse(span.doc):
        return {}
    acts = {_trigger_token(span, e).i for e in kept}
    out: dict[int, Token] = {}
    for ev in kept:
        tok = _trigger_token(span, ev)
        if tok.pos_ == "VERB" and tok.dep_ == "advcl" and tok.head.i in acts and tok.head.i < tok.i \
                and "Inf" in tok.morph.get("VerbForm") and not any(c.dep_.startswith(("nsubj", "csubj"))
                                                                   for c in tok.children) \
                and any(c.dep_ == "mark" and c.lower_ in syntax.infinitive_markers for c in tok.children):
            out[id(ev)] = tok.head
    return out


def _settings(span: Span, kept: list[Event], absorbed: list[Event], syntax: Syntax) -> dict[int, Event]:
    """{id(meeting): the act it is the setting of}: a meeting noun in a phrase that places another act
    ("reached a consensus on the second day of a multilateral conference", "accused the US of restoring the
    blackmail in the negotiations", "mediation in the talks") is where that act is told, not an act of its
    own in the sentence. Placing a meeting in a meeting tells one meeting. A meeting where the act itself was
    done is coded when it names a party of its own ("Bei Gesprächen mit einer US-Delegation hat sich die
    Ukraine ... bereit erklärt"; docs/annotation.md)."""
    if not syntax.settings or not slots.has_parse(span.doc):
        return {}
    meetings = [e for e in kept if _placed_meeting(span, e, syntax)]
    if not meetings:
        return {}
    acts: dict[int, Event] = {}  # a token -> the act whose trigger or required word it is
    for e in kept + absorbed:
        acts.update({i: e for i in _companion_tokens(span, e, syntax)})
        acts[_token_at(span, e.trigger_clean_start)] = e
    out: dict[int, Event] = {}
    for ev in meetings:
        tok = _trigger_token(span, ev)
        placed = _placed_on(tok, syntax)
        if placed is None:
            continue
        host = next((acts[a.i] for a in [placed, *placed.ancestors] if a.i in acts and acts[a.i] is not ev), None)
        if host is None:
            continue
        if host.type == SETTING_TYPE or acts.get(placed.i) is not host or not _names_a_party(tok, ev, syntax):
            out[id(ev)] = host
    return out


def _names_a_party(tok: Token, ev: Event, syntax: Syntax) -> bool:
    """Does the meeting noun name a party of its own: a partner ("talks with a US delegation"), two sides
    ("US-Soviet talks") or a side of a visit ("la visite d'Emmanuel Macron à Londres")? Not the place it is held in ("a conference in Amman"), what it is about ("negotiations
    on independence for Namibia"), or the one body whose own meeting it is ("EU-Gipfel", "the NATO summit")."""
    own = {t.idx: t for t in tok.subtree}
    sides = set()
    for m in ev.actors + ev.recipients:
        word = own.get(m.clean_start)
        while word is not None and word.i != tok.i and not any(c.dep_ == "case" for c in word.children):
            word = word.head
        if word is None:
            continue
        cases = {c.lower_ for c in word.children if c.dep_ == "case"}
        # where a visit goes is its host ("la visite d'État d'Emmanuel Macron à Londres")
        if word.i != tok.i and (word.head.i != tok.i or (cases & syntax.place_prepositions and m not in ev.recipients)):
            continue
        if cases & syntax.partner_prepositions:
            return True
        sides.add(m.code)  # in the word, its genitive ("EU-Gipfel", "sommet de l'UE") or a visit's destination
    # a visit (it has a recipient) goes from one side to another: naming either is naming a party of its own
    return len(sides) > (0 if ev.recipients else 1)


def _placed_meeting(span: Span, ev: Event, syntax: Syntax) -> bool:
    """Is ev a meeting noun in a phrase that places something ("in the talks", "bei Gesprächen")?"""
    return (ev.type == SETTING_TYPE and ev.rule is not None and ev.rule.pos == "NOUN" and bool(syntax.settings)
            and slots.has_parse(span.doc) and _placed_on(_trigger_token(span, ev),
                                                         syntax) is not None)


def _placed_on(tok: Token, syntax: Syntax) -> Token | None:
    """The word a noun's setting phrase hangs on: the noun's own ("in the talks") or that of a noun it is
    part of ("at the fourth round of talks", "on the second day of a conference")."""
    for _ in range(3):
        # what a stance is about ("opposé à la médiation") is not where it is taken
        if tok.head.i == tok.i or tok.dep_.split(":")[0] not in ("obl", "nmod") or _stance(tok.head, syntax):
            return None
        if any(c.dep_ == "case" and c.lower_ in syntax.settings for c in tok.children):
            return tok.head
        if tok.head.lower_ in syntax.settings:  # "lors du deuxième jour": the parse made "lors" the head
            return tok.head.head
        if tok.head.pos_ not in ("NOUN", "PROPN"):
            return None
        tok = tok.head
    return None


def _condition_word(mark: Token, syntax: Syntax) -> bool:
    """Is the subordinator `mark` a condition word, alone ("if", "falls") or as the last word of one ("à moins
    que", where the parse marks only "que")?"""
    doc = mark.doc
    for words in syntax.conditions:
        parts = words.split()
        start = mark.i - len(parts) + 1
        if start >= 0 and [t.lower_ for t in doc[start:mark.i + 1]] == parts:
            return True
    return False


def _holds_content(span: Span, v: Event, ev: Event, syntax: Syntax, framing: frozenset[str]) -> bool:
    """Is ev the content of the verbal act v?"""
    if v is ev or v.trigger_clean_start == ev.trigger_clean_start:
        return False  # one word split into events for each party ("Beide ... unterstützen") holds none of them
    e_tok = _trigger_token(span, ev)
    v_tok = _trigger_token(span, v)
    if e_tok.head.i == v_tok.i and e_tok.dep_ in ("obj", "nsubj:pass") and v.rule is not None and \
            v.rule.lemma.lower() in framing:
        return False  # "rejected the EU's demand": the demand was made all the same; only what it asks is refused
    if (ev.rule is not None and ev.rule.pos == "NOUN" and ev.type != v.type and v.rule is not None
            and e_tok.head.i == v_tok.i and e_tok.dep_.split(":")[0] == "obl" and slots.has_parse(span.doc)):
        # "conceded to demands", "opposed to mediation": an act's noun in an oblique slot of the verbal act's
        # own entry is what the act answers, not an act of its own; so is one in the oblique the entry needs
        # to be that act at all ("called for sanctions against X": what is asked for)
        cases = {slot.partition(":")[2] for slot in (*v.rule.actor, *v.rule.recipient, *v.rule.with_)
                 if slot.startswith("obl:")}
        if cases & slots.case_words(e_tok):
            return True
    return _is_content(span, e_tok, v_tok, syntax)


def _hosted_by(ev: Event, host: Event, out: dict) -> bool:
    """Is ev, directly or through its own host, the content of host? (Then host cannot be ev's content:
    where the parse is not trusted, two acts of one clause would otherwise swallow each other.)"""
    seen = set()
    while id(ev) in out and id(ev) not in seen:
        seen.add(id(ev))
        ev = out[id(ev)]
        if ev is host:
            return True
    return False


def _looked_into(span: Span, ev: Event, inquiry: Event, syntax: Syntax) -> bool:
    """Is ev's word inside what an investigation looks into (the phrase of its recipient slots)?"""
    if inquiry is ev or inquiry.rule is None or not slots.has_parse(span.doc):
        return False
    tok = _trigger_token(span, inquiry)
    at = _token_at(span, ev.trigger_clean_start)
    return any(at in slots.phrase_tokens(h) for slot in inquiry.rule.recipient
               for h in slots.slot_heads(tok, slot, syntax.passive_agent, complementizers=syntax.complementizers))


# Acts that answer a statement: a demand rejected or accepted was addressed to whoever answers it.
ANSWER_TYPES = ("REJECT", "AGREE")


def _unmade_statements(span: Span, events: list[Event], syntax: Syntax, ontology) -> None:
    """A statement (demand, appeal, offer, accusation) named as the object of another act ("rejected a call for
    peacekeepers", "dismissed an appeal from X") is not made by whoever acts on it: only its own phrase names
    its maker. Word order or the governing verb's subject would make the rejecter ask. One that is answered
    ("rejected a U.S. request to interrogate detainees") was addressed to whoever answers it, unless its own
    phrase or the subject of its content clause names another: what it asks for names no party to it (a
    that-clause may, where the parse loses its subject: then it is left as it is)."""
    if not slots.has_parse(span.doc):
        return
    verbs = {_token_at(span, e.trigger_clean_start): e for e in events if e.rule is not None and e.rule.pos == "VERB"}
    for ev in events:
        if ev.rule is None or ev.rule.pos != "NOUN" or not ev.actors \
                or ontology.quad_class(ev.type) not in ABSORBING_QUADS:
            continue
        tok = _trigger_token(span, ev)
        outer = verbs.get(tok.head.i)
        if outer is None or outer.type == ev.type or tok.dep_ not in ("obj", "nsubj:pass") \
                or any(_is_word(tok.head, w) for w in ev.rule.words):
            continue  # the noun's own light verb ("launched an investigation") does tell who made it
        own = {span.doc[i].idx for i in slots.phrase_tokens(tok)}
        if not any(m.clean_start in own for m in ev.actors) and \
                {m.code for m in ev.actors} <= {m.code for m in outer.actors}:
            ev.actors = []
            ev.notes.append(f"actor: none of its own; {outer.trigger_text!r} acts on it")
        elif outer.type in ANSWER_TYPES and outer.actors:
            asked = own | {span.doc[i].idx for h in slots.slot_heads(tok, "ccomp_subj", syntax.passive_agent,
                                                                     complementizers=syntax.complementizers)
                           for i in slots.phrase_tokens(h)}
            told = any(c.lower_ in syntax.complementizers for t in tok.subtree for c in t.children if c.dep_ == "mark")
            if ev.recipients and not told and not any(m.clean_start in asked for m in ev.recipients):
                ev.recipients = [m for m in outer.actors if m.code not in {a.code for a in ev.actors}]
                ev.notes.append(f"recipient: who answers it with {outer.trigger_text!r}")


def _spare_investigators(span: Span, events: list[Event], syntax: Syntax) -> None:
    """An act an investigation looks into ("investigation into killings by Ethiopian troops") is not done
    to the investigators, unless its own phrase names them: word order must not make them its victims."""
    for inquiry in [e for e in events if e.mode == "investigate" and e.actors]:
        investigators = {m.code for m in inquiry.actors}
        for ev in events:
            if ev.type == "ACCUSE" or not ev.recipients or not _looked_into(span, ev, inquiry, syntax):
                continue
            phrase = slots.phrase_tokens(_trigger_token(span, ev))
            kept = [m for m in ev.recipients if m.code not in investigators
                    or any(span.doc[i].idx == m.clean_start for i in phrase)]
            if len(kept) < len(ev.recipients):
                ev.recipients = kept
                ev.notes.append(f"recipient: not the investigators of {inquiry.trigger_text!r}")


def _companion_tokens(span: Span, ev: Event, syntax: Syntax) -> set[int]:
    """Positions of the words an event's entry required with its trigger (`with`: "aid" of "halted aid",
    "talks" of "suspended talks"): they belong to its phrase."""
    if ev.rule is None or not ev.rule.with_:
        return set()
    tok = _trigger_token(span, ev)
    start, end = syntax.event_scope(span, tok)
    return {t.i for t in list(tok.children) + list(span.doc[start:end])
            if t.i != tok.i and any(_is_word(t, w) or _compound_of(t, w, syntax) for w in ev.rule.words)}


def _protest_topic(span: Span, ev: Event, protest: Event, syntax: Syntax) -> bool:
    """Does ev say what a protest is for ("blocked roads demanding reforms", "a hunger strike to demand his
    release")? It is a purpose or participle clause of the protest: hung on the protest word, its light
    verb or its object ("blocked roads"), or, where the parse hangs it on a nearby noun ("in the capital
    demanding ..."), a subjectless -ing or to-clause after the protest with no clause of its own in between.
    A protest word in a bare phrase of the protest ("staged a hunger strike in protest against ...", "aus
    Protest gegen") names the same act again; with an article or in the plural ("clashed during a protest",
    "marched after protests in Mombasa") it is another."""
    e_tok = _trigger_token(span, ev)
    p_tok = _trigger_token(span, protest)
    if e_tok.i == p_tok.i:
        return False
    heads = {p_tok.i} | ({p_tok.head.i} if p_tok.pos_ in ("NOUN", "PROPN") else set())
    if ev.type == protest.type and e_tok.head.i in heads and _bare_phrase(e_tok):
        return True
    if e_tok.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    if e_tok.head.i in heads or (e_tok.head.dep_ in ("obj", "xcomp") and e_tok.head.head.i in heads):
        return True
    nonfinite = "Ger" in e_tok.morph.get("VerbForm") or any(
        c.dep_ == "mark" and c.lower_ in syntax.infinitive_markers for c in e_tok.children)
    return (nonfinite and e_tok.i > p_tok.i and not any(c.dep_.startswith("nsubj") for c in e_tok.children)
            and not any(_finite_clause(t) for t in span.doc[p_tok.i + 1 : e_tok.i]))


def _bare_phrase(tok: Token) -> bool:
    """A singular noun phrase without article hung on a verb or noun ("in protest", "aus Protest")."""
    return tok.dep_.split(":")[0] in ("obl", "nmod") and "Plur" not in tok.morph.get("Number") \
        and not any(c.dep_.startswith("det") for c in tok.children)


def _finite_clause(tok: Token) -> bool:
    """Does tok open a clause of its own: a finite verb (or its auxiliary) with a subject? A noun the tagger
    took for a finite verb ("blocked roads" read as "roads" VBZ) has none."""
    if "Fin" not in tok.morph.get("VerbForm"):
        return False
    verb = tok.head if tok.dep_ in ("aux", "aux:pass", "cop") else tok
    return any(c.dep_.startswith("nsubj") or c.dep_.startswith("csubj") for c in verb.children)


def _refuses_act(span: Span, ev: Event, syntax: Syntax) -> bool:
    """A refusal ("refused to meet Y", "rejected an offer of talks") holds the act refused, which does not
    happen: it is no event of its own. Rejecting a claim ("rejected reports that ...", "dismissed claims")
    or a that-clause is a denial, and declining to confirm leaves a claim open: the act stays, with its
    status."""
    if ev.rule is None or ev.rule.lemma.lower() not in syntax.refusal_verbs | syntax.rejection_verbs:
        return False
    tok = _trigger_token(span, ev)
    return not any(c.dep_ == "ccomp" or _lemma_in(c, syntax.confirm_verbs) or (
        c.dep_ in ("obj", "nsubj:pass") and _lemma_in(c, syntax.claim_nouns)) for c in tok.children)


def _target_from_content(host: Event, content: Event) -> None:
    """A threat or promise that names nobody is aimed at whom its content is: "threatened to deliver
    blows to the United States" threatens the United States; a demand at whom it asks to act. A protest
    whose purpose is a protest is one act told twice ("began a hunger strike to protest against Sweden's decision"): the purpose says against
    whom, over the target the strike had by default. A verb that tells the act of a pair's entry ("granted" of
    "granted asylum") takes the kind that entry names."""
    if host.type == content.type != "PROTEST" and _kind_named(content) and not _kind_named(host):
        host.mode, host.cameo, host.contexts = content.mode, content.cameo, list(content.contexts)
    if host.type == content.type == "PROTEST" and content.recipients:
        host.recipients = list(content.recipients)
        host.notes.append(f"recipient: the target of its purpose {content.trigger_text!r}")
        return
    if host.recipients:
        # a reaction to an act is aimed at its doer, not at those it was done to or with ("opposed to French
        # mediation with Syria" opposes France), and a demand is addressed to whom it asks to act ("demanded
        # the withdrawal of Serbian forces from Bosnia" asks Serbia), whichever word of the act's phrase the
        # parse hung them on
        def where(m):
            return m.clean_start, m.clean_end

        by = {where(m) for m in content.actors}
        done_to = {where(m) for m in content.recipients} - by
        if any(where(m) in done_to for m in host.recipients):
            kept = [m for m in host.recipients if where(m) not in done_to]
            if host.type == "REQUEST" and not any(where(m) in by for m in kept):
                kept += [m for m in content.actors if m.code not in {d.code for d in host.actors}]
            if any(where(m) in by for m in kept):
                host.recipients = kept
                host.notes.append(f"recipient: the doer of its content {content.trigger_text!r}, not its target")
    if host.recipients or (host.rule is not None and host.rule.reciprocal):
        return
    doers = {m.code for m in host.actors}
    spans = {(m.clean_start, m.clean_end) for m in host.actors}
    if host.type == "REQUEST":
        # a demand is addressed to whom it asks to act ("demanded that the US cancel plans to sell arms to
        # Taiwan" asks the US), never to the target of the act it asks for
        asked = [m for m in content.actors if (m.clean_start, m.clean_end) not in spans and m.code not in doers]
        if asked:
            host.recipients = asked
            host.notes.append(f"recipient: the doer of its content {content.trigger_text!r}")
        return
    # a content done at home ("threatened to ban Ugandan opposition candidates", "to impose a curfew in
    # Algiers") keeps the compatriot target its own coding allowed; the threatener itself never is one,
    # but its state is when the content is aimed there by default ("declined to resign": its own people)
    home = content.type in DOMESTIC_TYPES
    targets = [m for m in content.recipients if m.how == "domestic" or (
        (m.clean_start, m.clean_end) not in spans and (m.code not in doers or home))]
    if targets:
        host.recipients = targets
        host.notes.append(f"recipient: the target of its content {content.trigger_text!r}")


# What a promise may hold that makes it a threat: force, coercion, punishment (PLOVER: THREATEN is such an act
# announced; "vowed to fight", "a juré de se venger"). A promised protest or deployment is no threat of itself.
THREAT_CONTENTS = ("ASSAULT", "COERCE", "SANCTION")


def _threat_from_promise(span: Span, host: Event, content: Event, syntax: Syntax, ontology) -> None:
    """A one-sided promise whose own content is force, coercion or punishment ("vowed to fight until ...",
    "schwor, die Stadt anzugreifen", "a promis d'expulser les diplomates") is a threat (PLOVER THREATEN,
    as the lexicon codes "vowed to retaliate"); a promise not to use force ("vowed never to attack") stays
    a promise. The threat's mode is the content's where THREATEN has it, and violence for force of arms."""
    if host.type != "AGREE" or content.type not in THREAT_CONTENTS or host.rule is None or host.rule.reciprocal:
        return
    if not slots.has_parse(span.doc):
        return
    tok = _trigger_token(span, content)
    if tok.head.i != _token_at(span, host.trigger_clean_start) or any(
            c.lower_ in syntax.negation or c.lemma_.lower() in syntax.negation for c in tok.children):
        return
    mode = content.mode if content.mode and ontology.is_mode("THREATEN", content.mode) else (
        "violence" if content.type == "ASSAULT" else None)
    host.notes.append(f"AGREE -> THREATEN: its content {content.trigger_text!r} is {content.type}")
    host.type, host.mode, host.cameo = "THREATEN", mode, ontology.cameo("THREATEN", mode)


def _kind_named(ev: Event) -> bool:
    """Does ev's entry say what kind of act it is (a mode or contexts of its own)?"""
    return ev.rule is not None and bool(ev.rule.mode or ev.rule.contexts)


def _trigger_token(span: Span, ev: Event) -> Token:
    """The token of ev's trigger word in the sentence's parse."""
    return span.doc[_token_at(span, ev.trigger_clean_start)]


def _token_at(span: Span, clean_start: int) -> int:
    # token offsets rise through the sentence: a binary search reads a few tokens, not all of them
    k = bisect.bisect_left(span, clean_start, key=lambda t: t.idx)
    return span[k].i if k < len(span) and span[k].idx == clean_start else span.start


def _is_content(span: Span, e_tok: Token, v_tok: Token, syntax: Syntax) -> bool:
    if e_tok.dep_ == "conj" and e_tok.head.i == v_tok.i:  # "rejeté ... et exigé": a second act, not content
        return False
    if slots.has_parse(span.doc) and syntax.trust_parse:
        # content hangs from the verbal act as its complement (xcomp, ccomp, object, argument oblique);
        # an adjunct ("à l'occasion de la visite") is circumstance
        path = e_tok
        # spaCy makes a new Token object on every access: compare positions, never identity
        while path.head.i != path.i and path.head.i != v_tok.i:
            if (path.dep_ in SEPARATE_DEPS or slots.relative_acl(path) or _subordinate_clause(path, syntax)) \
                    and not _shared_conjunct(path, syntax):
                return False  # "the agreement that Congo and Rwanda signed": a relative clause tells its own act
            path = path.head
        if path.head.i != v_tok.i or path.i == v_tok.i:
            return False
        # "threatened to attack": parsers often call the infinitive an adverbial clause, and a "that" clause too
        # ("issued a reminder to Iraq that it must cooperate"); on an act's noun they call it acl ("its refusal
        # to accept the plan")
        infinitive = (path.dep_ == "advcl" or (path.dep_ == "acl" and v_tok.pos_ in ("NOUN", "PROPN"))) and any(
            c.lower_ in syntax.infinitive_markers for c in path.children if c.dep_ == "mark")
        # "rejected a proposal for signing a trade agreement": what a refusal turns down may be a gerund after a
        # preposition that does not make it a second act of the same doer (after, by, without:
        # `gerund_prepositions`); elsewhere such a gerund may be a reason ("praised X for supplying ...")
        gerund = path.dep_ == "advcl" and slots.participle(path) and _lemma_in(
            v_tok, syntax.refusal_verbs | syntax.rejection_verbs) and any(
            c.dep_ == "mark" and c.lower_ not in syntax.gerund_prepositions for c in path.children)
        # "its demand that Israel ease ...": a clause opened by a complementizer completes the act's noun (a
        # relative clause has a pronoun, not a complementizer, whatever label the parse gives it)
        completes = path.dep_ in ("acl", "acl:relcl", "relcl") and v_tok.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "mark" and c.pos_ == "SCONJ" and c.lower_ in syntax.complementizers for c in path.children)
        return (path.dep_ in CONTENT_DEPS or infinitive or gerund or completes
                or (path.dep_ == "advcl" and _content_clause(path, syntax))
                or (path.dep_.startswith("obl") and bool(_stance(v_tok, syntax))))  # "opposed to French mediation"
    start, end = syntax.clause(span, v_tok)
    if start <= e_tok.i < end:
        # an event noun holds its own complements, never the verb that governs it ("die Forderung der
        # Kommission zurückgewiesen" rejects the demand)
        return not (v_tok.pos_ in ("NOUN", "PROPN") and e_tok.pos_ in ("VERB", "AUX"))
    if _next_content_clause(span, e_tok, end, syntax):
        return True  # "verlangte, dass Russland seine Truppen abzieht"
    marker = span.doc[e_tok.i - 1].lower_ if e_tok.i > span.start else ""
    infinitive = marker in syntax.infinitive_markers or _zu_infix(e_tok)
    return infinitive and 0 < e_tok.i - v_tok.i <= 12


def _subordinate_clause(tok: Token, syntax: Syntax) -> bool:
    """A clause on a noun with its own subject, opened by a subordinator that is no complementizer ("the
    scene of violence, as authorities in Croatia cracked down on ..."): an adverbial clause the parse hung on
    the nearest noun, telling an act of its own."""
    return tok.dep_ == "acl" and any(c.dep_.startswith("nsubj") for c in tok.children) and any(
        c.dep_ == "mark" and c.pos_ == "SCONJ" and c.lower_ not in syntax.complementizers
        and c.lower_ not in syntax.infinitive_markers for c in tok.children)


def _next_content_clause(span: Span, e_tok: Token, v_end: int, syntax: Syntax) -> bool:
    """Without a parse to trust: is e_tok in a clause opened by a complementizer ("dass") right after the
    clause that ends at v_end, with nothing but punctuation between?"""
    start = syntax.clause(span, e_tok)[0]
    return start >= v_end and span.doc[start].lower_ in syntax.complementizers and all(
        t.text in syntax.clause_breaks for t in span.doc[v_end:start])


def _shared_conjunct(tok: Token, syntax: Syntax) -> bool:
    """A second infinitive joined to a first ("agreed to resume flights and to restart patrols"): no
    subject of its own, its own infinitive marker, so it shares the frame of the first. A German particle
    verb carries its marker inside ("Hilfe zu leisten und zusammenzuarbeiten")."""
    if tok.dep_ not in slots.CONJ or any(c.dep_ in slots.SUBJ or c.dep_.startswith("nsubj") for c in tok.children):
        return False

    def infinitive(t: Token) -> bool:
        return _zu_infix(t) or any(c.dep_ == "mark" and c.lower_ in syntax.infinitive_markers for c in t.children)

    return infinitive(tok) and infinitive(tok.head)


def _zu_infix(tok: Token) -> bool:
    """German particle verbs take "zu" inside: "abzuziehen", "zusammenzuarbeiten" (whose particle itself
    starts with "zu", so every "zu" of the word is tried)."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low == lemma:
        return False
    at = low.find("zu", 1)
    while at > 0:
        if low[:at] + low[at + 2:] == lemma:
            return True
        at = low.find("zu", at + 1)
    return False


def _trace(doc: Document, sent: Sentence, cand: Candidate | None, note: str, ev: Event | None = None) -> None:
    trigger = cand.token.text if cand is not None else (ev.trigger_text if ev is not None else None)
    rule = cand.trigger.id if cand is not None else (ev.rule.id if ev is not None and ev.rule is not None else None)
    doc.trace.append({"stage": "events", "sentence": sent.index, "trigger": trigger, "rule": rule, "note": note})


def _why_dropped(ev: Event) -> str:
    if not ev.actors:
        return "no actor found (neither in the parse slots nor by word order in its clause)"
    if _topic_only(ev):
        return "event noun (or targeted entry) without a recipient, or a joint one with one party: not an act"
    return "dropped"


def _topic_only(ev: Event) -> bool:
    """An event noun with nobody on the receiving end ("UN-Sanktionen" as a heading), or a joint one
    ("Kampf", "Treffen") with a single party, names a topic, not an act; a verb with the same gap
    still asserts one."""
    trig = ev.rule
    if trig is not None and trig.targeted and not ev.recipients:
        return True  # "said it must invest more": an obligation on oneself demands nothing of anyone
    if trig is None or trig.pos != "NOUN":
        return False
    if trig.reciprocal:
        return len({m.code for m in ev.actors}) < 2
    return bool(trig.recipient) and not ev.recipients


def _mentions_inside_token(tok: Token, mentions: list[Mention], tok_of) -> list[Mention]:
    """Mentions that are part of the trigger token itself (a compound such as "UN-Sanktionen")."""
    return [m for m in mentions if tok_of.get(id(m)) == (tok.i, tok.i + 1)]


def _fill(trigger: Token, slot_names, mentions, tok_of, syntax: Syntax, skip: set[int] = frozenset()) -> list[Mention]:
    stance = _stance(trigger, syntax)
    for slot in slot_names:
        heads = stance[slot] if slot in stance else slots.slot_heads(trigger, slot, syntax.passive_agent,
                                                                     complementizers=syntax.complementizers)
        heads = [h for h in heads if h.i not in skip]
        found: list[Mention] = []
        for head in heads:
            own = [m for m in mentions if id(m) in tok_of and tok_of[id(m)][0] <= head.i < tok_of[id(m)][1]
                   and tok_of[id(m)] != (trigger.i, trigger.i + 1)]
            if own and all(m.code != "UNK" for m in own):
                # a name heads the phrase, or a coded group ("belarussische Einheiten an der Grenze zu
                # Litauen"): it is the party, not the names hung on it; but the names coordinated with it
                # are parties too ("la France, l'Allemagne et l'Italie")
                conjuncts = slots.conjunct_tokens(head)
                found += own + [m for m in mentions if id(m) in tok_of and m not in own
                                and any(tok_of[id(m)][0] <= c < tok_of[id(m)][1] for c in conjuncts)]
                continue
            phrase = slots.phrase_tokens(head)
            found += [m for m in mentions if id(m) in tok_of and tok_of[id(m)][0] in phrase
                      and tok_of[id(m)] != (trigger.i, trigger.i + 1)]
        if found:
            return _unique(found)
    return []


def _stance(trigger: Token, syntax: Syntax) -> dict[str, list[Token]]:
    """The slots of a participle that states a stance in the passive's form ("Israel is opposed to French
    mediation", "Israël est opposé à la médiation"): its subject holds the stance (the active subject) and its
    oblique is what the stance is about (the active object). Empty for any other trigger, and for a real
    passive, one that names its agent. The parse may also make it an adjective with a copula ("is/cop
    opposed/ADJ"), its holder a plain subject."""
    if not _lemma_in(trigger, syntax.stances):
        return {}
    copular = trigger.pos_ == "ADJ" and any(c.dep_ == "cop" for c in trigger.children)
    if copular:
        # a by-agent, labelled so or a plain oblique with the agent's preposition, makes it a real passive
        if any(c.dep_ == "obl:agent" or (c.dep_ == "obl" and slots.case_words(c) & set(syntax.passive_agent))
               for c in trigger.children):
            return {}
    elif not slots.is_passive(trigger) or slots.slot_heads(trigger, "subj", syntax.passive_agent, inherit=False):
        return {}
    holders = slots.PASS_SUBJ | ({"nsubj"} if copular else set())
    return {"subj": [c for c in trigger.children if c.dep_ in holders],
            "obj": [c for c in trigger.children if c.dep_.split(":")[0] == "obl" and slots.case_words(c)]}


def _investigated(trigger: Token, trig: Trigger, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """Who an investigation is aimed at: the doer of the act it looks into ("investigating alleged war
    crimes by Croatian extremists against Serb civilians" investigates the extremists, not their victims),
    or the one an allegation it examines is made against ("allegations that Ugandan soldiers crossed")."""
    if trig.mode != "investigate" or not trig.recipient:
        return []
    heads = [h for slot in trig.recipient for h in slots.slot_heads(trigger, slot, syntax.passive_agent,
                                                                    complementizers=syntax.complementizers)]
    if not heads:
        return []
    # the doer's own name and those coordinated with it, not the victims hung on it ("by X against Y")
    doers = [i for d in slots.doers_within(trigger, heads, syntax.passive_agent)
             for i in {d.i} | slots.conjunct_tokens(d)]
    found = [m for i in doers for m in mentions if id(m) in tok_of and tok_of[id(m)][0] <= i < tok_of[id(m)][1]
             and tok_of[id(m)] != (trigger.i, trigger.i + 1)]
    return _unique(found)


def _pronoun_antecedent(trigger: Token, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """A subject pronoun the actor stage left unresolved ("it", "they") in a clause that hangs from
    another clause stands for that clause's subject: "Belarus said it had moved troops", "companies it
    accused of". The speaker is allowed here: a speaker reporting its own act is its doer."""
    heads = slots.slot_heads(trigger, "subj", syntax.passive_agent, inherit=False)
    if not heads or any(h.pos_ != "PRON" or _relative_word(h, syntax) for h in heads):
        return []
    if any(id(m) in tok_of and tok_of[id(m)][0] == h.i for m in mentions for h in heads):
        return []  # the actor stage resolved it; it was excluded for a reason
    governing = trigger.head
    if trigger.dep_ in ("acl:relcl", "relcl", "acl"):
        # "imposed sanctions on companies it accused": who imposed (the nearest head with a subject;
        # a weak parse may root the sentence in a noun)
        governing = trigger.head
        while governing.head.i != governing.i and not any(c.dep_ in slots.SUBJ for c in governing.children):
            governing = governing.head
    if governing.i == trigger.i:
        return []
    return _fill(governing, ("subj",), mentions, tok_of, syntax)


def _noun_phrase_after(span: Span, noun: Token, slot_names, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """An event noun's target phrase that the parse hung elsewhere ("une frappe contre/obl:mod->refusé un
    navire iranien"): the first phrase after the noun introduced by a preposition of its `nmod:` slots, with no
    verb and no clause break between."""
    cases = {s.partition(":")[2] for s in slot_names if s.startswith("nmod:")}
    if not cases:
        return []
    _, end = syntax.clause(span, noun)
    for t in span.doc[noun.i + 1 : end]:
        if t.pos_ in ("VERB", "AUX"):
            return []
        if t.pos_ == "ADP" and any(_is_word(t, c) for c in cases) and t.head.i != noun.i:
            phrase = slots.phrase_tokens(t.head) if t.head.i > t.i else set()
            return _unique([m for m in mentions if id(m) in tok_of and tok_of[id(m)][0] in phrase])
    return []


def _speaker_as_we(trigger: Token, mentions, speakers: set[int], syntax: Syntax) -> list[Mention]:
    """A first-person subject in the words of the sentence's speaker ('„Wir haben ... ermöglicht“, sagte
    der türkische Innenminister', '"We sent two battalions," Tusk said') is the speaker, or the state or
    body they speak for."""
    heads = slots.slot_heads(trigger, "subj", syntax.passive_agent)
    if not heads or any(h.pos_ != "PRON" or "1" not in h.morph.get("Person") for h in heads):
        return []
    return [m for m in mentions if id(m) in speakers]


def _possessor_antecedent(trigger: Token, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """An event noun's possessive pronoun the actor stage left unresolved ("insisted on its demands",
    "a réitéré sa demande") stands for the subject of the verb the noun hangs from."""
    heads = slots.slot_heads(trigger, "poss", syntax.passive_agent)
    if not heads or any(h.pos_ not in ("PRON", "DET") for h in heads):
        return []
    if any(id(m) in tok_of and tok_of[id(m)][0] == h.i for m in mentions for h in heads):
        return []  # the actor stage resolved it; it was excluded for a reason
    governing = slots.governing_verb(trigger)
    if governing is None:
        return []
    return _fill(governing, ("subj",), mentions, tok_of, syntax) or _pronoun_antecedent(governing, mentions, tok_of,
                                                                                      syntax)


def _object_pronoun_antecedent(trigger: Token, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """An unresolved object pronoun in an adverbial or coordinated clause stands for the object of the
    clause it hangs from: "expelled Russia's defence attaché, accusing him of spying"."""
    heads = slots.slot_heads(trigger, "obj", syntax.passive_agent)
    if not heads or any(h.pos_ != "PRON" or _relative_word(h, syntax) for h in heads):
        return []
    if any(id(m) in tok_of and tok_of[id(m)][0] == h.i for m in mentions for h in heads):
        return []
    if trigger.dep_ not in ("advcl", "conj") or trigger.head.i == trigger.i:
        return []
    return _fill(trigger.head, ("obj",), mentions, tok_of, syntax)


def _relative_word(tok: Token, syntax: Syntax) -> bool:
    return "Rel" in tok.morph.get("PronType") or tok.lower_ in syntax.relative_pronouns


def _unique(mentions: list[Mention]) -> list[Mention]:
    """One mention per actor code, preferring the most specific (a person, or one with a sector)."""
    best: dict[str, Mention] = {}
    for m in mentions:
        kept = best.get(m.code)
        if kept is None or (kept.sector is None and m.sector is not None) or (kept.kind != "person" and m.kind == "person"):
            best[m.code] = m
    return list(best.values())


def _after_in_clause(span: Span, trigger: Token, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """Mentions after the trigger in its clause, in text order."""
    _, end = syntax.clause(span, trigger)
    return sorted((m for m in mentions if id(m) in tok_of and trigger.i < tok_of[id(m)][0] < end),
                  key=lambda m: tok_of[id(m)][0])


def _own_phrase(trig: Trigger, token: Token, mentions, tok_of, syntax: Syntax) -> bool:
    """Does an event noun name its doer inside its own phrase ("die Forderung der EU-Kommission")? Even a
    weak parser gets a noun's genitive or possessor right, better than word order in the clause."""
    inner = tuple(s for s in trig.actor if s == "poss" or s.startswith("nmod:"))
    return (trig.pos == "NOUN" and not trig.reciprocal and bool(inner)
            and bool(_fill(token, inner, mentions, tok_of, syntax)))


def _in_phrase_of_preposition(span: Span, group: list[Mention], tok_of) -> bool:
    """Does a mention group stand in a prepositional phrase that is not part of a noun phrase outside
    one ("Bei Gesprächen mit einer US-Delegation": yes; "Der Generalstab in Seoul": no, Seoul names the
    subject's seat)?"""
    return _after_preposition(span, tok_of[id(group[0])][0])


def _after_preposition(span: Span, i: int, depth: int = 0) -> bool:
    i -= 1
    while i >= span.start and span.doc[i].pos_ in ("DET", "ADJ", "NUM"):
        i -= 1
    if i < span.start or span.doc[i].pos_ != "ADP":
        return False
    before = i - 1
    if before < span.start or span.doc[before].pos_ not in ("NOUN", "PROPN") or depth > 3:
        return True
    return _after_preposition(span, before, depth + 1)  # the preposition hangs on a noun: is that in one?


def _by_order(span: Span, trigger: Token, mentions, tok_of, syntax: Syntax, reciprocal: bool,
              destination: bool = False):
    """Participants by word order inside the trigger's clause, when the parse gives none. With
    `destination` (aid sent somewhere), a country named as the place it goes to is its recipient."""
    if (slots.has_parse(span.doc) and trigger.pos_ == "NOUN" and trigger.dep_.split(":")[0] in ("obl", "nmod")
            and slots.case_words(trigger) & syntax.earlier_markers):
        # "set fire to offices following the killing of an Israeli": an earlier act, another's; only its own
        # phrase names its parties, not the clause it is dated by
        return [], []
    c_start, c_end = syntax.clause(span, trigger)
    inside = [m for m in mentions if id(m) in tok_of and c_start <= tok_of[id(m)][0] < c_end
              and tok_of[id(m)] != (trigger.i, trigger.i + 1)]
    groups = [g for g in mention_groups(span, inside, tok_of, syntax.coordinators)
              if destination or not _is_place_phrase(span, g, tok_of, syntax)]
    passive = _looks_passive(span, trigger, c_start, c_end, syntax)
    if reciprocal and passive:
        # "the ceasefire agreement signed in March": a joint act in the passive has as parties only those
        # named after the agent or a partner word ("signed by X and Y", "signed between X and Y")
        words = set(syntax.passive_agent) | syntax.partner_prepositions
        return [m for g in groups if span.doc[tok_of[id(g[0])][0] - 1].lower_ in words for m in g], []
    if reciprocal:
        return [m for g in groups for m in g], []
    if passive:
        # the doer, if named at all, follows "von"/"by"/"par"; everyone else is acted upon
        agent = [g for g in groups if span.doc[tok_of[id(g[0])][0] - 1].lower_ in syntax.passive_agent]
        others = [g for g in groups if not agent or g is not agent[0]]
        return (agent[0] if agent else []), (others[0] if others else [])
    if _infinitive(span, trigger, syntax):
        # "um Russland zu helfen": no subject in the clause; its doer is the one before it
        # its object is the first party outside a prepositional phrase ("die Ukraine auch nach dem
        # Machtwechsel in Washington weiter zu unterstützen")
        bare = [g for g in groups if not _in_phrase_of_preposition(span, g, tok_of)]
        return _controller(span, c_start, mentions, tok_of, syntax), (bare[0] if bare else groups[-1] if groups else [])
    before = _before_aside(span, c_start, mentions, tok_of, syntax) + \
        [g for g in groups if tok_of[id(g[0])][0] < trigger.i]
    after = [g for g in groups if tok_of[id(g[0])][0] > trigger.i]
    if not before and _continues_clause(span, trigger, c_start):
        # "..., but was still refusing admittance to Ghanaians", "..., charging its neighbour with": a verb
        # that opens its clause without a subject shares the one of the clause before; a party after it
        # is acted upon
        return _controller(span, c_start, mentions, tok_of, syntax), (after[0] if after else [])
    # (where the pack distrusts the parse, only a verb's own subject counts, and word order before it stands)
    subject = _subject_before(trigger, syntax, syntax.trust_parse) if slots.has_parse(span.doc) else None
    if subject is not None:
        # "it would prohibit aid to Albanian rebels and would deny entry to ...": the doer is named no later
        # than the verb's (own or shared) subject phrase, not among the first verb's objects nor in a clause
        # on the subject ("Muslim hackers angered by cartoons of the Prophet have defaced"); "Hundreds of
        # people blocked streets in defiance of Chinese authorities": a subject naming no party leaves the
        # doer unnamed, and nobody after the verb is its doer
        if syntax.trust_parse:
            last = max((i for i in slots.phrase_tokens(subject) if not span.doc[i].is_punct), default=subject.i)
            before = [g for g in before if tok_of[id(g[0])][0] <= last]
        if not before:
            return [], (after[0] if after else [])
    if syntax.actor_order == "first_in_clause":
        ordered = before + after
        # a fronted prepositional phrase ("Bei Gesprächen mit einer US-Delegation hat sich die Ukraine
        # ... erklärt") comes before the subject; the subject is the first group outside one
        bare = [g for g in ordered if not _in_phrase_of_preposition(span, g, tok_of)]
        actors = bare[0] if bare else (ordered[0] if ordered else [])
        rest = [g for g in ordered if g is not actors]
        return actors, (rest[0] if rest else [])
    actors = before[-1] if before else (after.pop(0) if after else [])
    return actors, (after[0] if after else [])


def _before_aside(span: Span, c_start: int, mentions, tok_of, syntax: Syntax) -> list[list[Mention]]:
    """A clause that starts right after a relative clause set off by commas ("Präsidentin X, die sich auf
    die Seite der Protestierenden gestellt hat, forderte ...", "the minister, who met Y, said") continues
    before it: the mention groups of that first part, which holds the subject."""
    doc = span.doc
    close = c_start - 1
    if close <= span.start or doc[close].text != ",":
        return []
    a_start = syntax.clause(span, doc[close - 1])[0]  # the aside: back to the comma that opens it
    opener = a_start - 1
    first = doc[a_start] if a_start < close else None
    if first is not None and first.pos_ == "ADP" and a_start + 1 < close:
        first = doc[a_start + 1]  # "auf die", "with whom"
    if opener <= span.start or doc[opener].text != "," or first is None or not _relative_word(first, syntax):
        return []
    p_start = syntax.clause(span, doc[opener - 1])[0]
    return mention_groups(span, [m for m in mentions if id(m) in tok_of and p_start <= tok_of[id(m)][0] < opener],
                          tok_of, syntax.coordinators)


def _continues_clause(span: Span, trigger: Token, c_start: int) -> bool:
    """Does a verb with no subject in the parse open a clause that continues the one before: a present
    participle right after the break ("..., charging X with", "..., accusant X de") or a verb after a
    coordinator with only auxiliaries and adverbs between ("..., but was still refusing", ", und lehnte ...
    ab")?"""
    if c_start <= span.start or trigger.pos_ != "VERB" or not slots.has_parse(span.doc) or any(
            c.dep_ in slots.SUBJ or c.dep_ in slots.PASS_SUBJ for c in trigger.children):
        return False
    opener = span.doc[c_start]
    if opener.i == trigger.i:
        return slots.participle(trigger)
    return opener.pos_ == "CCONJ" and all(t.pos_ in ("AUX", "ADV", "PART") for t in span.doc[opener.i + 1 : trigger.i])


def _subject_before(trigger: Token, syntax: Syntax, shared: bool = True) -> Token | None:
    """The subject of an active verb in the parse, its own or (with `shared`) the one it shares ("and would
    deny"), where it stands before the verb (a relative pronoun is no subject here: it stands for the noun
    before it)."""
    if trigger.pos_ not in ("VERB", "AUX") or slots.is_passive(trigger):
        return None
    heads = [h for h in slots.slot_heads(trigger, "subj", syntax.passive_agent, inherit=shared)
             if h.i < trigger.i and not _relative_word(h, syntax)]
    return heads[0] if heads else None


def _infinitive(span: Span, trigger: Token, syntax: Syntax) -> bool:
    """An infinitive with no subject of its own: "zu helfen", "to help", "abzuziehen", and the perfect
    "geschickt zu haben" / "beteiligt gewesen zu sein"."""
    doc = span.doc
    if trigger.i > span.start and doc[trigger.i - 1].lower_ in syntax.infinitive_markers:
        return True
    if (trigger.i - 1 > span.start and doc[trigger.i - 2].lower_ in syntax.infinitive_markers
            and doc[trigger.i - 1].lower_ in syntax.perfect_auxiliaries):  # "to have sent"
        return True
    if _zu_infix(trigger):
        return True
    after = [t.lower_ for t in doc[trigger.i + 1 : min(span.end, trigger.i + 4)]]
    return any(w in syntax.infinitive_markers for w in after[:2]) and any(
        w in syntax.perfect_auxiliaries for w in after[1:])


def _is_place_phrase(span: Span, group: list[Mention], tok_of, syntax: Syntax) -> bool:
    first = tok_of[id(group[0])][0]
    prev = span.doc[first - 1] if first > span.start else None
    if prev is not None and prev.pos_ == "DET" or prev is not None and prev.lower_ in ("der", "dem", "the", "la", "le", "l'"):
        prev = span.doc[first - 2] if first - 1 > span.start else None
    # only a bare country name is a place here; a capital or seat ("die Regierung in Kiew", "in Warschau
    # zusammengekommen") stands for its government
    return (prev is not None and prev.lower_ in syntax.place_prepositions
            and all(m.kind == "state" and m.sector is None for m in group))


def _controller(span: Span, clause_start: int, mentions, tok_of, syntax: Syntax) -> list[Mention]:
    """The first mention group of the clause before an infinitive clause (who wants, tries, is accused)."""
    if clause_start <= span.start:
        return []
    p_start, p_end = syntax.clause(span, span.doc[clause_start - 1])
    if span.doc[clause_start - 1].is_punct and clause_start - 1 > span.start:
        p_start, p_end = syntax.clause(span, span.doc[clause_start - 2])
    groups = mention_groups(span, [m for m in mentions if id(m) in tok_of and p_start <= tok_of[id(m)][0] < p_end],
                            tok_of, syntax.coordinators)
    return groups[0] if groups else []


def _looks_passive(span: Span, trigger: Token, start: int, end: int, syntax: Syntax) -> bool:
    """A participle trigger with a passive auxiliary in its clause ("geliefert wurden", "was hit")."""
    if slots.has_parse(span.doc):
        return slots.is_passive(trigger)
    participle = "Part" in trigger.morph.get("VerbForm") or (
        trigger.lower_ != trigger.lemma_.lower() and trigger.lower_.endswith(("t", "en", "ed", "é", "ée", "és", "ées", "is", "it")))
    # the auxiliary stands a few words before ("was hit", "wurde ... geliefert") or right after
    # ("geliefert wurden"); one further away belongs to another verb ("accused X of being ...")
    near = span.doc[max(start, trigger.i - 6) : min(end, trigger.i + 3)]
    return participle and any(t.lower_ in syntax.passive_auxiliaries for t in near if t.i != trigger.i)


def speaker_mentions(span: Span, trigger: Token, mentions, tok_of, syntax: Syntax) -> set[int]:
    """ids of mentions that report what the trigger's clause says: the subjects of reporting verbs
    outside that clause. They are the source of the event, not its participants."""
    out: set[int] = set()
    own = syntax.clause(span, trigger)
    out |= {id(m) for m in according_to_group(span, mentions, tok_of, syntax.according_before,
                                               syntax.according_after, syntax.clause, syntax.coordinators)}
    lent = {h.head.i for h in slots.inherited_subject(trigger)} if trigger.dep_ == "parataxis" else set()
    infinitive = _infinitive(span, trigger, syntax)
    # the same for every word of the sentence: read once
    head = trigger.head.i if trigger.dep_ in ("advcl", "conj", "xcomp") or infinitive else -1
    for i in _speech_words(span, syntax):
        if i == head or i in lent:
            # "the army said, vowing to retaliate": the speaker does this act too; so does one who denies
            # having done it, whatever the parser calls the infinitive ("bestritt, ... geschickt zu haben")
            continue
        tok = span.doc[i]
        if not own[0] <= i < own[1] and not slots.inside_subject(tok, trigger):
            found = speakers_of(tok, span, mentions, tok_of, syntax.clause_breaks, syntax.coordinators,
                                syntax.trust_parse, syntax.clause_openers)
            out |= {id(m) for m in found}
    return out


def _distribute(span: Span, trigger: Token, actors, recipients, syntax: Syntax):
    """"Nordkorea und Russland unterliegen beide Sanktionen": a distributive word makes one event each,
    when it is said of the act or its parties (not "sources on both sides said")."""
    parties = [(m.clean_start, m.clean_end) for m in actors + recipients]

    # the verb of the act's own clause: a distributive word on another clause's verb is said of that
    # clause ("X and Y exchanged prisoners each in a swap mediated by Z": not of the mediation); a noun
    # the parse made the root has none, and any verb will do
    verb = next((a for a in [trigger, *trigger.ancestors] if a.pos_ in ("VERB", "AUX")), None)

    def of_parties(t: Token) -> bool:
        head = t.head
        # floating between the parties and the act, on the act's verb, it is said of them, wherever the parser
        # hangs it there ("X und Y unterliegen beide Sanktionen"); not a word of a noun ("prisoners of war each")
        between = (t.i < trigger.i and head.pos_ in ("VERB", "AUX") and (verb is None or head.i == verb.i)
                   and any(b <= t.idx for _, b in parties))
        return not slots.has_parse(span.doc) or between or head.i in (t.i, trigger.i, trigger.head.i) or any(
            a <= head.idx < b or a <= t.idx < b for a, b in parties)

    distributive = any(t.lower_ in syntax.distributive and of_parties(t) for t in span)
    joint = len({(m.clean_start, m.clean_end) for m in actors}) == 1 < len(actors)
    # "called on both governments": one phrase naming both, not the act once for each
    paired = len({(m.clean_start, m.clean_end) for m in recipients}) == 1 < len(recipients)
    if distributive and not joint:  # "Beide" standing for both parties acts jointly
        if len(recipients) > 1 and not paired:
            return [(actors, [r]) for r in recipients]
        if len(actors) > 1 and recipients:
            return [([a], recipients) for a in actors]
    return [(actors, recipients)]


def _context_splits(trigger: Token, ctx: list[str], contexts, trig: Trigger, ontology) -> list[list[str]]:
    """Coordinated objects of different kinds ("wirtschaftliche Unterstützung und Raketen") are two events when
    the kinds make different acts (CAMEO codes). An entry that fixes its own code names one act, whatever is
    coordinated with its object ("withdraw weapons inspectors and humanitarian workers")."""
    fixed = trig.cameo != ontology.cameo(trig.type, trig.mode)
    if trig.contexts or fixed or not trigger.doc.has_annotation("DEP"):
        return [list(ctx)]
    heads = [c for c in trigger.children if c.dep_ in ("obj", "nsubj:pass")]
    heads += [c for h in heads for c in h.children if c.dep_ == "conj"]
    kinds: list[list[str]] = []
    for head in heads:
        words = [head.lemma_.lower()] + [c.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound")]
        found = contexts.contexts_for(words)
        if found and found[0] not in [k[0] for k in kinds]:
            kinds.append(found)
    return kinds if len({ontology.cameo(trig.type, trig.mode, k[0]) for k in kinds}) > 1 else [list(ctx)]


def merge_repeats(events: list[Event]) -> list[Event]:
    """Keep one event per act an article repeats: same type, parties and status, and contexts that agree.

    Runs after the claims stage, since the same act asserted and merely speculated are two records.
    Contexts keep apart what one sentence split ("wirtschaftliche Unterstützung und Raketen"), but a
    repeat whose contexts overlap the first mention's is the same act told again. A joint act and another
    record of its type in the same sentence over some of its parties are one act; the record with more
    parties, or with a direction, tells it. A denial of an act reported elsewhere in the article tells no
    second act: the reported record stays.
    """
    out: list[Event] = []
    for ev in events:
        if any(ev is o for o in out):
            continue  # taken ahead of its turn by a bare repeat before it
        key = repeat_key(ev)
        kept = next((k for k in out if repeat_key(k) == key and _contexts_agree(k, ev)), None)
        if kept is None and not ev.recipients:
            kept = next((k for k in events if _told_with_its_target(k, ev)), None)
            if kept is not None and not any(k is kept for k in out):
                out.append(kept)  # the fuller record comes later in the sentence: it takes this one's place
        if kept is None:
            kept = next((k for k in out if _one_joint_act(k, ev) or _denial_of_reported(k, ev)), None)
            if kept is not None and _tells_better(ev, kept):
                out[next(i for i, k in enumerate(out) if k is kept)] = ev
                ev.notes.extend(n for n in kept.notes if n.startswith("repeated in sentence "))
                kept, ev = ev, kept
        if kept is None:
            out.append(ev)
            continue
        kept.notes.append(f"repeated in sentence {ev.sentence.index}")
        # the first mention wins, but a repeat may know the date, place or source it left out
        if kept.date.get("value") is None and ev.date.get("value") is not None:
            kept.date = ev.date
        if kept.location is None and ev.location is not None:
            kept.location = ev.location
        if kept.source is None and ev.source is not None:
            kept.source = ev.source
        kept.contexts = list(dict.fromkeys(kept.contexts + ev.contexts))
        kept.confidence = max(kept.confidence, ev.confidence)
    return out


def _told_with_its_target(full: Event, bare: Event) -> bool:
    """Is `bare` (no recipient) the act `full` tells with its target, said again in the same sentence by the
    same doers: "attacked the camp ..., killing 156 people", "will give Tanzania a grant to finance
    projects", "summoned the ambassador to complain"?"""
    return (full is not bare and bool(full.recipients) and full.type == bare.type
            and full.sentence.index == bare.sentence.index and full.status == bare.status
            and {m.code for m in full.actors} == {m.code for m in bare.actors}
            # a bare repeat whose entry names no context took the sentence's: it cannot disagree
            and (bare.rule is None or not bare.rule.contexts or _contexts_agree(full, bare)))


def _one_joint_act(a: Event, b: Event) -> bool:
    """Are a and b one joint act told twice in a sentence: of a type whose entry makes it joint, with the
    same status, the parties of one all among the other's ("telephoned Kozyrev to discuss ...", "held talks
    with ..., the first delegation to visit Bucharest", "hosted X for an informal meeting")?"""
    if a is b or a.type != b.type or a.sentence.index != b.sentence.index or a.status != b.status:
        return False
    if not any(e.rule is not None and e.rule.reciprocal for e in (a, b)):
        return False
    pa, pb = _parties(a), _parties(b)
    return bool(pa and pb) and (pa <= pb or pb <= pa)


def _denial_of_reported(a: Event, b: Event) -> bool:
    """Is one of a and b a denial of the act the other reports ("hat weitere Geschosse an Russland geliefert
    ... Pjöngjang bestreitet jegliche Waffenlieferungen an Moskau")? The act is told once, with the status it
    was reported with; the denial is a REJECT of its own (docs/annotation.md)."""
    return (a.status != b.status and "denied" in (a.status, b.status)
            and repeat_key(a)[:3] == repeat_key(b)[:3])


def _tells_better(ev: Event, kept: Event) -> bool:
    """Of two records of one act, does ev tell it better than kept: the reported act over its denial; for a
    joint act, more parties, or as many and who visits or calls whom?"""
    if ev.status != kept.status:
        return kept.status == "denied"
    pe, pk = _parties(ev), _parties(kept)
    return pe > pk or (pe == pk and bool(ev.recipients) and not kept.recipients)


def _parties(ev: Event) -> set[str]:
    return {m.code for m in ev.actors + ev.recipients}


def repeat_key(ev: Event) -> tuple:
    """What two records of one act share: type, parties and status (contexts are compared apart)."""
    return (ev.type, frozenset(m.code for m in ev.actors), frozenset(m.code for m in ev.recipients), ev.status)


def _contexts_agree(a: Event, b: Event) -> bool:
    if a.sentence.index == b.sentence.index and a.trigger_clean_start == b.trigger_clean_start:
        return a.contexts == b.contexts  # split on purpose from one trigger
    return not a.contexts or not b.contexts or bool(set(a.contexts) & set(b.contexts))
