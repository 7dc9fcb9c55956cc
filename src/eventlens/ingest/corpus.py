"""Bulk corpora: JSON Lines and CSV, one article per line/row.

Fields (columns): id, url, title, text or html, published, outlet, lang. A record without `text` and
`html` or with bad JSON becomes a Failure naming the file and the line; the rest of the file goes on.
Records without an id get `<file stem>-<line number>`.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator

from eventlens.errors import EventlensError, InputError
from eventlens.ingest.textfile import normalise_date
from eventlens.records import Article, Failure

FIELDS = ("id", "url", "title", "text", "html", "published", "outlet", "lang")


def iter_corpus(path: str, kind: str, *, lang: str | None = None,
                published: str | None = None) -> Iterator[Article | Failure]:
    stem = os.path.basename(path).rsplit(".", 1)[0]
    try:
        fh = open(path, encoding="utf-8", errors="replace", newline="")
    except FileNotFoundError:
        yield _fail(InputError("E101", path=path))
        return
    except OSError as exc:
        yield _fail(InputError("E109", path=path, why=exc.strerror or str(exc)))
        return
    count = 0
    with fh:
        rows = _jsonl_rows(fh, path) if kind == "jsonl" else _csv_rows(fh, path)
        for lineno, rec in rows:
            if isinstance(rec, Failure):
                yield rec
                continue
            try:
                yield record_to_article(rec, path=path, line=lineno, default_id=f"{stem}-{lineno}",
                                        lang=lang, published=published)
                count += 1
            except EventlensError as exc:
                yield _fail(exc)
    if count == 0 and kind in ("jsonl", "csv"):
        yield _fail(InputError("E104", path=path))


def _jsonl_rows(fh, path: str):
    for lineno, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, _fail(InputError("E107", path=path, line=lineno, why=f"invalid JSON ({exc.msg})"))
            continue
        if not isinstance(rec, dict):
            yield lineno, _fail(InputError("E107", path=path, line=lineno, why="a record must be a JSON object"))
            continue
        yield lineno, rec


def _csv_rows(fh, path: str):
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(fh)
    if not reader.fieldnames or not ({"text", "html"} & {f.strip().lower() for f in reader.fieldnames}):
        yield 1, _fail(InputError("E107", path=path, line=1, why="CSV header needs a 'text' or 'html' column"))
        return
    try:
        for rec in reader:
            yield reader.line_num, {(k or "").strip().lower(): v for k, v in rec.items()}
    except csv.Error as exc:
        yield reader.line_num, _fail(InputError("E107", path=path, line=reader.line_num, why=str(exc)))


def record_to_article(rec: dict, *, path: str, line: int, default_id: str, lang: str | None,
                      published: str | None) -> Article:
    def field(name: str) -> str | None:
        v = rec.get(name)
        if v is None:
            return None
        if not isinstance(v, str | int | float):
            raise InputError("E107", path=path, line=line, why=f"field '{name}' must be a string")
        v = str(v).strip()
        return v or None

    doc_id = field("id") or default_id
    text, html = field("text"), field("html")
    meta = {"source_line": line}
    extra = {k: v for k, v in rec.items() if k not in FIELDS and isinstance(v, str | int | float | bool)}
    if extra:
        meta["extra"] = extra
    where = f"{path}:{line}"
    if text:
        article = Article(doc_id=doc_id, text=str(rec["text"]), path=where, body_start=0, meta=meta)
    elif html:
        from eventlens.ingest.html import article_from_html

        article = article_from_html(str(rec["html"]), doc_id=doc_id, path=where, meta=meta, url=field("url"))
    else:
        raise InputError("E107", path=path, line=line, why="record has neither 'text' nor 'html'")
    article.title = field("title") or article.title
    article.url = field("url") or article.url
    article.outlet = field("outlet") or article.outlet
    pub = field("published")
    article.published = normalise_date(pub) or article.published or published
    article.lang = lang or (field("lang") or "").lower() or article.lang or None
    return article


def _fail(exc: EventlensError) -> Failure:
    path = exc.path or "?"
    if exc.line:
        path = f"{path}:{exc.line}"
    return Failure(path=path, code=exc.code, message=exc.message)
