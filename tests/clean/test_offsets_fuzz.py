"""Hypothesis: on any text the cleaner keeps a valid offset map back to the original."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventlens.clean import clean
from eventlens.clean.text import CHAR_MAP
from eventlens.records import Article

PIECES = st.sampled_from([
    "Der Minister", "sagte", "am Freitag.", "\n", "\n\n", "-", "Lesen Sie auch:", "PREV Etwas", "NEXT Anderes",
    "Won-sikSüdkoreas", "cKampf", "geliefert.Das", "iPhone", "McDonald", "„Zitat“", "e\u0301", "\u00ad", "\u00a0",
    "\t", "  ", "Read more", "À lire aussi", "title: X", "Überschrift", "–", "«", "»", "Unter-\nstützung", "\r\n",
    "\x1b", "\x00",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map(" ".join)


def _check(article: Article) -> None:
    ct = clean(article)
    text, offsets = ct.text, ct.offsets
    assert len(offsets) == len(text) + 1
    assert text == text.strip() and "\n\n\n" not in text and " \n" not in text and "\n " not in text
    assert "  " not in text and "\u00ad" not in text
    assert all(article.body_start <= o <= len(article.text) for o in offsets)
    assert all(a <= b for a, b in zip(offsets, offsets[1:], strict=False)), "offsets must not go backwards"
    for i, ch in enumerate(text):
        orig = article.text[offsets[i]] if offsets[i] < len(article.text) else ""
        if ch.isalnum() and unicodedata.is_normalized("NFC", orig) and orig == unicodedata.normalize("NFC", orig):
            # a letter or digit is the original character, its normalised form or a composed cluster
            assert ch == orig or ch == CHAR_MAP.get(orig) or unicodedata.normalize("NFC", orig) == ch or \
                unicodedata.combining(article.text[offsets[i] + 1: offsets[i] + 2] or " "), (i, ch, orig)
    for a in range(0, len(text), max(1, len(text) // 7 or 1)):
        for b in (a, a + 1, len(text)):
            if a <= b <= len(text):
                s, e = ct.to_original(a, b)
                assert article.body_start <= s <= e <= len(article.text)
    for edit in ct.removals + ct.repairs:
        assert article.text[edit.start:edit.end] == edit.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_offsets_valid_on_random_text(body):
    _check(Article(doc_id="fuzz", text=body, lang="de"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30), TEXT)
def test_offsets_valid_after_a_header(head, body):
    header = "title: " + " ".join(head.split()) + "\n\n"
    text = header + body
    _check(Article(doc_id="fuzz", text=text, body_start=len(header), lang="en"))
