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
    # the sentence classifier (a second signal for sentences with actors but no trigger) costs ~15 ms a
    # sentence and adds little yet (see docs): off unless asked for
    use_classifier: bool = False
    # threads for the BLAS library under the models. A sentence is a small matrix, so a second BLAS thread
    # mostly spins and burns a core that a worker process could use; parallelism comes from processes
    # (`--workers`). None leaves the library's default.
    math_threads: int | None = 1
    # the library for the models' matrix products: "numpy" (numpy's BLAS) or "blis" (see nlp.MATMUL)
    matmul: str = "numpy"
    extra: dict = field(default_factory=dict)


class Pipeline:
    def __init__(self, settings: Settings | None = None):
        from eventlens.actors import ActorDictionary
        from eventlens.events.ontology import Ontology

        self.settings = settings or Settings()
        if self.settings.math_threads is not None:
            from eventlens.nlp import limit_math_threads

            limit_math_threads(self.settings.math_threads)
        self.ontology = Ontology.load()
        self.actors = ActorDictionary.load(self.settings.actor_files)
        self._nlp: dict[str, object] = {}

    def nlp(self, lang: str):
        if lang not in self._nlp:
            from eventlens.nlp import load_nlp

            self._nlp[lang] = load_nlp(lang, matmul=self.settings.matmul, math_threads=self.settings.math_threads)
        return self._nlp[lang]

    def process(self, article: Article, timings: dict[str, float] | None = None) -> Document:
        """Run one article through every stage. With `timings`, each stage's seconds are added to it
        under the stage's name (clean, language, analyse, actors, events, claims), for `eventlens bench`."""
        return self._finish(self._prepare(article, timings), timings=timings)

    def _prepare(self, article: Article, timings: dict[str, float] | None = None) -> Document:
        """Clean the article and settle its language: what the language model needs before it runs."""
        from eventlens.clean import clean, detect_language, detect_paragraph_languages

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
            # per paragraph, for mixed-language articles (quotes, multilingual outlets); about 1 ms a document
            doc.paragraph_langs = [(*doc.clean.to_original(a, b), pl, pc)
                                   for a, b, pl, pc in detect_paragraph_languages(doc.clean.text)]
        return doc

    def _finish(self, doc: Document, parsed=None, timings: dict[str, float] | None = None) -> Document:
        """Every stage after cleaning; `parsed` is the spaCy Doc when a batch already ran the model."""
        from eventlens.actors import resolve_actors
        from eventlens.claims import attribute_claims, link_quotes
        from eventlens.events import code_events, merge_repeats
        from eventlens.lang import get_pack
        from eventlens.nlp import analyse

        pack = get_pack(doc.lang)
        with _timed(timings, "analyse"):
            analyse(doc, self.nlp(doc.lang), parsed=parsed)
        with _timed(timings, "actors"):
            resolve_actors(doc, self.actors, pack)
        with _timed(timings, "events"):
            code_events(doc, pack, self.ontology)
            if self.settings.use_classifier:
                from eventlens.events.classifier import propose_events

                doc.events.extend(propose_events(doc, pack, self.ontology))
        with _timed(timings, "claims"):
            attribute_claims(doc, pack)
            doc.events = merge_repeats(doc.events)
            link_quotes(doc)
        return doc

    def process_many(self, items: Iterable[Article | Failure], batch_size: int = 16, workers: int = 1,
                     timings: dict[str, float] | None = None) -> Iterator[Document | Failure]:
        """Documents (or Failures) in input order. The language model runs over batches of articles
        (faster than one at a time); with workers > 1, batches go to that many processes. With `timings`
        (one process only), each stage's seconds are added to it, as in `process`."""
        batches = _chunks(items, batch_size)
        if workers > 1:
            with WorkerPool(self.settings, workers) as pool:
                yield from pool.map(batches)
            return
        for batch in batches:
            yield from self._run_batch(batch, timings)

    def _run_batch(self, batch: list[Article | Failure],
                   timings: dict[str, float] | None = None) -> Iterator[Document | Failure]:
        prepared = [item if isinstance(item, Failure) else _guard(self._prepare, item, timings) for item in batch]
        parsed: dict[int, object] = {}
        by_lang: dict[str, list[Document]] = {}
        for doc in prepared:
            if isinstance(doc, Document):
                by_lang.setdefault(doc.lang, []).append(doc)
        for lang, docs in by_lang.items():
            try:
                nlp = self.nlp(lang)
                for doc in docs:
                    nlp.max_length = max(nlp.max_length, len(doc.clean.text) + 1)
                with _timed(timings, "analyse"):
                    for doc, sdoc in zip(docs, nlp.pipe(d.clean.text for d in docs), strict=True):
                        parsed[id(doc)] = sdoc
            except Exception:  # one bad text must not lose the batch: fall back to one at a time
                log.warning("batched analysis failed for %s; analysing one by one", lang, exc_info=True)
        for doc in prepared:
            if isinstance(doc, Failure):
                yield doc
            else:
                yield _guard(self._finish, doc, parsed.get(id(doc)), timings)


def _guard(stage, item, *args):
    """Run a stage on one document; an error becomes that document's Failure, never the batch's."""
    article = item.article if isinstance(item, Document) else item
    try:
        return stage(item, *args)
    except EventlensError as exc:
        message = exc.message
        if exc.path and exc.path != article.path:  # e.g. a broken data file: say which one
            message = f"{message} (in {exc.path}{':' + str(exc.line) if exc.line else ''})"
        return Failure(path=article.path or article.doc_id, code=exc.code, message=message, doc_id=article.doc_id)
    except Exception as exc:  # a bug on one document must not stop a batch
        log.exception("processing %s failed", article.doc_id)
        return Failure(path=article.path or article.doc_id, code="E201", message=f"processing failed: {exc!r}",
                       doc_id=article.doc_id)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class WorkerPool:
    """Processes that each build one Pipeline from the same Settings and process batches of articles.

        with WorkerPool(settings, 2, warm=articles) as pool:
            pool.wait_ready()                      # every worker has loaded its models (and run `warm`)
            for doc in pool.map(batches): ...      # Documents and Failures in input order

    Documents come back without their spaCy Doc (costly to send, and nothing later needs it). `timings`
    and `cpu_seconds` add up what the workers spent on the batches (not their start-up)."""

    def __init__(self, settings: Settings, workers: int, warm: Iterable[Article] = ()):
        self.settings = settings
        self.workers = workers
        self.warm = list(warm)
        self.timings: dict[str, float] = {}
        self.cpu_seconds = 0.0
        self._pool = None
        self._ready = None

    def __enter__(self) -> WorkerPool:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")  # a clean process: no forked model or thread state
        self._ready = ctx.Semaphore(0)
        self._pool = ctx.Pool(self.workers, initializer=_worker_start,
                              initargs=(self.settings, self.warm, self._ready))
        return self

    def __exit__(self, *exc) -> None:
        self._pool.__exit__(*exc)

    def wait_ready(self) -> None:
        """Block until every worker has built its Pipeline and run the warm-up articles."""
        for _ in range(self.workers):
            self._ready.acquire()

    def map(self, batches: Iterable[list[Article | Failure]]) -> Iterator[Document | Failure]:
        for docs, timings, cpu in self._pool.imap(_worker_batch, batches):
            for stage, seconds in timings.items():
                self.timings[stage] = self.timings.get(stage, 0.0) + seconds
            self.cpu_seconds += cpu
            yield from docs


# Each worker process builds its own Pipeline once (models cannot be shared across processes).
_WORKER: Pipeline | None = None


def _worker_start(settings: Settings, warm: list[Article], ready) -> None:
    global _WORKER
    try:
        _WORKER = Pipeline(settings)
        for article in warm:  # loads each language's model and lazily read tables
            list(_WORKER.process_many([article]))
    finally:
        ready.release()


def _worker_batch(batch: list[Article | Failure]) -> tuple[list[Document | Failure], dict[str, float], float]:
    timings: dict[str, float] = {}
    start = time.process_time()
    out = list(_WORKER._run_batch(batch, timings))
    for doc in out:
        if isinstance(doc, Document):
            doc.nlp = None  # the spaCy Doc stays in the worker: costly to send, and nothing later needs it
    return out, timings, time.process_time() - start


def extract(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Document | Failure]:
    """Read and process articles from files or directories; the Python twin of `eventlens extract`."""
    from eventlens.ingest import iter_articles

    settings = settings or Settings()
    pipe = Pipeline(settings)
    yield from pipe.process_many(iter_articles(list(paths), lang=settings.lang, published=settings.published))
