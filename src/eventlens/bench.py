"""Throughput and memory: how fast the pipeline turns articles into events, and how much memory it takes.

    result = run("examples", n=2000)       # the examples repeated to 2,000 articles
    result.articles_per_s, result.peak_rss_mb, result.stage_share()

Language models are loaded (and each distinct article processed once) before the clock starts, so the
figures are steady-state throughput; the load time is reported on its own.
"""

from __future__ import annotations

import dataclasses
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventlens.errors import ConfigError, InputError
from eventlens.records import Article

STAGES = ("all", "clean")


@dataclass
class BenchResult:
    stage: str
    articles: int
    distinct: int
    sentences: int
    events: int
    failures: int
    seconds: float
    load_seconds: float
    peak_rss_mb: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    workers: int = 1

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.seconds if self.seconds else 0.0

    def stage_share(self) -> dict[str, float]:
        total = sum(self.stage_seconds.values())
        return {k: v / total for k, v in self.stage_seconds.items()} if total else {}

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "articles_per_s": round(self.articles_per_s, 2),
                "sentences_per_s": round(self.sentences_per_s, 1),
                "stage_share": {k: round(v, 4) for k, v in self.stage_share().items()}}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def load_corpus(input_dir: str | Path) -> list[Article]:
    """The distinct articles under input_dir (unreadable files are left out)."""
    from eventlens.ingest import iter_articles

    if not Path(input_dir).exists():
        raise InputError("E101", path=str(input_dir))
    articles = [a for a in iter_articles([str(input_dir)]) if isinstance(a, Article) and a.text.strip()]
    if not articles:
        raise InputError("E102", path=str(input_dir), patterns="*.txt and other article files")
    return articles


def repeat(articles: list[Article], n: int) -> list[Article]:
    """The articles repeated (as fresh copies with numbered ids) to at least n."""
    out = []
    i = 0
    while len(out) < max(n, len(articles)):
        a = articles[i % len(articles)]
        out.append(dataclasses.replace(a, doc_id=f"{a.doc_id}#{i // len(articles)}", meta=dict(a.meta)))
        i += 1
    return out


def run(input_dir: str | Path = "examples", n: int = 2000, stage: str = "all", pipeline: Any = None,
        workers: int = 1) -> BenchResult:
    """Process the corpus of input_dir repeated to n articles, and measure. With workers > 1 the corpus
    goes through `Pipeline.process_many` in that many processes (their start-up is inside the clock), and
    per-stage shares are not measured."""
    if stage not in STAGES:
        raise ConfigError("E801", field="stage", why=f"'{stage}' is not one of {', '.join(STAGES)}")
    articles = load_corpus(input_dir)
    corpus = repeat(articles, n)
    if stage == "clean":
        return _run_clean(corpus, len(articles))

    from eventlens.pipeline import Pipeline

    t0 = time.perf_counter()
    pipeline = pipeline or Pipeline()
    for a in articles:  # load every language's models, outside the clock
        list(pipeline.process_many([dataclasses.replace(a)]))
    load_seconds = time.perf_counter() - t0

    if workers > 1:
        return _run_parallel(pipeline, corpus, len(articles), load_seconds, workers)
    timings: dict[str, float] = {}
    sentences = events = failures = 0
    start = time.perf_counter()
    for a in corpus:
        try:
            doc = pipeline.process(a, timings=timings)
        except Exception:  # counted, as a batch would; the bench measures speed, not correctness
            failures += 1
            continue
        sentences += len(doc.sentences)
        events += len(doc.events)
    seconds = time.perf_counter() - start
    return BenchResult(stage=stage, articles=len(corpus), distinct=len(articles), sentences=sentences,
                       events=events, failures=failures, seconds=seconds, load_seconds=load_seconds,
                       peak_rss_mb=peak_rss_mb(), stage_seconds=timings)


def _run_parallel(pipeline: Any, corpus: list[Article], distinct: int, load_seconds: float,
                  workers: int) -> BenchResult:
    from eventlens.records import Failure

    sentences = events = failures = 0
    start = time.perf_counter()
    for doc in pipeline.process_many(corpus, workers=workers):
        if isinstance(doc, Failure):
            failures += 1
            continue
        sentences += len(doc.sentences)
        events += len(doc.events)
    seconds = time.perf_counter() - start
    return BenchResult(stage="all", articles=len(corpus), distinct=distinct, sentences=sentences, events=events,
                       failures=failures, seconds=seconds, load_seconds=load_seconds,
                       peak_rss_mb=max(peak_rss_mb(), peak_children_rss_mb()), workers=workers)


def peak_children_rss_mb() -> float:
    """Peak resident memory of the largest finished child process (a worker), in MiB."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _run_clean(corpus: list[Article], distinct: int) -> BenchResult:
    from eventlens.clean import clean

    failures = 0
    start = time.perf_counter()
    for a in corpus:
        try:
            clean(a)
        except Exception:
            failures += 1
    seconds = time.perf_counter() - start
    return BenchResult(stage="clean", articles=len(corpus), distinct=distinct, sentences=0, events=0,
                       failures=failures, seconds=seconds, load_seconds=0.0, peak_rss_mb=peak_rss_mb(),
                       stage_seconds={"clean": seconds})

