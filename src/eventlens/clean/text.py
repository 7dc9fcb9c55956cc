"""The cleaner proper: lines -> kept paragraphs -> normalised text with an offset map.

Steps, in order (each one small and separately testable):

1. `split_lines`       the body as (start, end) spans of the original text, one per line.
2. `classify_lines`    each line is kept, blank, or removed with a kind (boilerplate patterns from the
                       language data files; the repeated headline; a teaser's headline line).
3. `group_paragraphs`  kept lines are grouped into paragraphs: a blank line ends a paragraph; a line
                       without final punctuation that is clearly shorter than its neighbours (a
                       subheading) is a paragraph of its own; hard-wrapped lines are joined.
4. repairs             glued words, missing spaces after punctuation (`repair.py`) as Edits.
5. `Assembler`         writes the cleaned text character by character with its offset map, applying
                       the repairs and the character normalisation (quotes, dashes, soft hyphens,
                       whitespace, NFC).

The headline: the first line is taken as the title when it is a short line without final punctuation
that is repeated further down or followed by a blank line, or when it equals the header's title. It is
kept ONCE, as the first paragraph of the cleaned text (so an event in a headline can still be found and
its offsets point at the first occurrence), and every later repetition is removed as `repeated_title`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from eventlens.clean.data import LinePattern, boilerplate_patterns
from eventlens.clean.repair import find_glued, find_spacing
from eventlens.records import Article, CleanText, Edit

# One character -> its normalised form ("" removes it). Applied without changing offsets.
CHAR_MAP: dict[str, str] = {
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",  # soft hyphen, zero-width
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-",  # hyphens
    "\u2012": "\u2013", "\u2014": "\u2013", "\u2015": "\u2013", "\u2212": "\u2013",  # dashes -> en dash
    "\u2026": "...",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    "\r": " ", "\x0b": " ", "\x0c": " ",
}
# a run of characters that `Assembler.emit` copies unchanged: none that CHAR_MAP or a control character maps,
# and no second space in a row (which emit drops)
_PLAIN = re.compile("(?:[^" + re.escape("".join(CHAR_MAP)) + "\x00-\x1f\x7f-\x9f ]| (?! ))+")
_FINAL_PUNCT = ".!?:;\"'»«“”„)…]"
_WS = re.compile(r"\s+")


@dataclass
class Line:
    start: int
    end: int
    text: str  # whitespace-collapsed, trimmed
    removed: str | None = None  # kind of removal, None if kept

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str, start: int) -> list[Line]:
    lines = []
    pos = start
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        raw = text[pos:end]
        lines.append(Line(pos, end, _squash(raw)))
        if nl < 0:
            break
        pos = nl + 1
    return lines


def _squash(raw: str) -> str:
    s = "".join(CHAR_MAP.get(c, c) if c in "\u00ad\u200b\u200c\u200d\u2060\ufeff\u00a0\t\r\u202f\u2009" else c
                for c in raw)
    return _WS.sub(" ", s).strip()


def _title_key(s: str) -> str:
    s = unicodedata.normalize("NFC", s).casefold()
    return re.sub(r"[\W_]+", " ", s).strip()


def _ends_sentence(s: str) -> bool:
    return bool(s) and s[-1] in _FINAL_PUNCT


def find_title(lines: list[Line], header_title: str | None) -> tuple[str | None, int | None]:
    """The headline text and the index of the line that carries it (None if it is not in the body)."""
    content = [i for i, ln in enumerate(lines) if not ln.blank and ln.removed is None]
    if header_title:
        key = _title_key(header_title)
        for i in content[:3]:
            if _title_key(lines[i].text) == key:
                return header_title.strip(), i
        return header_title.strip(), None
    if not content:
        return None, None
    first = content[0]
    cand = lines[first].text
    if len(cand) > 250 or (cand[-1] in ".!?;" and not cand.endswith("?")):
        return None, None
    key = _title_key(cand)
    repeated = any(_title_key(lines[i].text) == key for i in content[1:])
    followed_by_blank = first + 1 < len(lines) and lines[first + 1].blank
    if repeated or (followed_by_blank and len(content) > 1):
        return cand, first
    return None, None


def classify_lines(lines: list[Line], patterns: tuple[LinePattern, ...], title: str | None,
                   title_line: int | None) -> None:
    """Mark removed lines in place (Line.removed = kind)."""
    pending_headline = False  # a teaser marker was seen: its headline is the next content line
    for ln in lines:
        if ln.blank:
            continue
        if pending_headline:
            pending_headline = False
            # A teaser headline is one short line; a long line is the article going on.
            if len(ln.text) <= 250 and not _matches_any(ln.text, patterns):
                ln.removed = "teaser"
                continue
        for p in patterns:
            if p.match(ln.text):
                ln.removed = p.kind
                pending_headline = p.next_line
                break
    if title:
        key = _title_key(title)
        for i, ln in enumerate(lines):
            if ln.blank or i == title_line:
                continue
            if _title_key(ln.text) == key:
                ln.removed = "repeated_title"


def _matches_any(text: str, patterns: tuple[LinePattern, ...]) -> bool:
    return any(p.match(text) for p in patterns)


def group_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Kept lines grouped into paragraphs (see module docstring)."""
    paragraphs: list[list[Line]] = []
    block: list[Line] = []

    def flush_block() -> None:
        if not block:
            return
        longest = max(len(ln.text) for ln in block)
        current: list[Line] = []
        for k, ln in enumerate(block):
            current.append(ln)
            last = k == len(block) - 1
            if last:
                break
            wrapped = longest <= 120  # lines of a hard-wrapped paragraph are short and of similar length
            short = len(ln.text) < 0.6 * longest
            if not wrapped or short or (not _ends_sentence(ln.text) and _looks_like_heading(ln.text, block[k + 1].text)):
                paragraphs.append(current)
                current = []
        if current:
            paragraphs.append(current)
        block.clear()

    for ln in lines:
        if ln.removed is not None:
            # A removed line inside a block ends the paragraph before it.
            flush_block()
            continue
        if ln.blank:
            flush_block()
            continue
        block.append(ln)
    flush_block()
    return paragraphs


def _looks_like_heading(line: str, nxt: str) -> bool:
    return len(line) < 80 and line[:1].isupper() and nxt[:1].isupper() and len(nxt) > len(line) * 1.5


class Assembler:
    """Builds cleaned text and its offset map."""

    def __init__(self, original: str):
        self.original = original
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def emit(self, s: str, offset: int) -> None:
        for c in s:
            if c == " " and (not self.chars or self.chars[-1] in " \n"):
                continue
            self.chars.append(c)
            self.offsets.append(offset)

    def trim_space(self) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offsets.pop()

    def span(self, start: int, end: int, edits: list[Edit]) -> None:
        """Copy original[start:end] with the character map and the given edits applied (edits sorted)."""
        text = self.original
        k = 0
        i = start
        while i < end:
            while k < len(edits) and edits[k].start < i:
                k += 1
            if k < len(edits) and edits[k].start == i:
                e = edits[k]
                k += 1
                if e.replacement:
                    # Inserted characters map to the original character before the insertion point.
                    self.emit(e.replacement, max(i - 1, start))
                if e.end > e.start:
                    i = e.end
                    continue
                # a pure insertion: fall through and copy the current character
            stop = min(edits[k].start, end) if k < len(edits) else end
            plain = _PLAIN.match(text, i, stop)
            if plain and (k >= len(edits) or edits[k].start > i):  # a run copied as it is, at once
                a, b = plain.span()
                if text[a] == " " and (not self.chars or self.chars[-1] in " \n"):
                    a += 1  # emit's rule: no space after a space, a line break or at the start
                self.chars.extend(text[a:b])
                self.offsets.extend(range(a, b))
                i = b
                continue
            c = text[i]
            mapped = CHAR_MAP.get(c)
            if mapped is None:
                if c == "\n":
                    mapped = " "
                elif unicodedata.category(c) == "Cc":
                    mapped = " "
                else:
                    mapped = c
            self.emit(mapped, i)
            i += 1

    def result(self, end_offset: int) -> tuple[str, list[int]]:
        self.trim_space()
        text = "".join(self.chars)
        offsets = self.offsets + [self.offsets[-1] + 1 if self.offsets else end_offset]
        if not unicodedata.is_normalized("NFC", text):
            text, offsets = _compose(text, offsets)
        return text, offsets


def _compose(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """NFC with the offset map kept: each composed cluster maps to the offsets of its first character."""
    out: list[str] = []
    out_off: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        for c in cluster:
            out.append(c)
            out_off.append(offsets[i])
        i = j
    tail = offsets[n]
    return "".join(out), out_off + [tail]


def clean_article(article: Article, lang: str | None) -> CleanText:
    text = article.text
    start = min(max(article.body_start, 0), len(text))
    lines = split_lines(text, start)
    patterns = boilerplate_patterns()
    # Boilerplate first (so that a navigation line is never taken for the title), then the headline.
    classify_lines(lines, patterns, None, None)
    title, title_line = find_title(lines, article.title)
    if title:
        classify_lines(lines, (), title, title_line)
    removals: list[Edit] = [Edit(ln.removed, ln.start, ln.end, text[ln.start:ln.end]) for ln in lines
                            if ln.removed is not None]
    paragraphs = group_paragraphs(lines)
    asm = Assembler(text)
    repairs: list[Edit] = []
    lang_for_words = lang or "de"
    kept_end = 0  # where the last paragraph with visible text ends
    for para in paragraphs:
        asm.trim_space()
        mark = len(asm.chars)
        if asm.chars:  # a separator only between paragraphs that have visible text
            asm.emit("\n\n", min(kept_end, len(text) - 1) if text else 0)
        for l_index, ln in enumerate(para):
            line_text = text[ln.start:ln.end]
            edits = find_glued(line_text, ln.start, lang_for_words) + find_spacing(line_text, ln.start)
            edits.sort(key=lambda e: (e.start, e.end))
            if l_index:
                prev = para[l_index - 1]
                prev_raw = text[prev.start:prev.end].rstrip()
                if re.search(r"[^\W\d_]-$", prev_raw) and ln.text[:1].islower():
                    # A word hyphenated at a line break: join the halves.
                    cut = prev.start + len(prev_raw) - 1
                    asm.trim_space()
                    if asm.chars and asm.chars[-1] == "-":
                        asm.chars.pop()
                        asm.offsets.pop()
                        repairs.append(Edit("dehyphenate", cut, ln.start, text[cut:ln.start], ""))
                else:
                    asm.emit(" ", prev.end)
            repairs.extend(edits)
            asm.span(ln.start, ln.end, edits)
        if not any(c not in " \n" for c in asm.chars[mark:]):
            # nothing visible (e.g. a line of control characters): no empty paragraph, no stray separator
            del asm.chars[mark:]
            del asm.offsets[mark:]
        else:
            kept_end = para[-1].end
    clean_text, offsets = asm.result(len(text))
    return CleanText(text=clean_text, offsets=offsets, title=title, removals=removals, repairs=repairs)
