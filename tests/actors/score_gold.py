"""Precision and recall of actor resolution on a mention set (default tests/actors/mentions_gold.tsv).

    .venv/bin/python tests/actors/score_gold.py [-v] [FILE.tsv]

A system mention counts as correct when its span, code and sector all equal a gold mention's.
tests/actors/mentions_heldout.tsv is a held-out set: score it, never tune on its sentences.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from eventlens.actors import ActorDictionary, resolve_text

GOLD = Path(__file__).with_name("mentions_gold.tsv")
HELDOUT = Path(__file__).with_name("mentions_heldout.tsv")


def read_gold(path: Path = GOLD) -> list[tuple[str, str, str, set[tuple[int, int, str, str | None]]]]:
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line_no, line in enumerate(lines[2:], start=3):
        if not line.strip() or line.startswith("#"):
            continue
        lang, date, text, gold = line.split("\t")
        spans = set()
        for item in gold.split(" | "):
            surface, _, target = item.rpartition("=")
            nth = 1
            if "#" in surface:
                surface, n = surface.rsplit("#", 1)
                nth = int(n)
            pos = -1
            for _ in range(nth):
                pos = text.find(surface, pos + 1)
            if pos < 0:
                raise ValueError(f"{path}:{line_no}: {surface!r} not in text")
            code, sector = target.split("/")
            spans.add((pos, pos + len(surface), code, None if sector == "-" else sector))
        rows.append((lang, date, text, spans))
    return rows


def score(dictionary: ActorDictionary | None = None, verbose: bool = False,
          path: Path = GOLD) -> dict[str, dict[str, float]]:
    dictionary = dictionary or ActorDictionary.load()
    counts: dict[str, Counter] = {}
    for lang, date, text, gold in read_gold(path):
        got = {(m.start, m.end, m.code, m.sector) for m in resolve_text(text, lang, date or None, dictionary)}
        for key in (lang, "all"):
            c = counts.setdefault(key, Counter())
            c["tp"] += len(got & gold)
            c["tp_code"] += len({g[:3] for g in got} & {g[:3] for g in gold})
            c["tp_span"] += len({g[:2] for g in got} & {g[:2] for g in gold})
            c["sys"] += len(got)
            c["gold"] += len(gold)
        if verbose and got != gold:
            for s in sorted(gold - got):
                print(f"  missed {lang} {text[s[0]:s[1]]!r} {s[2]}/{s[3]}")
            for s in sorted(got - gold):
                print(f"  extra  {lang} {text[s[0]:s[1]]!r} {s[2]}/{s[3]}")
    return {k: {"precision": c["tp"] / max(c["sys"], 1), "recall": c["tp"] / max(c["gold"], 1),
                "gold": c["gold"], "sys": c["sys"],
                # looser views, for diagnosis: span and code right (any sector); span right
                "code_recall": c["tp_code"] / max(c["gold"], 1), "span_recall": c["tp_span"] / max(c["gold"], 1)}
            for k, c in counts.items()}


if __name__ == "__main__":
    files = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    result = score(verbose="-v" in sys.argv, path=files[0] if files else GOLD)
    for key, r in sorted(result.items()):
        print(f"{key:4} mentions {r['gold']:4d}  precision {r['precision']:.3f}  recall {r['recall']:.3f}"
              f"   (recall of span+code {r['code_recall']:.3f}, of span {r['span_recall']:.3f})")
