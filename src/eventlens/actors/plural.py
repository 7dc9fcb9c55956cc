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
    """Mentions (two per phrase, same span) for every pair reference with two states before it."""
    if not pack.exists or doc.clean is None:
        return []
    found = []
    for pattern in _patterns(pack):
        for match in pattern.finditer(doc.clean.text):
            earlier = Counter(m.code for m in doc.mentions
                              if m.kind == "state" and m.code != "UNK" and m.clean_end <= match.start())
            if len(earlier) < 2:
                continue
            sentence = next((s.index for s in doc.sentences if s.clean_start <= match.start() < s.clean_end), -1)
            start, end = doc.clean.to_original(match.start(), match.end())
            for code, _ in earlier.most_common(2):
                named = next(m for m in doc.mentions if m.code == code)
                found.append(Mention(text=match.group(0), clean_start=match.start(), clean_end=match.end(),
                                     code=code, sector=None, name=named.name, wikidata=named.wikidata,
                                     kind="state", sentence=sentence, start=start, end=end, how="pair"))
    return found
