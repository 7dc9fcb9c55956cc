"""The only orchestrator: runs one Document through every stage.

    ingest -> clean -> analyse -> actors -> events -> claims

Resources (language pipelines, the actor dictionary, the ontology) are loaded once per Pipeline and
shared by every document it processes; nothing here is global. A document that fails becomes a
`Failure` and the batch goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from eventlens.errors import EventlensError
from eventlens.records import Article, Document, Failure

log = logging.getLogger(__name__)


@contextmanager
def _timed(timings: dict[str, float] | None, stage: str) -> Iterator[None]:
    """Add the seconds the block takes to timings[stage]; does nothing when timings is None."""
    if timings is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class Settings:
    lang: str | None = None  # force a language instead of detecting it
    published: str | None = None  # default publication date (YYYY-MM-DD) for articles without one
    actor_files: tuple[str, ...] = ()  # user actor files layered over the shipped dictionary
    use_classifier: bool = True
    extra: dict = field(default_factory=dict)


class Pipeline:
    def __init__(self, settings: Settings | None = None):
        from eventlens.actors import ActorDictionary
        from eventlens.events.ontology import Ontology

        self.settings = settings or Settings()
        self.ontology = Ontology.load()
        self.actors = ActorDictionary.load(self.settings.actor_files)
        self._nlp: dict[str, object] = {}

    def nlp(self, lang: str):
        if lang not in self._nlp:
            from eventlens.nlp import load_nlp

            self._nlp[lang] = load_nlp(lang)
        return self._nlp[lang]

    def process(self, article: Article, timings: dict[str, float] | None = None) -> Document:
        """Run one article through every stage. With `timings`, each stage's seconds are added to it
        under the stage's name (clean, language, analyse, actors, events, claims), for `eventlens bench`."""
        from eventlens.actors import resolve_actors
        from eventlens.claims import attribute_claims
        from eventlens.clean import clean, detect_language
        from eventlens.events import code_events, merge_repeats
        from eventlens.lang import get_pack
        from eventlens.nlp import analyse

        if article.published is None and self.settings.published:
            article.published = self.settings.published
        doc = Document(article=article)
        with _timed(timings, "clean"):
            doc.clean = clean(article)
        with _timed(timings, "language"):
            lang = self.settings.lang or article.lang
            if lang:
                doc.lang, doc.lang_confidence = lang, 1.0
            else:
                doc.lang, doc.lang_confidence = detect_language(doc.clean.text)
            pack = get_pack(doc.lang)
        with _timed(timings, "analyse"):
            analyse(doc, self.nlp(doc.lang))
        with _timed(timings, "actors"):
            resolve_actors(doc, self.actors, pack)
        with _timed(timings, "events"):
            code_events(doc, pack, self.ontology)
        with _timed(timings, "claims"):
            attribute_claims(doc, pack)
            doc.events = merge_repeats(doc.events)
        return doc

    def process_many(self, items: Iterable[Article | Failure]) -> Iterator[Document | Failure]:
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield self.process(item)
            except EventlensError as exc:
                message = exc.message
                if exc.path and exc.path != item.path:  # e.g. a broken data file: say which one
                    message = f"{message} (in {exc.path}{':' + str(exc.line) if exc.line else ''})"
                yield Failure(path=item.path or item.doc_id, code=exc.code, message=message, doc_id=item.doc_id)
            except Exception as exc:  # a bug on one document must not stop a batch
                log.exception("processing %s failed", item.doc_id)
                yield Failure(path=item.path or item.doc_id, code="E201", message=f"processing failed: {exc!r}",
                              doc_id=item.doc_id)


def extract(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Document | Failure]:
    """Read and process articles from files or directories; the Python twin of `eventlens extract`."""
    from eventlens.ingest import iter_articles

    settings = settings or Settings()
    pipe = Pipeline(settings)
    yield from pipe.process_many(iter_articles(list(paths), lang=settings.lang, published=settings.published))
