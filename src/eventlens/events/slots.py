"""Slot readers: which actor mentions fill a trigger's syntactic slot in a Universal Dependencies parse.

A slot name is language-neutral (see the triggers.yaml schema): `subj`, `obj`, `iobj`, `obl:<case>`,
`nmod:<case>`, `poss`, `ccomp_subj`, `head_subj`, `head_obj`, `head_iobj`, `head_obl:<case>`, `xcomp_subj`. Each reader returns the
head tokens of the phrases in that slot; `mentions_in` then collects the actor mentions inside them.
Passive voice is undone here, once, so the lexicons can describe the active sentence only.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

# "nsubj:outer" is UD's subject of a copula whose predicate is a clause; "Russia is to deliver missiles"
# has it on the verb: the one who is to do the act is its subject all the same
SUBJ = {"nsubj", "csubj", "nsubj:outer"}
PASS_SUBJ = {"nsubj:pass", "csubj:pass"}
OBJ = {"obj", "dobj"}
IOBJ = {"iobj"}
POSS = {"nmod:poss", "det:poss", "poss"}
# Clauses embedded under a slot's phrase hold their own participants, not the slot's.
CLAUSAL = {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "relcl"}
CONJ = {"conj"}


def has_parse(doc) -> bool:
    return bool(doc.has_annotation("DEP"))


def is_passive(trigger: Token) -> bool:
    """A passive auxiliary makes a passive; a passive subject alone is trusted only without a tense
    auxiliary (fr_core_news_md labels "aient bombardé" nsubj:pass + aux:tense, an active clause)."""
    deps = {c.dep_ for c in trigger.children}
    if trigger.pos_ == "ADJ" and "xcomp" in deps:
        return False  # "he is prepared to lift the ban": an adjective with its infinitive, whatever the auxiliary's label
    if (trigger.dep_ == "acl" and "Past" in trigger.morph.get("Tense") and "Part" in trigger.morph.get("VerbForm")
            and "nsubj" not in deps and not _verbless_subject(trigger.head)):
        # "des responsables accusés de ...", "weapons supplied to Russia": the noun is acted upon (a noun
        # as the sentence's root means the parser missed the finite verb: "The parliament threatened ...",
        # "Thousands of students marched ..."); with a subject of its own it is a relative clause the parse
        # labelled acl ("the agreement that Congo and Rwanda signed")
        return True
    if ("obl:agent" in deps and "Part" in trigger.morph.get("VerbForm") and "aux:tense" not in deps
            and "nsubj" not in deps):  # "has demanded an admission by Moscow": a subject of its own is active
        return True  # "..., accusés par Ouagadougou de ...": a participle with its agent
    if _copular_passive(trigger, deps):
        return True
    if "aux:pass" in deps and ("Inf" in trigger.morph.get("VerbForm") or {"nsubj", "obj"} <= deps):
        # a passive needs a participle ("stehen werde" is future or reported speech) and has no active
        # subject beside an object ("Serbien wird seinen Botschafter abberufen"), whatever the label
        return False
    return "aux:pass" in deps or (bool(deps & PASS_SUBJ) and "aux:tense" not in deps)


def _copular_passive(trigger: Token, deps: set[str], passive_agent: Iterable[str] = ("von", "by", "par")) -> bool:
    """"The plan was opposed by Germany" labelled nsubj + cop + obl:agent: only a passive has a by-agent, so
    a participle with a copular "be", an agent and no perfect or object of its own is passive, its nsubj the
    one acted upon ("has demanded an admission by Moscow" keeps its active subject: no copula). The parse may
    call the participle an adjective (its lemma, a verb, then differs from its form) and the agent a plain
    oblique with the agent's preposition."""
    if "cop" not in deps or "nsubj" not in deps or deps & {"aux", "aux:tense", "obj"}:
        return False
    participle = "Part" in trigger.morph.get("VerbForm") or (
        trigger.pos_ == "ADJ" and trigger.lemma_.lower() != trigger.lower_)
    agent = "obl:agent" in deps or any(c.dep_ == "obl" and case_words(c) & set(passive_agent)
                                       for c in trigger.children)
    return participle and agent


def _verbless_subject(noun: Token) -> bool:
    """Is noun the root of a sentence the parser found no verb in, or a noun phrase hanging from that
    root ("Thousands of students", "About 200 supporters of X")?"""
    for _ in range(4):
        if noun.dep_ == "ROOT":
            return noun.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
        if noun.pos_ in ("VERB", "AUX") or noun.dep_ not in ("nmod", "compound", "appos", "flat", "conj"):
            return False
        noun = noun.head
    return False


def case_words(token: Token) -> set[str]:
    """Prepositions/postpositions/case markers attached to a nominal (lower-cased lemma and text)."""
    words = set()
    for c in token.children:
        if c.dep_ in ("case", "mark") or c.dep_.startswith("case"):
            words.add(c.lemma_.lower())
            words.add(c.text.lower())
    return words


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _obliques(token: Token, prefix: str, case: str, passive_agent: Iterable[str] = ()) -> list[Token]:
    out = []
    for c in token.children:
        if not (c.dep_ == prefix or c.dep_.startswith(prefix + ":")):
            continue
        if c.dep_ == "obl:agent" and case not in passive_agent:
            continue
        if case in case_words(c):
            out.append(c)
    return out


def slot_heads(trigger: Token, slot: str, passive_agent: Iterable[str] = ("von", "by", "par"),
               inherit: bool = True, complementizers: Iterable[str] = ()) -> list[Token]:
    """Head tokens of the phrases that fill `slot` of `trigger`; with `inherit`, a verb with no subject
    of its own takes the one of the clause it depends on (`inherited_subject`)."""
    passive = is_passive(trigger)
    name, _, case = slot.partition(":")
    if name == "subj":
        if passive:
            agents = [c for c in trigger.children if c.dep_ == "obl:agent"]
            agents += [c for c in trigger.children if c.dep_.startswith("obl") and c.dep_ != "obl:agent"
                       and case_words(c) & set(passive_agent)]
            return agents
        # with no subject, a pronoun the parser called expletive is the subject ("ob es die Lieferungen
        # eingestellt habe": a weak parser labels a referring "es" expl)
        own = [c for c in _children(trigger, SUBJ) if not _relative(c)] or [
            c for c in trigger.children if c.dep_ == "expl" and c.pos_ == "PRON" and c.i < trigger.i]
        if own or not inherit:
            return own
        return inherited_subject(trigger, passive_agent)
    if name == "obj":
        if passive:
            if _copular_passive(trigger, {c.dep_ for c in trigger.children}, passive_agent):
                return _children(trigger, {"nsubj"})
            return _children(trigger, PASS_SUBJ) or _modified_noun(trigger)
        objects = _children(trigger, OBJ)
        if not objects and trigger.dep_ in ("acl:relcl", "relcl") and any(
                c.dep_ in SUBJ and not _relative(c) for c in trigger.children):
            return [trigger.head]  # "the companies it accused": the relative clause's gap is its object
        return objects
    if name == "iobj":
        return _children(trigger, IOBJ)
    if name == "obl":
        own = _obliques(trigger, "obl", case, passive_agent)
        if own:
            return own
        # "demanded support from the Assembly": a parser often hangs the verb's phrase on its object, in
        # the passive on its subject ("dass Einheiten an der Grenze zusammengezogen worden seien")
        objects = _children(trigger, PASS_SUBJ) if passive else _children(trigger, OBJ)
        return [n for o in objects for n in _obliques(o, "nmod", case) if n.i > o.i]
    if name == "nmod":
        return _obliques(trigger, "nmod", case) + _obliques(trigger, "obl", case)
    if name == "poss":
        heads = _children(trigger, POSS)
        # German and French genitives: a bare nominal modifier without a preposition.
        heads += [c for c in trigger.children if c.dep_ == "nmod" and not case_words(c)
                  and ("Gen" in c.morph.get("Case") or c.i < trigger.i)]
        return heads
    if name == "ccomp_subj":
        # "demanded that Hamas renounce ...", "verlangt, dass Eriwan ... ändert", "exige que Moscou ...":
        # the one asked is the subject of the demanded clause (for a noun, of the clause it carries)
        # (a weak parser may call the clause an adverbial: its complementizer, "dass", "that", tells)
        # (a weak parser may call the clause an adverbial or a relative clause, or its subjunctive verb a
        # noun object: "that Hamas/compound renounce/NOUN/obj"; its complementizer, "dass", "that", tells)
        clauses = [c for c in trigger.children if c.dep_ == "ccomp" or (
            c.dep_ in ("acl", "acl:relcl", "relcl", "advcl", "obj") and _complementizer(c, complementizers))]
        return [h for c in clauses for h in slot_heads(c, "subj", passive_agent, inherit=False)
                or _name_before(c, _complementizer(c, complementizers))]
    if name in ("head_subj", "head_obj", "head_iobj", "head_obl", "xcomp_subj"):
        head = governing_verb(trigger)
        if head is None:
            return []
        inner = {"head_subj": "subj", "head_obj": "obj", "head_iobj": "iobj", "head_obl": "obl", "xcomp_subj": "subj"}[name]
        return slot_heads(head, inner + (":" + case if case else ""), passive_agent)
    return []


def _complementizer(clause: Token, complementizers: Iterable[str]) -> Token | None:
    """The word marking `clause` as a content clause ("that", "dass", "que"), if one does: its own marker,
    or one right before the clause that the parse hung on the governing verb ("demanded that/obl the
    government end ...")."""
    own = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ in complementizers), None)
    if own is not None or clause.head.i == clause.i or clause.left_edge.i == 0:
        return own
    before = clause.doc[clause.left_edge.i - 1]
    if before.head.i == clause.head.i and before.lower_ in complementizers and (
            before.pos_ == "SCONJ" or before.dep_ == "mark"):
        return before
    return None


def _name_before(clause: Token, mark: Token | None) -> list[Token]:
    """A clause whose verb the tagger read as a noun keeps its subject as a name hung on it between the
    complementizer and the verb ("that Hamas renounce"), or as the first noun phrase after the
    complementizer when the misread verb itself hangs on the clause's object ("that the Sudanese
    government end curbs": government -> end -> curbs)."""
    if mark is None or clause.pos_ != "NOUN":
        return []
    named = [c for c in clause.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and mark.i < c.i < clause.i]
    if named:
        return named
    # the first noun of the span that hangs on a later word of the span heads the subject phrase
    span = clause.doc[mark.i + 1:clause.i]
    return next(([t] for t in span if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("compound", "nmod", "nsubj")
                 and t.i < t.head.i < clause.i), [])


def _relative(token: Token) -> bool:
    """A relative pronoun ("who", "der", "qui"): it stands for the noun its clause modifies."""
    return "Rel" in token.morph.get("PronType")


def relative_acl(tok: Token) -> bool:
    """A clause on a noun with its own subject and a relative pronoun ("the agreement that/PRON Congo and
    Rwanda signed"), which the parse labelled plain acl: a relative clause, whatever its label."""
    return tok.dep_ == "acl" and any(c.dep_.startswith("nsubj") for c in tok.children) and any(
        c.pos_ == "PRON" and _relative(c) for c in tok.children)


def _modified_noun(trigger: Token) -> list[Token]:
    """The noun a participle or relative clause modifies ("the missiles supplied to Russia")."""
    if trigger.dep_ in ("acl", "acl:relcl", "relcl") and trigger.head.i != trigger.i:
        return [trigger.head]
    if trigger.dep_ == "advcl" and trigger.head.i != trigger.i:
        return _children(trigger.head, OBJ)  # "expelled two diplomats, accused of ...": the diplomats
    return []


_REFLEXIVES = frozenset({"sich", "se", "s'", "soi", "itself", "himself", "herself", "themselves"})


def inside_subject(verb: Token, tok: Token) -> bool:
    """Is tok in a clause on the verb's own subject ("Tusk, qui avait rencontré des agriculteurs, a critiqué
    Minsk")? A relative clause on a speaker tells what the speaker did, never what the speaker says."""
    path = tok
    in_clause = False
    while path.head.i != path.i and path.head.i != verb.i:
        in_clause = in_clause or path.dep_ in ("acl", "acl:relcl", "relcl")
        path = path.head
    return in_clause and path.head.i == verb.i and path.dep_.startswith("nsubj")


def participle(tok: Token) -> bool:
    """A present participle or gerund ("vowing", "accusing", "tuant")."""
    return "Ger" in tok.morph.get("VerbForm") or tok.tag_ == "VBG" or (
        "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense"))


def inherited_subject(trigger: Token, passive_agent: Iterable[str] = ("von", "by", "par"), depth: int = 0) -> list[Token]:
    """The doer of a verb with no subject of its own, from the clause it depends on.

    - coordination ("rejected the plan and called on Y"): the first conjunct's subject;
    - a controlled infinitive ("wants to sanction Y", "urged Minsk to pull back"): the governing verb's
      object where it has one (object control), else its subject;
    - an adverbial participle or infinitive ("..., accusing him of", "vowing to retaliate"): the main
      clause's subject;
    - a participle or relative clause on a noun ("a statement backing Ukraine", "forces that shelled"):
      that noun (a past participle there is passive: its noun is the object, see `slot_heads`).
    """
    head = trigger.head
    if head.i == trigger.i or depth > 4:
        return []
    dep = trigger.dep_
    if dep == "acl" and trigger.i > 0 and trigger.doc[trigger.i - 1].is_punct:
        # "..., tuant douze soldats", "..., killing three": set off by a comma, the participle
        # describes the clause's act, whatever noun the parser hung it on
        verb = governing_verb(head)
        return slot_heads(verb, "subj", passive_agent) if verb is not None and verb.i < trigger.i else []
    if (dep == "advcl" and participle(trigger) and trigger.i > 0 and trigger.doc[trigger.i - 1].is_punct
            and head.dep_ in ("acl:relcl", "relcl")):
        # "rebuffed a statement that criticised ..., accusing the group of": a participle after a comma
        # closing a relative clause is said of the main clause, not of the relative clause's noun
        verb = governing_verb(head.head)
        if verb is not None and verb.i < trigger.i:
            return slot_heads(verb, "subj", passive_agent)
    if (dep == "advcl" and participle(trigger) and trigger.i > 0 and trigger.doc[trigger.i - 1].is_punct
            and head.i < trigger.i and is_passive(head)):
        # "the camp was attacked by rebels, killing 156": a participle of result after a passive is done by
        # the passive's agent, not by what was acted upon
        agents = slot_heads(head, "subj", passive_agent, inherit=False)
        if agents:
            return agents
    if dep in ("acl", "acl:relcl", "relcl"):
        return [head]
    if (dep == "parataxis" or (dep in ("advcl", "csubj") and head.i > trigger.i)) and participle(trigger) \
            and trigger.i > 0 and trigger.doc[trigger.i - 1].is_punct:
        # (also "shelled the town ..., killing 20 people, officials said": a parser may hang the participle
        # on the reporting verb after it, which it cannot be said of, even as its subject)
        # "..., the Pakistani army said, vowing to retaliate": set off by a comma, the participle is said
        # of the nearest clause before it that has a subject, whatever the parse hung it on
        for verb in reversed(trigger.doc[trigger.sent.start : trigger.i]):
            own = [c for c in _children(verb, SUBJ) if not _relative(c)] if verb.pos_ in ("VERB", "AUX") else []
            if own:
                return own
        return []
    if dep in CONJ or dep == "advcl" or dep == "xcomp":
        if dep in CONJ and not any(c.dep_ == "cc" for c in trigger.children):
            return []  # "..., a dénoncé le Quai d'Orsay": a comma-joined verb often has its subject after it
        if dep == "advcl" and not participle(trigger) and any(
                c.dep_ == "mark" and c.pos_ == "SCONJ" and "to" != c.lower_ for c in trigger.children):
            return []  # "after the army withdrew": a clause of its own whose subject is missing, not shared
        if dep == "xcomp":
            objects = [o for o in _children(head, OBJ | IOBJ) if "Yes" not in o.morph.get("Reflex")
                       and o.lemma_.lower() not in _REFLEXIVES]  # "sprachen sich dafür aus, ... zu": no controller
            if objects and not is_passive(head):
                return objects
        if head.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            return []
        if is_passive(head):
            # "X was urged to withdraw", "des responsables accusés d'avoir livré": the one acted upon
            return slot_heads(head, "obj", passive_agent)
        own = [c for c in _children(head, SUBJ) if not _relative(c)]
        return own or inherited_subject(head, passive_agent, depth + 1)
    return []


def doers_within(trigger: Token, heads: Iterable[Token], passive_agent: Iterable[str] = ("von", "by", "par")) -> list[Token]:
    """Heads of the phrases that name who did the act a trigger's phrase is about ("crimes committed by
    Croat forces", "abuses by the police", "allegations that Ugandan soldiers crossed ..."): a phrase
    introduced by a passive agent's preposition inside the phrases `heads`, on a participle hung on them,
    or the subject of a clause hung on them. An active verb has no agent of its own, so a "by" phrase the
    parser hung on it ("is investigating crimes by X") belongs to its object too."""
    agents = set(passive_agent)
    found: list[Token] = []

    def agent_phrase(tok: Token) -> bool:
        return (tok.dep_ == "obl:agent" or tok.dep_.split(":")[0] in ("obl", "nmod")) and bool(case_words(tok) & agents)

    stack = list(heads)
    seen: set[int] = set()
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        for c in tok.children:
            if agent_phrase(c):
                found.append(c)
            elif c.dep_ in ("acl", "acl:relcl", "relcl"):
                own = [s for s in c.children if s.dep_ in SUBJ and not _relative(s)]
                found += own  # "allegations that X crossed", "the crimes X committed"
                if not own:
                    stack.append(c)  # "crimes committed by X": the participle's agent
            elif c.dep_ not in CLAUSAL:
                stack.append(c)
    if trigger.pos_ == "VERB" and not is_passive(trigger):
        found += [c for c in trigger.children if agent_phrase(c)]
    return found


def governing_verb(token: Token) -> Token | None:
    """The verb a nominal trigger (or controlled infinitive) hangs from, skipping coordination."""
    head = token
    for _ in range(4):
        if head.dep_ in CONJ:
            head = head.head
            continue
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def conjunct_tokens(head: Token) -> set[int]:
    """Token indices of the words coordinated with head (conj, and their own conjuncts)."""
    found: set[int] = set()
    stack = [c for c in head.children if c.dep_ in CONJ]
    while stack:
        tok = stack.pop()
        found.add(tok.i)
        stack += [c for c in tok.children if c.dep_ in CONJ]
    return found


def phrase_tokens(head: Token) -> set[int]:
    """Token indices of a slot phrase: the head's subtree minus embedded clauses (but with conjuncts)."""
    keep: set[int] = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        for c in tok.children:
            if c.dep_ not in CLAUSAL:
                stack.append(c)
    return keep
