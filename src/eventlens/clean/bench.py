"""Throughput of ingest + clean, for `eventlens bench --stage clean`.

    bench_clean(paths, min_docs=200) -> {"text": {...}, "html": {...}}

Files are read once into memory, grouped by format (text vs HTML), then each group is parsed and
cleaned repeatedly until at least `min_docs` documents were done. Reading from disk is not timed;
decoding, HTML extraction and cleaning are. Each group reports docs, chars, seconds and docs_per_s.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from eventlens.clean import clean
from eventlens.ingest import ARTICLE_EXTENSIONS, read_bytes
from eventlens.records import Article


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(ARTICLE_EXTENSIONS)))
        elif p.is_file():
            out.append(p)
    return out


def bench_clean(paths: list[str], min_docs: int = 200) -> dict[str, dict[str, float]]:
    groups: dict[str, list[tuple[str, bytes]]] = {"text": [], "html": []}
    for f in _files(paths):
        low = f.name.lower()
        if low.endswith((".html", ".htm", ".xhtml")):
            groups["html"].append((str(f), f.read_bytes()))
        elif low.endswith((".txt", ".text")):
            groups["text"].append((str(f), f.read_bytes()))
    # warm-up: language data, dictionaries and the language model are loaded once, outside the timing
    for items in groups.values():
        for name, data in items[:2]:
            for a in read_bytes(data, name=name, doc_id="warm"):
                if isinstance(a, Article):
                    clean(a)
    report: dict[str, dict[str, float]] = {}
    for kind, items in groups.items():
        if not items:
            continue
        docs = chars = 0
        t0 = time.perf_counter()
        while docs < min_docs:
            for name, data in items:
                for a in read_bytes(data, name=name, doc_id=os.path.basename(name),
                                    kind="html" if kind == "html" else "text"):
                    if isinstance(a, Article):
                        ct = clean(a)
                        chars += len(ct.text)
                docs += 1
        secs = time.perf_counter() - t0
        report[kind] = {"docs": docs, "chars": chars, "seconds": round(secs, 3),
                        "docs_per_s": round(docs / secs, 1) if secs else float("inf")}
    return report
