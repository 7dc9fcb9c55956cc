"""Reading one text file: bytes -> decoded text -> Article (with an optional header block).

The header block is a run of `key: value` lines at the very top of the file (keys: title, url,
published, outlet, lang, id), closed by a blank line. It is recognised only when every line before
the first blank line is such a header line, so a body that happens to start with "Krieg in der
Ukraine: ..." is never mistaken for one.
"""

from __future__ import annotations

import re
from datetime import date

from eventlens.errors import InputError
from eventlens.records import Article

HEADER_KEYS = ("title", "url", "published", "outlet", "lang", "id")
_HEADER_LINE = re.compile(r"^(" + "|".join(HEADER_KEYS) + r")[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.IGNORECASE)

# Signatures of common binary formats: (prefix, what it is).
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"DUCK", "a DuckDB database"),
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def binary_reason(data: bytes) -> str | None:
    """Why these bytes are not text, or None if they look like text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte order mark
    if b"\x00" in head:
        return "NUL bytes"
    if head:
        control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
        if control / len(head) > 0.05:
            return "control characters"
    return None


def decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """Decode bytes; returns (text, encoding, warnings). Never raises on bad bytes."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", warnings
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    # Mostly UTF-8 with a few broken bytes: keep UTF-8 and replace the broken ones.
    bad = _count_bad_utf8(data)
    if bad and bad * 200 < len(data) and _looks_utf8(data):
        warnings.append(f"{bad} invalid UTF-8 byte(s) replaced (first at byte {first_bad})")
        return data.decode("utf-8", errors="replace"), "utf-8", warnings
    encoding = _guess_single_byte(data)
    try:
        return data.decode(encoding), encoding, warnings
    except UnicodeDecodeError:
        warnings.append(f"undecodable bytes replaced (guessed {encoding})")
        return data.decode(encoding, errors="replace"), encoding, warnings


def _count_bad_utf8(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")


def _looks_utf8(data: bytes) -> bool:
    # Real multi-byte UTF-8 sequences present: the file was written as UTF-8.
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", data) is not None


def _guess_single_byte(data: bytes) -> str:
    """Latin-1 vs Windows-1252 (vs whatever charset-normalizer is sure of)."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000], cp_isolation=["cp1252", "latin_1", "iso8859_15", "utf_8"]).best()
        if best is not None and best.encoding:
            enc = best.encoding
            if enc in ("latin_1", "iso8859_1") and re.search(rb"[\x80-\x9f]", data) is None:
                return "latin-1"
            if enc in ("latin_1", "iso8859_1"):
                enc = "cp1252"
            try:
                data.decode(enc)
                return enc
            except UnicodeDecodeError:
                pass
    except Exception:  # noqa: BLE001 - detection is a hint; we fall back below
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """The header fields and the offset where the body begins (0 when there is no header)."""
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end]
        if not line.strip():
            if not fields:
                return {}, 0
            return fields, (line_end + 1 if nl >= 0 else line_end)
        m = _HEADER_LINE.match(line)
        if m is None:
            return {}, 0
        fields[m.group(1).lower()] = m.group(2)
        pos = line_end + 1
        if nl < 0:
            break
    return (fields, len(text)) if fields else ({}, 0)


def normalise_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string; None if it is not one."""
    if not value:
        return None
    m = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def article_from_text(text: str, *, doc_id: str, path: str | None, lang: str | None = None,
                      published: str | None = None, meta: dict | None = None,
                      header: bool = True) -> Article:
    """Build an Article from decoded text; raises InputError E104 if there is no body text."""
    fields, body_start = parse_header(text) if header else ({}, 0)
    meta = dict(meta or {})
    pub = published
    if "published" in fields:
        pub = normalise_date(fields["published"]) or published
        if normalise_date(fields["published"]) is None:
            meta.setdefault("warnings", []).append(f"header 'published' is not a date: {fields['published']!r}")
    if not text[body_start:].strip():
        raise InputError("E104", path=path or doc_id)
    header_lang = (fields.get("lang") or "").strip().lower() or None
    return Article(
        doc_id=fields.get("id") or doc_id,
        text=text,
        path=path,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        published=pub,
        outlet=fields.get("outlet") or None,
        lang=lang or header_lang,
        body_start=body_start,
        meta=meta,
    )
