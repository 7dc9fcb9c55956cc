"""Repairs inside a kept line: glued words and missing spaces after punctuation.

Each finder looks at the original text of one line and returns `Edit`s with original offsets; the
assembler in `eventlens.clean` applies them. Nothing here changes text on its own.

Glued words ("Won-sikSüdkoreas", "cKampf") come from scrapers that drop the markup between two
elements. A token is split only where a lower-case letter is directly followed by an upper-case one
and both pieces are plausible: the right piece must be a known word of the language (simplemma's
dictionary), the whole token must not be a known word, and it must not be a listed camel-case name
(iPhone, McDonald, eBay: `clean/data/camelcase.yaml`). A single stray lower-case letter before a known
capitalised word is dropped instead of split off ("cKampf" -> "Kampf").
"""

from __future__ import annotations

import functools
import re

from eventlens.clean.data import camelcase_words
from eventlens.records import Edit

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
# A token (letters, hyphens, apostrophes) that has a lower->upper transition inside.
_GLUED = re.compile(rf"(?<![\w@/.#])([\w'’-]*[{_LOWER}])([{_UPPER}][\w'’-]*)")
# Sentence punctuation directly followed by a capitalised word ("geliefert.Das").
_NO_SPACE_AFTER_STOP = re.compile(rf"(?<=[{_LOWER}]{{2}})([.!?;])(?=[{_UPPER}][{_LOWER}])")
# A comma directly followed by a letter, not between digits ("Hilfe,die").
_NO_SPACE_AFTER_COMMA = re.compile(rf"(?<=[{_LOWER}{_UPPER}]{{2}}),(?=[{_LOWER}{_UPPER}]{{2}})")
_SPLITTABLE_LANGS = ("de", "en", "fr", "es", "it")


@functools.lru_cache(maxsize=65536)
def is_known(word: str, lang: str) -> bool:
    import simplemma

    if lang not in _SPLITTABLE_LANGS:
        return False
    try:
        return bool(simplemma.is_known(word, lang=lang))
    except (ValueError, KeyError):
        return False


@functools.lru_cache(maxsize=65536)
def is_known_form(word: str, lang: str) -> bool:
    """A known word, also in lower case or through its lemma (inflected adjectives, plurals)."""
    if is_known(word, lang) or is_known(word.lower(), lang):
        return True
    import simplemma

    try:
        lemma = simplemma.lemmatize(word.lower(), lang=lang)
    except (ValueError, KeyError):
        return False
    return lemma != word.lower() and is_known(lemma, lang)


def _protected(token: str) -> bool:
    words = camelcase_words()
    core = token.strip("'’-")
    if core in words or core.rstrip("s") in words:
        return True
    # Mc/Mac/O' + capital are surname forms, not glue.
    return re.match(rf"^(Mc|Mac|O'|O’|D'|D’)[{_UPPER}]", core) is not None


def _word_like(piece: str) -> str:
    return piece.strip("'’-")


def find_glued(line: str, offset: int, lang: str) -> list[Edit]:
    """Glued-word repairs in one line; `offset` is the line's start in the original text."""
    edits: list[Edit] = []
    for m in _GLUED.finditer(line):
        left, right = m.group(1), m.group(2)
        token = left + right
        if _protected(token) or _protected(right):
            continue
        right_word = re.split(r"[-'’]", right)[0]
        # capitalised adjectives ("Nordkoreanische") are listed in lower case
        if len(right_word) < 3 or not is_known_form(right_word, lang):
            continue
        if is_known(token, lang):
            continue
        last_left = re.split(r"[-'’]", left)[-1]
        if len(left) == 1:
            # A single stray letter glued to a word: drop it when the word stands on its own.
            if len(right_word) >= 4 and not is_known(left + right_word.lower(), lang):
                pos = offset + m.start(1)
                edits.append(Edit("stray_letter", pos, pos + 1, left, ""))
            continue
        if len(last_left) < 2:
            continue
        # The left piece must itself stand as a word or name: known, or capitalised (a name), or a
        # hyphenated name part ("Won-sik").
        if not (is_known(_word_like(left), lang) or is_known(last_left, lang) or left[:1].isupper()
                or "-" in left):
            continue
        pos = offset + m.start(2)
        edits.append(Edit("glued_word", pos, pos, "", " "))
    return edits


def find_spacing(line: str, offset: int) -> list[Edit]:
    """Missing spaces after sentence punctuation and commas."""
    edits = []
    for rx in (_NO_SPACE_AFTER_STOP, _NO_SPACE_AFTER_COMMA):
        for m in rx.finditer(line):
            if _inside_url_or_mail(line, m.start()):
                continue
            pos = offset + m.end()
            edits.append(Edit("spacing", pos, pos, "", " "))
    return edits


def _inside_url_or_mail(line: str, index: int) -> bool:
    start = line.rfind(" ", 0, index) + 1
    end = line.find(" ", index)
    word = line[start: end if end >= 0 else len(line)]
    return "://" in word or "@" in word or word.lower().startswith("www.")
