"""Trigger and context lexicons: per-language data that tells the event coder what a word means.

`lang/<code>/triggers.yaml` lists trigger lemmas (verbs, event nouns, a few adjectives) with the PLOVER type,
mode and contexts they signal and the syntactic slots that hold the actor and the recipient. Slots are
language-neutral names over Universal Dependencies (`subj`, `obj`, `iobj`, `obl:<case word>`,
`nmod:<case word>`, `poss`, `head_subj`, `head_obj`, `head_iobj`, `head_obl:<case word>`, `xcomp_subj`); the coder
(`eventlens.events.slots`) reads them. `lang/<code>/contexts.yaml` lists cue lemmas per PLOVER context.

Both files are validated on load; a bad entry raises `DataError` naming the file, the line and the field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventlens.errors import DataError
from eventlens.lang import LANG_DIR

POS_TAGS = ("VERB", "NOUN", "ADJ")
SLOT_RE = re.compile(r"^(subj|obj|iobj|poss|ccomp_subj|head_subj|head_obj|head_iobj|xcomp_subj|(obl|nmod|head_obl):[^\s:]+)$")
# a `with` lemma may name the slot it must fill ("obj:demand"), or, after obl/nmod, the preposition that
# must introduce a phrase of the trigger ("obl:to"); bare, it may stand anywhere in the clause
WITH_SLOTS = ("", "obj", "obl", "nmod")
TRIGGER_FIELDS = {"id", "lemma", "pos", "with", "unless", "type", "mode", "contexts", "cameo", "actor", "recipient",
                  "reciprocal", "negative", "targeted", "destination", "operand"}


@dataclass(frozen=True)
class Trigger:
    id: str
    lemma: str
    pos: str
    with_: tuple[str, ...]
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    reciprocal: bool = False
    negative: bool = False
    line: int = 0
    targeted: bool = False  # an act only when someone is on the receiving end ("said that Y must ...")
    destination: bool = False  # the recipient is where the act sends someone ("sent inspectors to Iran")
    operand: bool = False  # a standing relation ("partnership"), an act only when suspended, ended ... (operators)
    unless: tuple[str, ...] = ()  # words, as in `with`, that make it no such act ("sent a signal" is no aid)

    @property
    def words(self) -> tuple[str, ...]:
        """The `with` words without the slot some of them name ("obj:demand" -> "demand"), lower-cased."""
        return tuple(w.lower().rpartition(":")[2] for w in self.with_)


@dataclass
class TriggerLexicon:
    lang: str
    path: str
    entries: tuple[Trigger, ...]
    _index: dict[str, list[Trigger]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for t in self.entries:
            self._index.setdefault(t.lemma.casefold(), []).append(t)

    def by_lemma(self, lemma: str) -> list[Trigger]:
        """Entries whose head lemma is `lemma` (case-insensitive), in file order."""
        found = self._index.get(lemma.casefold())
        return list(found) if found else []  # asked for every form of every word: most are no trigger

    @property
    def lemmas(self) -> set[str]:
        """All head lemmas, case-folded (a cheap pre-filter for sentences that may hold an event)."""
        return set(self._index)

    def by_type(self, type_name: str) -> list[Trigger]:
        return [t for t in self.entries if t.type == type_name]

    def __len__(self) -> int:
        return len(self.entries)


@dataclass
class ContextLexicon:
    lang: str
    path: str
    cues: dict[str, tuple[str, ...]]  # context -> cue lemmas (case-folded; multi-word cues joined by a space)
    ignore: frozenset[str] = frozenset()  # function words skipped when matching multi-word cues
    compound_head_min: int = 0  # >0: an unknown word ending in a cue of this length or more shares its context
    _single: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _multi: list[tuple[tuple[str, ...], str]] = field(default_factory=list, repr=False)
    _heads: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)  # _compound_head

    def __post_init__(self) -> None:
        for ctx, words in self.cues.items():
            for w in words:
                parts = self._content(w.replace("'", "' ").replace("’", "’ ").split())
                if len(parts) == 1:
                    self._single.setdefault(parts[0], []).append(ctx)
                else:
                    self._multi.append((parts, ctx))

    def contexts_for(self, lemmas: Iterable[str]) -> list[str]:
        """Contexts whose cues occur among `lemmas` (a sentence or a document, in order), most cues first."""
        seq = [x.casefold() for x in lemmas]
        hits: dict[str, int] = {}
        for lem in seq:
            for ctx in self._single.get(lem, ()) or self._compound_head(lem):
                hits[ctx] = hits.get(ctx, 0) + 1
        if self._multi and seq:
            seq = self._content(seq)
            at: dict[str, list[int]] = {}  # word -> its positions: a cue is tried only where its first word is
            for i, word in enumerate(seq):
                at.setdefault(word, []).append(i)
            for parts, ctx in self._multi:
                n = len(parts)
                starts = at.get(parts[0], ()) if n else range(len(seq) + 1)
                for i in starts:
                    if i <= len(seq) - n and tuple(seq[i : i + n]) == parts:
                        hits[ctx] = hits.get(ctx, 0) + 1
        return sorted(hits, key=lambda c: (-hits[c], c))

    def _content(self, words: Iterable[str]) -> tuple[str, ...]:
        return tuple(w.casefold() for w in words if w.casefold() not in self.ignore)

    def _compound_head(self, word: str) -> list[str]:
        """German writes compounds as one word, and the last part names the kind ("Flugabwehrrakete" is a
        "Rakete"): the longest cue that ends the word, leaving a first part of three letters or more."""
        n = self.compound_head_min
        if not n or len(word) < n + 3:
            return []
        known = self._heads.get(word)  # every word of every document asks: words repeat
        if known is not None:
            return known
        known = []
        for start in range(3, len(word) - n + 1):
            found = self._single.get(word[start:])
            if found:
                known = found
                break
        if len(self._heads) >= 100_000:  # a vocabulary, not a corpus: start again rather than grow without end
            self._heads.clear()
        self._heads[word] = known
        return known

    def cues_hit(self, lemmas: Iterable[str]) -> dict[str, list[str]]:
        """For `explain`: which cue lemmas fired for each context."""
        seq = {x.casefold() for x in lemmas}
        out: dict[str, list[str]] = {}
        for lem in sorted(seq):
            for ctx in self._single.get(lem, ()):
                out.setdefault(ctx, []).append(lem)
        return out


# --------------------------------------------------------------------------------------------- loading


def read_data(path: Path) -> tuple[Any, yaml.Node | None]:
    """A YAML data file and its node tree (for line numbers); a read or parse error is a DataError."""
    p = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError("E502", path=p, why="file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError("E502", path=p, why=str(exc)) from exc
    try:
        # libyaml's parser when present: the trigger tables are read at every start, ~8x faster than pure Python
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(text, Loader=loader), yaml.compose(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError("E502", path=p, line=(mark.line + 1) if mark else None, why=str(exc)) from exc


def _keys(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _check_header(data: Any, root: yaml.Node | None, path: str, lang: str | None, body: str) -> None:
    if not isinstance(data, dict):
        raise DataError("E502", path=path, why="top level must be a mapping")
    first = next(iter(data), None)
    if first != "schema" or data.get("schema") != 1:
        raise DataError("E501", path=path, line=1, field="schema", why="the first key must be 'schema: 1'")
    keys = _keys(root)
    if lang is not None and data.get("lang") != lang:
        raise DataError("E501", path=path, line=_line(keys.get("lang")), field="lang",
                        why=f"expected lang: {lang}, found {data.get('lang')!r}")
    if body not in data:
        raise DataError("E501", path=path, field=body, why=f"missing '{body}'")


def _path_for(lang: str, name: str) -> Path:
    if not lang.isalpha():
        raise DataError("E502", path=name, why=f"invalid language code {lang!r}")
    return LANG_DIR / lang / name


def load_triggers(lang: str, ontology, path: Path | str | None = None) -> TriggerLexicon:
    """The trigger lexicon of `lang`, validated against `ontology` (or the file at `path`, for tests)."""
    file = Path(path) if path is not None else _path_for(lang, "triggers.yaml")
    p = str(file)
    data, root = read_data(file)
    _check_header(data, root, p, lang, "triggers")
    raw = data["triggers"]
    seq_node = _value_node(root, "triggers")
    if not isinstance(raw, list) or not isinstance(seq_node, yaml.SequenceNode):
        raise DataError("E501", path=p, line=_line(seq_node), field="triggers", why="must be a list of entries")
    entries: list[Trigger] = []
    ids: dict[str, int] = {}
    for item, node in zip(raw, seq_node.value, strict=True):
        trig = _trigger(item, node, p, lang, ontology)
        if trig.id in ids:
            raise DataError("E501", path=p, line=trig.line, field="id",
                            why=f"duplicate entry {trig.id!r} (first at line {ids[trig.id]}); give one an explicit id")
        ids[trig.id] = trig.line
        entries.append(trig)
    return TriggerLexicon(lang, p, tuple(entries))


def _trigger(item: Any, node: yaml.Node, path: str, lang: str, ontology) -> Trigger:
    line = _line(node) or 0
    keys = _keys(node)

    def bad(fld: str, why: str) -> DataError:
        return DataError("E501", path=path, line=_line(keys.get(fld)) or line, field=fld, why=why)

    if not isinstance(item, dict):
        raise DataError("E501", path=path, line=line, field="triggers", why="each entry must be a mapping")
    for k in item:
        if k not in TRIGGER_FIELDS:
            raise bad(str(k), f"unknown field (allowed: {', '.join(sorted(TRIGGER_FIELDS))})")
    lemma = item.get("lemma")
    if not isinstance(lemma, str) or not lemma or len(lemma.split()) != 1 or lemma != lemma.strip():
        raise bad("lemma", "must be one word, as the lemmatizer gives it (put further words in 'with')")
    pos = item.get("pos")
    if pos not in POS_TAGS:
        raise bad("pos", f"must be one of {', '.join(POS_TAGS)}, not {pos!r}")
    with_ = _str_list(item.get("with", []), "with", bad)
    if any(len(w.split()) != 1 for w in with_):
        raise bad("with", "each entry must be a single lemma")
    if any(w.rpartition(":")[0] not in WITH_SLOTS for w in with_):
        raise bad("with", f"a slot before a lemma must be one of {', '.join(s for s in WITH_SLOTS if s)}")
    unless = _str_list(item.get("unless", []), "unless", bad)
    if any(len(w.split()) != 1 or w.rpartition(":")[0] not in WITH_SLOTS for w in unless):
        raise bad("unless", "each entry must be a single lemma, optionally after a slot as in 'with'")
    typ = item.get("type")
    if not isinstance(typ, str) or not ontology.is_type(typ):
        raise bad("type", f"unknown PLOVER type {typ!r}")
    mode = item.get("mode")
    if mode is not None and (not isinstance(mode, str) or mode not in ontology.types[typ].modes):
        modes = ", ".join(ontology.types[typ].modes) or "none"
        raise bad("mode", f"{mode!r} is not a mode of {typ} (modes: {modes})")
    contexts = _str_list(item.get("contexts", []), "contexts", bad)
    for c in contexts:
        if c not in ontology.contexts:
            raise bad("contexts", f"unknown context {c!r}")
    if "actor" not in item:
        raise bad("actor", "missing (list the slots that hold the actor, e.g. [subj])")
    actor = _str_list(item.get("actor"), "actor", bad)
    recipient = _str_list(item.get("recipient", []), "recipient", bad)
    for fld, slots in (("actor", actor), ("recipient", recipient)):
        for s in slots:
            if not SLOT_RE.match(s):
                raise bad(fld, f"unknown slot {s!r} (subj, obj, iobj, poss, ccomp_subj, obl:<case>, nmod:<case>, head_subj, "
                               "head_obj, head_iobj, head_obl:<case>, xcomp_subj)")
    if not actor:
        raise bad("actor", "needs at least one slot")
    flags = {}
    for fld in ("reciprocal", "negative", "targeted", "destination", "operand"):
        v = item.get(fld, False)
        if not isinstance(v, bool):
            raise bad(fld, "must be true or false")
        flags[fld] = v
    cameo = item.get("cameo")
    if cameo is not None:
        cameo = str(cameo)
        if not any(r.code == cameo for r in ontology.cameo_rows):
            raise bad("cameo", f"CAMEO code {cameo} is not in cameo_map.tsv")
    else:
        cameo = ontology.cameo(typ, mode, contexts[0] if contexts else None)
    tid = item.get("id")
    if tid is None:
        tid = ":".join([lang, "+".join((lemma, *with_)), pos, typ] + ([mode] if mode else []))
    elif not isinstance(tid, str) or not tid:
        raise bad("id", "must be a non-empty string")
    return Trigger(tid, lemma, pos, with_, typ, mode, contexts, cameo, actor, recipient,
                   flags["reciprocal"], flags["negative"], line, flags["targeted"], flags["destination"],
                   flags["operand"], unless)


def _str_list(value: Any, fld: str, bad) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise bad(fld, "must be a list of words (quote yes, no, on, off: YAML reads them as true/false)")
    return tuple(value)


@functools.cache
def load_contexts(lang: str, path: str | None = None) -> ContextLexicon:
    """Context cue lemmas of `lang` (cached), checked against the PLOVER context list."""
    from eventlens.events.ontology import Ontology

    file = Path(path) if path is not None else _path_for(lang, "contexts.yaml")
    p = str(file)
    data, root = read_data(file)
    _check_header(data, root, p, lang, "contexts")
    raw = data["contexts"]
    node = _value_node(root, "contexts")
    if not isinstance(raw, dict):
        raise DataError("E501", path=p, line=_line(node), field="contexts", why="must map context names to cue lists")
    known = Ontology.load().contexts
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(w, str) for w in ignore):
        raise DataError("E501", path=p, line=_line(_keys(root).get("ignore")), field="ignore",
                        why="must be a list of words")
    keys = _keys(node)
    cues: dict[str, tuple[str, ...]] = {}
    for ctx, words in raw.items():
        line = _line(keys.get(ctx))
        if ctx not in known:
            raise DataError("E501", path=p, line=line, field="contexts", why=f"unknown PLOVER context {ctx!r}")
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise DataError("E501", path=p, line=line, field=ctx, why="must be a list of cue lemmas")
        cues[ctx] = tuple(" ".join(w.split()).casefold() for w in words)
    heads = data.get("compound_heads", 0)
    if not isinstance(heads, int) or isinstance(heads, bool) or heads < 0:
        raise DataError("E501", path=p, line=_line(_keys(root).get("compound_heads")), field="compound_heads",
                        why="must be a whole number: the shortest cue that may end a compound (0: off)")
    return ContextLexicon(lang, p, cues, frozenset(w.casefold() for w in ignore), heads)
