"""Web pages: main text and metadata through trafilatura, with a fallback of our own.

Order of attempts (each runs only when the one before found no text):

1. trafilatura's `bare_extraction` with metadata (title, date, author, site name; its own internal
   fallbacks included);
2. `fallback_text`: the text of the page's headings, paragraphs and list items, after dropping
   scripts, styles, navigation, headers, footers, asides and forms (lxml);
3. nothing found: an InputError naming the file.

A page nested deeper than libxml2 reads (256 elements) is refused with its own InputError before
extraction: the parser would silently drop everything below that depth, and body text may never be lost
without a word. trafilatura's own warnings ("discarding data") are kept out of the user's terminal: the
InputError already says what went wrong, in one line.

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
if logging.getLogger("trafilatura").level == logging.NOTSET:  # unless the user configured it
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

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
    if _too_deep(raw):
        raise InputError("E109", path=name, why="HTML nested too deeply (more than 255 elements deep); "
                                                "the text below that depth cannot be read")
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


def _too_deep(raw: bytes) -> bool:
    """True when libxml2 stops descending into the page (about 0.1 ms for a 10 kB page)."""
    import lxml.etree

    parser = lxml.etree.HTMLParser(recover=True)
    try:
        lxml.etree.fromstring(raw, parser)
    except Exception:  # noqa: BLE001 - unparsable is for the extractors to judge, not this check
        pass
    return any("Excessive depth" in e.message for e in parser.error_log)


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
