"""Acts on acts: a word that stops, prevents or allows an act named as its object makes another act.

"Suspended aid to Egypt" is no aid but a SANCTION, "lifted the curfew" a RETREAT, "banned the rally" a
COERCE aimed at the protesters, "allowed the rally" a CONCEDE, "prevented an attack" no attack at all. What
each kind of word makes of each PLOVER type is language-neutral (`data/plover/operators.yaml`); which
words are of which kind is the language pack's (`operators` in `lang/<xx>/syntax.yaml`). The event coder
(`events/coder.py`) recodes the act; this module reads the table and finds the word that governs an act.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from eventlens.errors import DataError
from eventlens.events.lexicon import read_data
from eventlens.events.ontology import DATA_DIR

# How an act hangs from a verb that operates on it: its object ("suspended aid"), the subject of a passive
# ("aid was suspended"), or a verb complement ("stopped fighting", "cessé de combattre"; a noun object the
# parser took for a clause, "shortened ... the curfew/ccomp").
VERB_LINKS = ("obj", "nsubj:pass", "xcomp", "obl:arg", "ccomp")
# How it hangs from an operating noun: "the lifting of sanctions", "Aufhebung der Sanktionen", "aid cuts".
NOUN_LINKS = ("nmod", "compound")
DROP = "drop"
SAME = "same"


@dataclass(frozen=True)
class Outcome:
    type: str | None  # None: the act did not happen
    mode: str | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class OperatorTable:
    kinds: dict[str, dict[str, Outcome] | str]

    def outcome(self, kind: str, type_name: str, mode: str | None, cameo: str | None = None) -> Outcome | None:
        """What `kind` makes of an act of this type and mode (or of this CAMEO code, whose row comes first);
        None: the act stays as coded."""
        table = self.kinds.get(kind, {})
        if table == SAME:
            return Outcome(type_name, mode)
        return (cameo and table.get(cameo)) or table.get(f"{type_name}/{mode}") or table.get(type_name)


@functools.lru_cache(maxsize=4)
def load_operators(ontology, path: Path | str | None = None) -> OperatorTable:
    """The table, validated against the ontology: a bad entry raises DataError naming file, line and field."""
    path = Path(path) if path is not None else DATA_DIR / "operators.yaml"
    p = str(path)
    data, root = read_data(path)
    if not isinstance(data, dict) or data.get("schema") != 1:
        raise DataError("E501", path=p, line=1, field="schema", why="the file must start with 'schema: 1'")
    kinds = data.get("kinds")
    if not isinstance(kinds, dict) or not kinds:
        raise DataError("E501", path=p, field="kinds", why="must map each kind to its outcomes")
    codes = {r.code for r in ontology.cameo_rows}
    out: dict[str, dict[str, Outcome] | str] = {}
    for kind, table in kinds.items():
        if table == SAME:
            out[str(kind)] = SAME
            continue
        if not isinstance(table, dict):
            raise DataError("E501", path=p, field=f"kinds.{kind}", why="must map act types to outcomes, or be 'same'")
        out[str(kind)] = {key: _outcome(p, f"kinds.{kind}.{key}", key, value, ontology, codes)
                          for key, value in table.items()}
    return OperatorTable(out)


def _outcome(path: str, where: str, key: str, value, ontology, codes: set[str]) -> Outcome:
    type_name, _, mode = str(key).partition("/")
    if str(key).isdigit():
        # a CAMEO code: an act that its trigger codes so ("blockade" 191, "mediation" 045) has a row of its own
        if key not in codes:
            raise DataError("E501", path=path, field=where, why=f"CAMEO code {key} is not in cameo_map.tsv")
    elif not ontology.is_type(type_name) or not ontology.is_mode(type_name, mode or None):
        raise DataError("E501", path=path, field=where, why=f"{key!r} is no PLOVER type (and mode)")
    if value == DROP:
        return Outcome(None)
    if not isinstance(value, dict) or not ontology.is_type(value.get("type", "")):
        raise DataError("E501", path=path, field=where, why="the outcome must be 'drop' or {type: ..., mode: ..., cameo: ...}")
    outcome = Outcome(value["type"], value.get("mode"), value.get("cameo"))
    if not ontology.is_mode(outcome.type, outcome.mode):
        raise DataError("E501", path=path, field=where, why=f"{outcome.mode!r} is no mode of {outcome.type}")
    if outcome.cameo is not None and outcome.cameo not in codes:
        raise DataError("E501", path=path, field=where, why=f"CAMEO code {outcome.cameo} is not in cameo_map.tsv")
    return outcome


def is_verbal(tok: Token) -> bool:
    """A verb, or the sentence's predicate that a weak tagger calls something else ("ended/ADJ")."""
    return tok.pos_ in ("VERB", "AUX") or (tok.dep_ == "ROOT" and tok.pos_ in ("ADJ", "ADV", "X"))


def governing_operator(tok: Token, kind_of, undertakings: frozenset[str]) -> tuple[Token, str] | None:
    """The word that operates on the act `tok` names, and its kind, if one does.

    `kind_of(token)` gives a token's operator kind or None. A conjunct shares its first conjunct's head
    ("suspended aid and trade"); an act named before a word for an undertaking ("ended mediation
    efforts") is that undertaking."""
    if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.lemma_.lower() in undertakings:
        tok = tok.head
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    for child in tok.children:
        # a weak parse hangs the verb on its object ("Germany halted/VERB/amod deliveries/ROOT"), and may
        # call it an adjective where the object became the sentence's root ("Serbia eased/ADJ measures/ROOT")
        verb = child.pos_ == "VERB" or (child.pos_ == "ADJ" and tok.dep_ == "ROOT")
        if child.i < tok.i and child.dep_ in ("amod", "acl") and verb and (kind := kind_of(child)):
            return child, kind
    head = tok.head
    if head.i == tok.i:
        return None
    if is_verbal(head) and tok.dep_.startswith("obl"):
        # an operating noun as a light verb's object, the act in its oblique ("a mis fin à ses frappes",
        # "put an end to the strikes"): the noun operates
        for noun in head.children:
            if noun.dep_ == "obj" and noun.pos_ == "NOUN" and (kind := kind_of(noun)):
                return noun, kind
    verbal = is_verbal(head) and tok.dep_ in VERB_LINKS
    nominal = (head.pos_ in ("NOUN", "PROPN") and tok.dep_.split(":")[0] in NOUN_LINKS
               and tok.dep_ != "nmod:poss")  # "the EU's suspension": the possessor is who suspends
    if not (verbal or nominal):
        return None
    kind = kind_of(head)
    if not kind and verbal and head.dep_ in ("xcomp", "acl", "advcl"):
        # the act as the object of a clause the operator governs ("allowed the opposition to hold a rally",
        # "prevented them from holding rallies"), however the parser hangs that clause: on the operator or
        # on its object
        up = head.head
        for _ in range(2):
            if up.i == up.head.i and not is_verbal(up):
                break
            if is_verbal(up):
                return (up, kind) if (kind := kind_of(up)) else None
            up = up.head
    return (head, kind) if kind else None
