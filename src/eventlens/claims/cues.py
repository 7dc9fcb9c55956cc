"""A language pack's claim cues (lang/<xx>/claims.yaml), validated once."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventlens.errors import DataError
from eventlens.lang import get_pack

LIST_KEYS = ("speech_verbs", "according_to_before", "according_to_after", "negation", "denial_verbs",
             "confirm_verbs", "refusal_verbs", "unnamed_sources")
GROUP_KEYS = ("hypothetical", "alleged", "future")
GROUP_FIELDS = ("modals", "adverbs", "verbs", "phrases", "auxiliaries")


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
    groups: tuple[tuple[str, dict[str, frozenset[str]]], ...] = ()

    def group(self, name: str) -> dict[str, frozenset[str]]:
        return dict(self.groups).get(name, {})


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
