"""Clean: from an article's raw body to clean text with a map back to the original.

    clean(article) -> CleanText
    detect_language(text) -> (lang, confidence)

`clean` removes boilerplate lines (patterns in `lang/<code>/boilerplate.yaml` for every language plus
`clean/data/common.yaml`), keeps the headline once as the first paragraph (and as `CleanText.title`),
repairs glued words and missing spaces, normalises characters, and records each removal and repair as
an `Edit` with offsets into `Article.text`. Paragraphs in the output are separated by a blank line. See
`text.py` for the steps.

Also here: `detect_paragraph_languages` (per paragraph), `NearDuplicateIndex` (MinHash LSH) and
`bench_clean` (documents per second for text and HTML input).
"""

from __future__ import annotations

from eventlens.clean.langid import detect_language, detect_paragraph_languages
from eventlens.errors import CleanError
from eventlens.records import Article, CleanText

__all__ = ["clean", "detect_language", "detect_paragraph_languages", "NearDuplicateIndex", "bench_clean"]


def clean(article: Article) -> CleanText:
    """Cleaned text of `article.text[article.body_start:]`, offsets into `article.text`."""
    from eventlens.clean.text import clean_article

    lang = article.lang
    if not lang:
        body = article.text[article.body_start: article.body_start + 4000]
        lang, _ = detect_language(body)
    try:
        return clean_article(article, lang)
    except RecursionError as exc:
        raise CleanError("E201", path=article.path or article.doc_id, why="text nested too deeply") from exc


def __getattr__(name: str):
    if name == "NearDuplicateIndex":
        from eventlens.clean.dedup import NearDuplicateIndex

        return NearDuplicateIndex
    if name == "bench_clean":
        from eventlens.clean.bench import bench_clean

        return bench_clean
    raise AttributeError(name)
