"""Ingest: read articles from files, directories, stdin, corpora and crawls.

    iter_articles(paths, *, lang=None, published=None) -> Iterator[Article | Failure]

Each path is a file, a directory (searched recursively for the extensions in READERS) or "-" for
standard input. A file that cannot be read becomes a `Failure` with a one-line message naming it, and
the iteration goes on with the next one. Which reader handles a file is decided by its extension:

    .txt .text            plain text with an optional header block   (textfile.py)
    .html .htm .xhtml     a web page: main text and metadata           (html.py)
    .jsonl .ndjson        one article per line                         (corpus.py)
    .csv                  one article per row, same columns as JSONL   (corpus.py)
    .warc .warc.gz        HTML responses of a crawl                    (warc.py)

Unknown extensions given explicitly are read as text (after the binary check).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from eventlens.errors import EventlensError, InputError
from eventlens.ingest.textfile import DEFAULT_MAX_BYTES, article_from_text, binary_reason, decode
from eventlens.records import Article, Failure

log = logging.getLogger(__name__)

__all__ = ["iter_articles", "read_file", "read_bytes", "DEFAULT_MAX_BYTES"]

Reader = Callable[..., Iterator[Article | Failure]]


def _reader_for(name: str) -> str:
    low = name.lower()
    if low.endswith((".warc", ".warc.gz")):
        return "warc"
    if low.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith(".csv"):
        return "csv"
    return "text"


ARTICLE_EXTENSIONS = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".csv", ".warc", ".warc.gz")


def iter_articles(paths: list[str], *, lang: str | None = None, published: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Articles (or Failures) from files, directories and "-" (stdin), in a stable order."""
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            yield from read_bytes(data, name="-", doc_id="stdin", lang=lang, published=published,
                                  max_bytes=max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            files = _walk(path)
            if not files:
                yield _failure(InputError("E102", path=raw, patterns=" ".join("*" + e for e in ARTICLE_EXTENSIONS)))
                continue
            for f in files:
                yield from read_file(str(f), lang=lang, published=published, max_bytes=max_bytes)
        else:
            yield from read_file(raw, lang=lang, published=published, max_bytes=max_bytes)


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in sorted(names):
            if not n.startswith(".") and n.lower().endswith(ARTICLE_EXTENSIONS):
                if _is_annotation_file(Path(root) / n):
                    log.info("skipping %s: gold annotations, not articles", Path(root) / n)
                    continue
                found.append(Path(root) / n)
    return found


def _is_annotation_file(path: Path) -> bool:
    """A JSONL file of gold events (GOLD_FORMAT) kept beside the articles it annotates: its records
    carry "events" and no text. Only directory walks skip it; named explicitly, it is read (and fails)."""
    if not path.name.lower().endswith((".jsonl", ".ndjson")):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            first = fh.readline()
        record = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and "events" in record and not ({"text", "html"} & set(record))


def _failure(exc: EventlensError, doc_id: str | None = None) -> Failure:
    return Failure(path=exc.path or "?", code=exc.code, message=exc.message, doc_id=doc_id)


def _stem(name: str) -> str:
    base = os.path.basename(name)
    for ext in sorted(ARTICLE_EXTENSIONS, key=len, reverse=True):
        if base.lower().endswith(ext):
            return base[: -len(ext)]
    return os.path.splitext(base)[0]


def read_file(path: str, *, lang: str | None = None, published: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Failure]:
    """Articles from one file; a file that cannot be read yields one Failure."""
    try:
        size = os.path.getsize(path)
        if not os.path.isfile(path):
            raise InputError("E109", path=path, why="not a regular file")
        if size > max_bytes and _reader_for(path) not in ("jsonl", "csv", "warc"):
            raise InputError("E106", path=path, size=size, limit=max_bytes)
        kind = _reader_for(path)
        if kind in ("jsonl", "csv", "warc"):
            yield from _read_corpus(kind, path, lang=lang, published=published)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        yield _failure(InputError("E101", path=path))
        return
    except IsADirectoryError:
        yield _failure(InputError("E109", path=path, why="is a directory"))
        return
    except PermissionError:
        yield _failure(InputError("E109", path=path, why="permission denied"))
        return
    except EventlensError as exc:
        yield _failure(exc)
        return
    except OSError as exc:
        yield _failure(InputError("E109", path=path, why=exc.strerror or str(exc)))
        return
    yield from read_bytes(data, name=path, doc_id=_stem(path), lang=lang, published=published,
                          max_bytes=max_bytes, kind=kind)


def read_bytes(data: bytes, *, name: str, doc_id: str, lang: str | None = None, published: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, kind: str | None = None,
               meta: dict | None = None) -> Iterator[Article | Failure]:
    """Articles from the bytes of one text or HTML document (also used for stdin and fetched pages)."""
    try:
        if len(data) > max_bytes:
            raise InputError("E106", path=name, size=len(data), limit=max_bytes)
        if not data.strip():
            raise InputError("E104", path=name)
        why = binary_reason(data)
        if why:
            raise InputError("E103", path=name, why=why)
        kind = kind or ("html" if _sniff_html(data) else "text")
        if kind == "html":
            from eventlens.ingest.html import article_from_html

            yield article_from_html(data, doc_id=doc_id, path=name, lang=lang, published=published, meta=meta)
            return
        text, encoding, warnings = decode(data, name)
        if kind == "text" and _sniff_html(text[:2048].encode("utf-8", "ignore")):
            from eventlens.ingest.html import article_from_html

            yield article_from_html(data, doc_id=doc_id, path=name, lang=lang, published=published, meta=meta)
            return
        m = dict(meta or {})
        m["encoding"] = encoding
        if warnings:
            m.setdefault("warnings", []).extend(warnings)
            for w in warnings:
                log.warning("%s: %s", name, w)
        yield article_from_text(text, doc_id=doc_id, path=name, lang=lang, published=published, meta=m)
    except EventlensError as exc:
        yield _failure(exc, doc_id=doc_id)
    except RecursionError:
        yield _failure(InputError("E109", path=name, why="structure nested too deeply"), doc_id=doc_id)
    except Exception as exc:  # one broken document must never stop a batch
        log.debug("reading %s failed", name, exc_info=True)
        yield _failure(InputError("E109", path=name, why=f"{type(exc).__name__}: {exc}"), doc_id=doc_id)


def _sniff_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower()


def _read_corpus(kind: str, path: str, *, lang: str | None, published: str | None) -> Iterator[Article | Failure]:
    if kind == "warc":
        from eventlens.ingest.warc import iter_warc

        yield from iter_warc(path, lang=lang, published=published)
    else:
        from eventlens.ingest.corpus import iter_corpus

        yield from iter_corpus(path, kind, lang=lang, published=published)
