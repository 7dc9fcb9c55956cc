"""A language pack's claim cues (lang/<xx>/claims.yaml), validated once."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventlens.errors import DataError
from eventlens.events.clauses import verb_particles
from eventlens.lang import get_pack

LIST_KEYS = ("speech_verbs", "according_to_before", "according_to_after", "negation", "denial_verbs",
             "confirm_verbs", "refusal_verbs", "unnamed_sources", "impersonal_speech", "via_markers",
             "citing_markers", "contrary_markers", "institutions", "not_according_to", "rejection_verbs",
             "claim_nouns", "relative_openers")
GROUP_KEYS = ("hypothetical", "alleged", "future")
GROUP_FIELDS = ("modals", "adverbs", "verbs", "phrases", "auxiliaries", "reported")


def _words(value, path: str, field: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError("E502", path=path, why=f"field '{field}' must be a list of strings")
    return frozenset(v.lower() for v in value)


@dataclass(frozen=True)
class ClaimCues:
    speech_verbs: frozenset[str] = frozenset()
    according_to_before: frozenset[str] = frozenset()
    according_to_after: frozenset[str] = frozenset()
    negation: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    confirm_verbs: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    unnamed_sources: frozenset[str] = frozenset()
    impersonal_speech: frozenset[str] = frozenset()  # "heißt es", "a-t-on appris": an unnamed source (UNK)
    via_markers: frozenset[str] = frozenset()  # "told", "dem Sender", "a déclaré à": who relayed the words
    citing_markers: frozenset[str] = frozenset()  # "citing", "unter Berufung auf": the reporter relays a source
    contrary_markers: frozenset[str] = frozenset()  # "contrary to what X said": X is not the source
    institutions: frozenset[str] = frozenset()  # "the interior ministry": a body of the state the act is about
    not_according_to: frozenset[str] = frozenset()  # "selon lesquelles": a relative clause, not a source
    rejection_verbs: frozenset[str] = frozenset()  # "rejeter les accusations": a denial when a claim is rejected
    claim_nouns: frozenset[str] = frozenset()  # "accusations", "Berichte", "claims": what a rejection denies
    relative_openers: frozenset[str] = frozenset()  # ", qu'il juge": a relative clause the tagger calls SCONJ
    groups: tuple[tuple[str, dict[str, frozenset[str]]], ...] = ()

    def group(self, name: str) -> dict[str, frozenset[str]]:
        return dict(self.groups).get(name, {})


def token_keys(tok: Token, span: Span, syntax) -> frozenset[str]:
    """The forms a cue list may name a word by: its lemma and word form, or for a separable verb the
    particle verb ("kündigte ... an" -> ankündigen, "wies ... zurück" -> zurückweisen) instead of the bare
    lemma. The particle is the verb's parse dependent or, in a language that closes the clause with it, the
    clause's last word."""
    lemma = (tok.lemma_ or tok.text).lower()
    if syntax.particles and tok.pos_ in ("VERB", "AUX", ""):
        parts = verb_particles(tok, span, syntax)
        if parts:
            return frozenset(p + lemma for p in parts)
    return frozenset((lemma, tok.text.lower()))


def phrase_at(words: list[str], i: int, phrases: frozenset[str]) -> int:
    """Length in words of the longest phrase of `phrases` that starts at words[i] (0 if none)."""
    if i >= len(words):
        return 0
    best = 0
    for parts in _phrases_by_first(phrases).get(words[i], ()):
        if len(parts) > best and words[i : i + len(parts)] == parts:
            best = len(parts)
    return best


@functools.lru_cache(maxsize=256)
def _phrases_by_first(phrases: frozenset[str]) -> dict[str, list[list[str]]]:
    """The phrases split into words, by first word (cue lists live as long as the process)."""
    out: dict[str, list[list[str]]] = {}
    for p in phrases:
        parts = p.split()
        if parts:
            out.setdefault(parts[0], []).append(parts)
    return out


@functools.lru_cache(maxsize=16)
def load_cues(lang: str) -> ClaimCues:
    pack = get_pack(lang)
    data = pack.data("claims.yaml")
    path = str(pack.path("claims.yaml"))
    if data and data.get("schema") != 1:
        raise DataError("E502", path=path, why="expected 'schema: 1' on the first line")
    unknown = set(data) - set(LIST_KEYS) - set(GROUP_KEYS) - {"schema"}
    if unknown:
        raise DataError("E502", path=path, why=f"unknown field(s) {sorted(unknown)}")
    lists = {k: _words(data.get(k), path, k) for k in LIST_KEYS}
    groups = []
    for name in GROUP_KEYS:
        raw = data.get(name) or {}
        if not isinstance(raw, dict) or set(raw) - set(GROUP_FIELDS):
            raise DataError("E502", path=path, why=f"field '{name}' takes only {', '.join(GROUP_FIELDS)}")
        groups.append((name, {f: _words(raw.get(f), path, f"{name}.{f}") for f in GROUP_FIELDS}))
    return ClaimCues(groups=tuple(groups), **lists)
