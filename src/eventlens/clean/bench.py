"""Throughput of ingest + clean, for `eventlens bench --stage clean`.

    bench_clean(paths, min_docs=200) -> {"text": {...}, "html": {...}}

Files are read once into memory, grouped by format (text vs HTML), then each group is parsed and
cleaned repeatedly until at least `min_docs` documents were done. Reading from disk is not timed;
decoding, HTML extraction and cleaning are. Each group reports docs, chars, seconds and docs_per_s.

A corpus without HTML files (the bundled examples are plain text) still gets an HTML figure: its text
articles are rendered as news pages (header navigation, a script block, a teaser sidebar, a cookie banner
and a footer around the article) and that group is marked `"rendered": true`.
"""

from __future__ import annotations

import html as html_lib
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


def render_page(text: str, lang: str = "en") -> bytes:
    """A text article (first line as headline) as a web page with ordinary page furniture around it."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return b""
    esc = html_lib.escape
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    script = "<script>" + "".join(f"window.dataLayer.push({{slot: {i}, size: [300, 250]}});" for i in range(120)) + \
        "</script>"
    aside = "".join(f'<li><a href="/story/{i}">{esc(lines[0][:40])} ({i})</a></li>' for i in range(10))
    footer = "".join(f'<a href="/page/{i}">Page {i}</a> ' for i in range(30))
    body = f"<h1>{esc(lines[0])}</h1>" + "".join(f"<p>{esc(ln)}</p>" for ln in lines[1:])
    page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(lines[0])}</title>'
            f"{script}</head><body><div class=\"cookie-banner\"><p>Cookies</p><button>OK</button></div>"
            f"<header><nav><ul>{nav}</ul></nav></header><main><article>{body}</article>"
            f"<aside><ul>{aside}</ul></aside></main><footer>{footer}</footer></body></html>")
    return page.encode("utf-8")


def bench_clean(paths: list[str], min_docs: int = 200) -> dict[str, dict[str, float]]:
    groups: dict[str, list[tuple[str, bytes]]] = {"text": [], "html": []}
    for f in _files(paths):
        low = f.name.lower()
        if low.endswith((".html", ".htm", ".xhtml")):
            groups["html"].append((str(f), f.read_bytes()))
        elif low.endswith((".txt", ".text")):
            groups["text"].append((str(f), f.read_bytes()))
    rendered = not groups["html"] and bool(groups["text"])
    if rendered:
        for name, data in groups["text"]:
            for a in read_bytes(data, name=name, doc_id="render", kind="text"):
                if isinstance(a, Article):
                    page = render_page(a.text[a.body_start:], a.lang or "en")
                    if page:
                        groups["html"].append((name.rsplit(".", 1)[0] + ".html", page))
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
        if kind == "html" and rendered:
            report[kind]["rendered"] = True
    return report
