"""Web pages: main text and metadata through trafilatura, with a fallback of our own.

Order of attempts (each runs only when the one before found no text):

1. trafilatura's `bare_extraction` with metadata (title, date, author, site name; its own internal
   fallbacks included);
2. `fallback_text`: the text of the page's headings, paragraphs and list items, after dropping
   scripts, styles, navigation, headers, footers, asides and forms (lxml);
3. nothing found: an InputError naming the file.

For an HTML document, `Article.text` is the extracted text with one paragraph per block, paragraphs
separated by a blank line; offsets in the output point into that text. The page's own language
(`<html lang>`) fills `Article.lang` when no language was forced.
"""

from __future__ import annotations

import logging
import re
import warnings

from eventlens.errors import InputError
from eventlens.ingest.textfile import decode, normalise_date
from eventlens.records import Article

log = logging.getLogger(__name__)

_LANG_ATTR = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre", "td", "dd")
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template")


def article_from_html(data: bytes | str, *, doc_id: str, path: str | None, lang: str | None = None,
                      published: str | None = None, meta: dict | None = None, url: str | None = None) -> Article:
    name = path or doc_id
    if isinstance(data, bytes):
        html, _enc, warns = decode(data, name)
        raw = data
    else:
        html, warns = data, []
        raw = data.encode("utf-8", "ignore")
    m = dict(meta or {})
    m["format"] = "html"
    if warns:
        m.setdefault("warnings", []).extend(warns)
    title = author = sitename = date = page_url = None
    text = ""
    try:
        doc = _trafilatura(html, url)
    except Exception as exc:  # noqa: BLE001 - a failing extractor is logged and skipped
        log.debug("trafilatura failed on %s: %s", name, exc)
        doc = None
    if doc is not None:
        title, author, sitename, date = doc.get("title"), doc.get("author"), doc.get("sitename"), doc.get("date")
        page_url = doc.get("url")
        text = doc.get("text") or ""
        m["extractor"] = "trafilatura"
    if not text.strip():
        text = fallback_text(html)
        m["extractor"] = "fallback"
        title = title or _fallback_title(html)
    text = _paragraphs(text)
    if not text.strip():
        raise InputError("E109", path=name, why="HTML page has no text in its body")
    if author:
        m["author"] = author
    found = _LANG_ATTR.search(raw[:8192])
    page_lang = found.group(1).decode("ascii").lower()[:2] if found else None
    return Article(doc_id=doc_id, text=text, path=path, title=(title or None), url=url or page_url,
                   published=normalise_date(date) or published, outlet=sitename or None,
                   lang=lang or page_lang, body_start=0, meta=m)


def _trafilatura(html: str, url: str | None) -> dict | None:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def _paragraphs(text: str) -> str:
    lines = [" ".join(ln.split()) for ln in text.replace("\r", "\n").split("\n")]
    return "\n\n".join(ln for ln in lines if ln)


def fallback_text(html: str) -> str:
    """Text of headings, paragraphs and list items, without page furniture."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"))
    except Exception:  # noqa: BLE001 - unparsable HTML simply has no text for us
        return ""
    for bad in root.xpath("//" + " | //".join(_DROP_TAGS)):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in root.iter(*_BLOCK_TAGS)]
    blocks = [b for b in blocks if b]
    if not blocks:
        body = root.find("body")
        if body is not None:
            blocks = [" ".join(body.text_content().split())]
    return "\n".join(b for b in blocks if b)


def _fallback_title(html: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return " ".join(m.group(1).split()) if m and m.group(1).strip() else None
