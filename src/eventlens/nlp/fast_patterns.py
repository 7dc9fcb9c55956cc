"""Tokenizer patterns that compile in milliseconds instead of seconds.

spaCy writes "any letter" in its tokenizer patterns as an enumerated list of Unicode ranges (its
`ALPHA`, `ALPHA_LOWER`, `ALPHA_UPPER`). Python's `re` compiles such a class case-insensitively by
case-folding every character of every range, and French builds a 1.4 MB case-insensitive token-match
pattern from hundreds of them: 2.5-3 s, paid once when `spacy.lang.fr` is imported and again in
every process that loads a French pipeline. The same letter classes written as the Unicode category
`[^\\W\\d_]` ("a word character that is no digit or underscore") compile at once and match the same
letters in every text we process (they also take letters of scripts spaCy does not list, which only
matters for words that mix such a script with French hyphen and elision patterns).

    with fast_large_patterns():
        nlp = spacy.load(...)   # large patterns compile with category letter classes

Only patterns of 100,000 characters or more compiled inside the block are rewritten (in practice the
French token-match pattern, in the language module and in the pipeline's tokenizer file alike).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER

LETTER = r"[^\W\d_]"
# only patterns this long are rewritten: everything else compiles as written
LARGE = 100_000
# an escaped character (kept as it is), or a character class: "[", then escaped characters or
# anything but "]" and "\", then "]"
_CLASS = re.compile(r"\\.|\[((?:\\.|[^\]\\])*)\]", re.DOTALL)
_lock = threading.Lock()


@contextmanager
def fast_large_patterns(min_length: int = LARGE) -> Iterator[None]:
    """While active, `re.compile` of a pattern of `min_length` characters or more compiles it with
    category letter classes. Meant to wrap `spacy.load` and the language-module import it triggers."""
    with _lock:
        compile_as_written = re.compile

        def compile_fast(pattern, flags=0):
            if isinstance(pattern, str) and len(pattern) >= min_length:
                pattern = category_letters(pattern)
            return compile_as_written(pattern, flags)

        re.compile = compile_fast
        try:
            yield
        finally:
            re.compile = compile_as_written


def category_letters(pattern: str) -> str:
    """`pattern` with spaCy's enumerated letter ranges replaced by the letter category. In a
    case-sensitive pattern only the full `ALPHA` class is replaced: lower- and upper-case-only classes
    have no category form in `re`."""
    ignore_case = bool(re.match(r"\(\?[a-zA-Z]*i", pattern))
    ranges = [ALPHA, ALPHA_LOWER, ALPHA_UPPER] if ignore_case else [ALPHA]
    ranges.sort(key=len, reverse=True)  # the longest first: one may contain another

    def rewrite(cls: re.Match) -> str:
        body = cls.group(1)
        if body is None or body.startswith("^") or not any(r in body for r in ranges):
            return cls.group(0)
        for r in ranges:
            body = body.replace(r, "")
        return f"(?:{LETTER}|[{body}])" if body else LETTER

    return _CLASS.sub(rewrite, pattern)
