"""Plural references to a pair of states: "die beiden Verbündeten", "both countries", "les deux pays".

An article about two states keeps calling them "the two"; such a phrase stands for the two states the
article has named most often so far. Patterns are per-language data (`pair_references` in
lang/<xx>/actors.yaml: regular expressions over the cleaned text).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from eventlens.errors import DataError
from eventlens.lang import LanguagePack
from eventlens.records import Document, Mention


@functools.lru_cache(maxsize=16)
def _patterns(pack: LanguagePack) -> tuple[re.Pattern, ...]:
    raw = pack.data("actors.yaml").get("pair_references", [])
    out = []
    for i, pattern in enumerate(raw):
        try:
            out.append(re.compile(pattern, re.IGNORECASE))
        except (re.error, TypeError) as exc:
            raise DataError("E401", path=str(pack.path("actors.yaml")), field=f"pair_references[{i}]",
                            why=f"not a regular expression: {exc}") from exc
    return tuple(out)


def resolve_pairs(doc: Document, pack: LanguagePack) -> list[Mention]:
    """Mentions (two per phrase, same span) for every pair reference with two parties before it.

    The parties are states, bodies, or persons standing for their state. Where the sentence before (with
    the start of the phrase's own) names exactly two, those are meant ("Scholz und Macron haben beraten.
    Beide sprachen sich dafür aus"); otherwise the two states the article has named most often so far, or
    failing two states, the first two parties named just before."""
    if not pack.exists or doc.clean is None:
        return []
    found: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for pattern in _patterns(pack):
        for match in pattern.finditer(doc.clean.text):
            if any(a < match.end() and match.start() < b for a, b in spans):
                continue  # "Beide Länder": one phrase, whichever pattern finds it first
            sentence = next((s.index for s in doc.sentences if s.clean_start <= match.start() < s.clean_end), -1)
            parties = [m for m in doc.mentions if m.kind in _PARTY_KINDS and m.code != "UNK"
                       and m.clean_end <= match.start()]
            near = Counter(m.code for m in parties if m.sentence in (sentence - 1, sentence))
            earlier = Counter(m.code for m in parties if m.kind == "state")
            chosen = list(near) if len(near) == 2 else [code for code, _ in earlier.most_common(2)]
            if len(chosen) < 2:
                chosen = list(near)[:2]  # "Scholz und Macron haben in Budapest beraten": the first two named
            if len(chosen) < 2:
                continue
            spans.append((match.start(), match.end()))
            start, end = doc.clean.to_original(match.start(), match.end())
            for code in chosen:
                named = next(m for m in doc.mentions if m.code == code)
                found.append(Mention(text=match.group(0), clean_start=match.start(), clean_end=match.end(),
                                     code=code, sector=None, name=named.name, wikidata=named.wikidata,
                                     kind="state", sentence=sentence, start=start, end=end, how="pair"))
    return found


_PARTY_KINDS = ("state", "igo", "person")
