"""Slot readers: which actor mentions fill a trigger's syntactic slot in a Universal Dependencies parse.

A slot name is language-neutral (see the triggers.yaml schema): `subj`, `obj`, `iobj`, `obl:<case>`,
`nmod:<case>`, `poss`, `head_subj`, `head_obj`, `head_obl:<case>`, `xcomp_subj`. Each reader returns the
head tokens of the phrases in that slot; `mentions_in` then collects the actor mentions inside them.
Passive voice is undone here, once, so the lexicons can describe the active sentence only.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

SUBJ = {"nsubj", "csubj"}
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
    return "aux:pass" in deps or (bool(deps & PASS_SUBJ) and "aux:tense" not in deps)


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


def slot_heads(trigger: Token, slot: str, passive_agent: Iterable[str] = ("von", "by", "par")) -> list[Token]:
    """Head tokens of the phrases that fill `slot` of `trigger`."""
    passive = is_passive(trigger)
    name, _, case = slot.partition(":")
    if name == "subj":
        if passive:
            agents = [c for c in trigger.children if c.dep_ == "obl:agent"]
            agents += [c for c in trigger.children if c.dep_.startswith("obl") and case_words(c) & set(passive_agent)]
            return agents
        return _children(trigger, SUBJ)
    if name == "obj":
        return _children(trigger, PASS_SUBJ) if passive else _children(trigger, OBJ)
    if name == "iobj":
        return _children(trigger, IOBJ)
    if name == "obl":
        return _obliques(trigger, "obl", case, passive_agent)
    if name == "nmod":
        return _obliques(trigger, "nmod", case) + _obliques(trigger, "obl", case)
    if name == "poss":
        heads = _children(trigger, POSS)
        # German and French genitives: a bare nominal modifier without a preposition.
        heads += [c for c in trigger.children if c.dep_ == "nmod" and not case_words(c)
                  and ("Gen" in c.morph.get("Case") or c.i < trigger.i)]
        return heads
    if name in ("head_subj", "head_obj", "head_obl", "xcomp_subj"):
        head = governing_verb(trigger)
        if head is None:
            return []
        inner = {"head_subj": "subj", "head_obj": "obj", "head_obl": "obl", "xcomp_subj": "subj"}[name]
        return slot_heads(head, inner + (":" + case if case else ""), passive_agent)
    return []


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
